package org.imssim.devices.unit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.imssim.devices.sensor.TemperatureUnit;

/**
 * An IMS-4000 Node, units 2–32 ({@code node-<n>}): external inputs 1–8, each optional, and the
 * node power input on channel 9, always there.
 *
 * <p>When the builder is not given channel 9, it is made on a mock contact reading {@code ok}.
 * Mail bodies show the Node as {@code Node <n> <name>}, or {@code Node <n>} when it has no name.
 */
public final class Node implements Unit {

    private final UnitId id;
    private final String name;
    private final TemperatureUnit temperatureUnit;
    private final UnitInputs inputs;

    private Node(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.temperatureUnit = b.inputs.temperatureUnit();
        this.inputs = b.inputs.build(id);
    }

    /**
     * Starts Node {@code number}: no name, temperature unit C, a direct executor, no external inputs.
     *
     * @throws IllegalArgumentException unless {@code number} is 2 to 32
     */
    public static Builder builder(int number) {
        return new Builder(UnitId.node(number));
    }

    @Override
    public UnitId id() {
        return id;
    }

    /** The Node's number, 2–32. */
    public int number() {
        return id.number();
    }

    /** The Node's name, if it has one. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@code Node <n> <name>}, or {@code Node <n>} without a name. */
    @Override
    public String displayName() {
        return name == null ? "Node " + id.number() : "Node " + id.number() + " " + name;
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

    /** The node power input, channel 9. */
    public Input nodePower() {
        return inputs.get(9).orElseThrow();
    }

    @Override
    public void close() {
        inputs.close();
    }

    @Override
    public String toString() {
        return displayName() + inputs();
    }

    /** A Node's settings, as plain values. */
    public static final class Builder {
        private final UnitId id;
        private String name;
        private final UnitInputs.Builder inputs = new UnitInputs.Builder();

        private Builder(UnitId id) {
            this.id = id;
        }

        /** The Node's name; null or blank means none. */
        public Builder name(String name) {
            this.name = name == null || name.isBlank() ? null : name.strip();
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

        /** Adds an input: channels 1–8 of any non-fixed type, or 9 as node-power. */
        public Builder input(Input.Builder input) {
            inputs.input(input);
            return this;
        }

        /**
         * Builds the Node and starts its inputs.
         *
         * @throws IllegalArgumentException when a channel is given twice, does not exist, or
         *                                  carries a type that does not belong there
         */
        public Node build() {
            return new Node(this);
        }
    }
}
