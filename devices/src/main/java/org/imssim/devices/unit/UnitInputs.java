package org.imssim.devices.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.sensor.TemperatureUnit;
import org.imssim.hal.mock.MockDigitalInput;

/** The inputs of one unit by channel, built together: shared by Host and Node. */
final class UnitInputs {

    private final Map<Integer, Input> byChannel;

    private UnitInputs(Map<Integer, Input> byChannel) {
        this.byChannel = byChannel;
    }

    /**
     * Builds every input of {@code builders}; when one cannot be built, those already built are
     * closed and the error passed on.
     */
    static UnitInputs build(UnitId unit, List<Input.Builder> builders, TemperatureUnit temperatureUnit,
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

    /** A mock contact carrying {@code type}, at its normal word. */
    static MockDigitalInput mockContact(SensorType type) {
        return new MockDigitalInput(type.token(), type.levelForWord(type.normalWord()));
    }

    static boolean has(List<Input.Builder> builders, int channel) {
        return builders.stream().anyMatch(b -> b.channel() == channel);
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
}
