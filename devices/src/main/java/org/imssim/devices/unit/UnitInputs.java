package org.imssim.devices.unit;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.imssim.devices.sensor.Reading;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.sensor.TemperatureUnit;
import org.imssim.hal.InputChannel;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;

/**
 * The inputs of one unit by channel, built together: shared by Host and Node, as is the
 * {@link Builder} of their inputs.
 */
final class UnitInputs {

    private final Map<Integer, Input> byChannel;

    private UnitInputs(Map<Integer, Input> byChannel) {
        this.byChannel = byChannel;
    }

    /**
     * Builds every input of {@code builders}; when one cannot be built, those already built are
     * closed and the error passed on.
     */
    private static UnitInputs build(UnitId unit, List<Input.Builder> builders, TemperatureUnit temperatureUnit,
            Executor executor) {
        Map<Integer, Input.Builder> wanted = new TreeMap<>();
        for (Input.Builder b : builders) {
            if (wanted.putIfAbsent(b.channel(), b) != null) {
                throw new IllegalArgumentException("Input " + unit.id() + "/" + b.channel() + " is given twice.");
            }
        }
        Map<Integer, Input> built = new TreeMap<>();
        try {
            for (Input.Builder b : wanted.values()) {
                built.put(b.channel(), b.build(unit, temperatureUnit, executor));
            }
        } catch (RuntimeException e) {
            built.values().forEach(Input::close);
            throw e;
        }
        return new UnitInputs(built);
    }

    List<Input> all() {
        return List.copyOf(byChannel.values());
    }

    Optional<Input> get(int channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    void close() {
        for (Input input : new ArrayList<>(byChannel.values())) {
            input.close();
        }
    }

    /**
     * What the builder of a Host or a Node collects for the unit's inputs: the unit's clock (only
     * the Host has one), its executor, its temperature unit and the inputs it is given.
     *
     * <p>{@link #build(UnitId)} adds each fixed channel it was not given ({@link
     * InputAddress#fixedType()}: battery, AC power and sound on the Host, node power on a Node) on
     * a mock channel at its type's {@linkplain SensorType#mockInitial mock starting value}.
     */
    static final class Builder {
        private InstantSource clock;
        private Executor executor = Runnable::run;
        private TemperatureUnit temperatureUnit = TemperatureUnit.C;
        private final List<Input.Builder> given = new ArrayList<>();

        void clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        boolean hasClock() {
            return clock != null;
        }

        void executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
        }

        void temperatureUnit(TemperatureUnit temperatureUnit) {
            this.temperatureUnit = Objects.requireNonNull(temperatureUnit, "temperatureUnit");
        }

        TemperatureUnit temperatureUnit() {
            return temperatureUnit;
        }

        void input(Input.Builder input) {
            given.add(Objects.requireNonNull(input, "input"));
        }

        /** Builds the inputs of {@code unit}, as {@link UnitInputs#build} does, fixed channels added. */
        UnitInputs build(UnitId unit) {
            List<Input.Builder> all = new ArrayList<>(given);
            for (int channel = 1; channel <= unit.lastChannel(); channel++) {
                Optional<SensorType> fixed = new InputAddress(unit, channel).fixedType();
                if (fixed.isPresent() && !isGiven(channel)) {
                    all.add(Input.builder(channel, fixed.get(), mockChannel(fixed.get())));
                }
            }
            return UnitInputs.build(unit, all, temperatureUnit, executor);
        }

        private boolean isGiven(int channel) {
            return given.stream().anyMatch(b -> b.channel() == channel);
        }

        private InputChannel mockChannel(SensorType type) {
            if (type.isAnalog()) {
                double initial = ((Reading.Analog) type.mockInitial(temperatureUnit)).value();
                return new MockAnalogInput(Objects.requireNonNull(clock, "clock"), type.token(), initial);
            }
            return new MockDigitalInput(type.token(), type.levelForWord(type.normalWord()));
        }
    }
}
