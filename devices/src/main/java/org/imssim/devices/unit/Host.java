package org.imssim.devices.unit;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.sensor.TemperatureUnit;

/**
 * The IMS-4000 Host, unit 1 ({@code host}): external inputs 1–8, each optional, and three fixed
 * inputs that are always there: 9 battery, 10 AC power, 11 high sound.
 *
 * <p>A fixed input the builder is not given is made on a mock channel at its type's
 * {@linkplain SensorType#mockInitial mock starting value} ({@code ok}, {@code ok}, 40 dB); give
 * one to rename it or to put it on another channel. Mail bodies show the Host as {@code Host}.
 */
public final class Host implements Unit {

    private final TemperatureUnit temperatureUnit;
    private final UnitInputs inputs;

    private Host(Builder b) {
        this.temperatureUnit = b.inputs.temperatureUnit();
        this.inputs = b.inputs.build(UnitId.host());
    }

    /** Starts a Host: temperature unit C, a direct executor, no external inputs. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public UnitId id() {
        return UnitId.host();
    }

    /** {@code Host}. */
    @Override
    public String displayName() {
        return "Host";
    }

    @Override
    public TemperatureUnit temperatureUnit() {
        return temperatureUnit;
    }

    @Override
    public List<Input> inputs() {
        return inputs.all();
    }

    @Override
    public Optional<Input> input(int channel) {
        return inputs.get(channel);
    }

    /** The battery input, channel 9. */
    public Input battery() {
        return inputs.get(9).orElseThrow();
    }

    /** The AC power input, channel 10. */
    public Input acPower() {
        return inputs.get(10).orElseThrow();
    }

    /** The high sound input, channel 11. */
    public Input sound() {
        return inputs.get(11).orElseThrow();
    }

    @Override
    public void close() {
        inputs.close();
    }

    @Override
    public String toString() {
        return "Host" + inputs();
    }

    /** The Host's settings, as plain values. */
    public static final class Builder {
        private final UnitInputs.Builder inputs = new UnitInputs.Builder();

        private Builder() {
        }

        /** The unit's clock; it stamps the samples of the mock channels the Host makes. Required. */
        public Builder clock(InstantSource clock) {
            inputs.clock(clock);
            return this;
        }

        /** The thread that owns the unit; by default the HAL's own (direct). */
        public Builder executor(Executor executor) {
            inputs.executor(executor);
            return this;
        }

        /** The unit's temperature unit (default {@code C}). */
        public Builder temperatureUnit(TemperatureUnit temperatureUnit) {
            inputs.temperatureUnit(temperatureUnit);
            return this;
        }

        /** Adds an input: channels 1–8 of any non-fixed type, or 9–11 with their fixed types. */
        public Builder input(Input.Builder input) {
            inputs.input(input);
            return this;
        }

        /**
         * Builds the Host and starts its inputs.
         *
         * @throws IllegalStateException    without a clock
         * @throws IllegalArgumentException when a channel is given twice, does not exist, or
         *                                  carries a type that does not belong there
         */
        public Host build() {
            if (!inputs.hasClock()) {
                throw new IllegalStateException("A Host needs a clock.");
            }
            return new Host(this);
        }
    }
}
