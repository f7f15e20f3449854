package org.imssim.devices.unit;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.DoubleUnaryOperator;
import org.imssim.devices.sensor.Reading;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.sensor.TemperatureUnit;
import org.imssim.hal.AnalogInput;
import org.imssim.hal.AnalogSample;
import org.imssim.hal.DigitalInput;
import org.imssim.hal.DigitalSample;
import org.imssim.hal.InputChannel;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input of a Host or Node: a channel carrying a sensor of one type, read through a HAL
 * channel (an {@link AnalogInput} for analog types, a {@link DigitalInput} for binary ones).
 *
 * <p>The input turns the channel's samples into a {@link Reading} and a {@link Presence}:
 * <ul>
 *   <li>analog: the raw value mapped by the {@linkplain Builder#rawConversion raw conversion}
 *       (identity by default: mock channels are driven in reading units), plus the calibration,
 *       rounded to the 0.1 the unit resolves, in the type's unit ({@code F}/{@code C} after the
 *       unit's temperature unit);</li>
 *   <li>binary: the type's word for the contact's level ({@link SensorType#wordForLevel(boolean)});</li>
 *   <li>presence: {@code MISSING} when the channel says nothing is attached; {@code WRONG_PROBE}
 *       when it names a probe kind other than this type's token; otherwise {@code CONNECTED}
 *       (a channel that cannot identify probes names none).</li>
 * </ul>
 *
 * <p>It holds state and reports changes; whether a reading is an alarm is the firmware's to
 * decide. Threads: HAL events are handed to the executor the input was built with, the thread
 * that owns its unit; the input's state is read and changed, and its listeners called, only
 * there. With a direct executor ({@code Runnable::run}) listeners run on the HAL's thread.
 *
 * <p>The input owns its HAL channel: {@link #close()} closes it.
 */
public final class Input implements AutoCloseable {

    /** Called on the unit's thread once per change of an input's presence or reading. */
    @FunctionalInterface
    public interface Listener {
        void inputChanged(InputChange change);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Input.class);

    private final InputAddress address;
    private final SensorType type;
    private final String name;
    private final double calibration;
    private final TemperatureUnit temperatureUnit;
    private final String normalWord;
    private final DoubleUnaryOperator rawConversion;
    private final InputChannel channel;
    private final Executor executor;
    private final Listeners<Listener> listeners = new Listeners<>();
    private final Subscription channelSubscription;
    private InputState state;
    private boolean closed;

    private Input(Builder b, UnitId unit, TemperatureUnit temperatureUnit, Executor executor) {
        this.address = new InputAddress(unit, b.channel);
        this.type = b.type;
        this.temperatureUnit = Objects.requireNonNull(temperatureUnit, "temperatureUnit");
        this.executor = Objects.requireNonNull(executor, "executor");
        checkPlacement(address, type);
        this.name = b.name == null || b.name.isBlank() ? type.defaultInputName(b.channel) : b.name.strip();
        this.calibration = b.calibration;
        this.normalWord = type.isBinary() ? (b.normal == null ? type.normalWord() : b.normal) : null;
        this.rawConversion = b.rawConversion;
        this.channel = b.halChannel;
        // Read once before listening, so that state is never null; then once more after, so that
        // a change made between the two is not lost (an equal state is not reported).
        this.state = stateOf(channel);
        if (channel instanceof AnalogInput analog) {
            channelSubscription = analog.onChange(sample -> executor.execute(() -> update(stateOf(sample))));
        } else {
            DigitalInput digital = (DigitalInput) channel;
            channelSubscription = digital.onChange(sample -> executor.execute(() -> update(stateOf(sample))));
        }
        executor.execute(() -> update(stateOf(channel)));
    }

    /**
     * Starts an input on {@code channel} of its unit carrying {@code type}, read through
     * {@code halChannel}. The unit, temperature unit and executor come at {@link Builder#build}.
     */
    public static Builder builder(int channel, SensorType type, InputChannel halChannel) {
        return new Builder(channel, type, halChannel);
    }

    /** Where the input is: {@code host/3}, {@code node-2/9}. */
    public InputAddress address() {
        return address;
    }

    /** The unit the input belongs to. */
    public UnitId unitId() {
        return address.unit();
    }

    /** The channel number on its unit. */
    public int channel() {
        return address.channel();
    }

    /** The sensor type the input is configured for. */
    public SensorType type() {
        return type;
    }

    /** The input's name: as configured, else the type's default ({@code Input 3}, {@code AC Power}). */
    public String name() {
        return name;
    }

    /** What is added to each analog reading; 0 for binary inputs. */
    public double calibration() {
        return calibration;
    }

    /** The temperature unit readings are given in. */
    public TemperatureUnit temperatureUnit() {
        return temperatureUnit;
    }

    /** The unit an analog reading is written in ({@code F}, {@code %RH}, …); empty for binary inputs. */
    public Optional<String> readingUnit() {
        return type.readingUnit(temperatureUnit);
    }

    /**
     * The word a binary input reads when all is well: the type's, or for a dry contact the
     * configured {@code normal}.
     *
     * @throws IllegalStateException for an analog input
     */
    public String normalWord() {
        requireBinary();
        return normalWord;
    }

    /**
     * The word a binary input reads in its alarm condition: the other of its two words.
     *
     * @throws IllegalStateException for an analog input
     */
    public String alarmWord() {
        requireBinary();
        return type.otherWord(normalWord);
    }

    /** The HAL channel behind the input (a mock one can be driven by the simulation). */
    public InputChannel halChannel() {
        return channel;
    }

    /** The current state: presence and reading. */
    public InputState state() {
        return state;
    }

    /** The current reading; empty unless the sensor is {@link Presence#CONNECTED}. */
    public Optional<Reading> reading() {
        return state.reading();
    }

    /** What is plugged in. */
    public Presence presence() {
        return state.presence();
    }

    /**
     * The sensor type of what is plugged in, by the channel's probe kind: this input's type when
     * connected, another type when one was swapped in, empty when nothing is plugged or the probe
     * kind names no sensor type.
     */
    public Optional<SensorType> attachedType() {
        return switch (state.presence()) {
            case CONNECTED -> Optional.of(type);
            case MISSING -> Optional.empty();
            case WRONG_PROBE -> SensorType.fromToken(state.probeKind());
        };
    }

    /** Registers {@code listener} for every later change. */
    public Subscription onChange(Listener listener) {
        return listeners.add(listener);
    }

    /** Stops listening to the channel and closes it; no listener is called afterwards. */
    @Override
    public void close() {
        closed = true;
        channelSubscription.cancel();
        listeners.clear();
        channel.close();
    }

    private void update(InputState next) {
        if (closed || next.equals(state)) {
            return;
        }
        InputState previous = state;
        state = next;
        LOG.debug("Input {} {}: {} -> {}", address, name, previous, next);
        InputChange change = new InputChange(this, previous, next);
        listeners.fire(l -> l.inputChanged(change));
    }

    private InputState stateOf(InputChannel ch) {
        return ch instanceof AnalogInput analog ? stateOf(analog.sample()) : stateOf(((DigitalInput) ch).sample());
    }

    private InputState stateOf(AnalogSample sample) {
        if (!sample.present()) {
            return InputState.missing();
        }
        if (isOtherProbe(sample.probeKind())) {
            return InputState.wrongProbe(sample.probeKind());
        }
        double value = Reading.roundToTenth(rawConversion.applyAsDouble(sample.value()) + calibration);
        if (!Double.isFinite(value)) {
            LOG.warn("Input {} {}: raw value {} gives no usable reading", address, name, sample.value());
            return InputState.missing();
        }
        return InputState.connected(Reading.analog(value, readingUnit().orElseThrow()), sample.probeKind());
    }

    private InputState stateOf(DigitalSample sample) {
        if (!sample.present()) {
            return InputState.missing();
        }
        if (isOtherProbe(sample.probeKind())) {
            return InputState.wrongProbe(sample.probeKind());
        }
        return InputState.connected(Reading.binary(type.wordForLevel(sample.high())), sample.probeKind());
    }

    private boolean isOtherProbe(String probeKind) {
        return !probeKind.isEmpty() && !probeKind.equals(type.token());
    }

    private void requireBinary() {
        if (type.isAnalog()) {
            throw new IllegalStateException("Input " + address + " reads a number, not a word.");
        }
    }

    private static void checkPlacement(InputAddress address, SensorType type) {
        Optional<SensorType> fixed = address.fixedType();
        if (fixed.isPresent() && fixed.get() != type) {
            throw new IllegalArgumentException("Input " + address + " carries " + fixed.get().token()
                    + ", not " + type.token() + ".");
        }
        if (fixed.isEmpty() && type.isFixed()) {
            String where = switch (type) {
                case BATTERY -> "host/9";
                case AC_POWER -> "host/10";
                case SOUND -> "host/11";
                default -> "channel 9 of a Node";
            };
            throw new IllegalArgumentException("A " + type.token() + " input exists only on " + where
                    + ", not on " + address + ".");
        }
    }

    @Override
    public String toString() {
        return "Input " + address + " " + name + " (" + type.token() + "): " + state;
    }

    /**
     * The settings of one input, as plain values. The firmware maps a configuration entry onto
     * one; the Host or Node that owns the input supplies unit, temperature unit and executor.
     */
    public static final class Builder {
        private final int channel;
        private final SensorType type;
        private final InputChannel halChannel;
        private String name;
        private double calibration;
        private String normal;
        private DoubleUnaryOperator rawConversion = DoubleUnaryOperator.identity();

        private Builder(int channel, SensorType type, InputChannel halChannel) {
            this.channel = channel;
            this.type = Objects.requireNonNull(type, "type");
            this.halChannel = Objects.requireNonNull(halChannel, "halChannel");
            if (type.isAnalog() && !(halChannel instanceof AnalogInput)) {
                throw new IllegalArgumentException("A " + type.token() + " input needs an analog channel.");
            }
            if (type.isBinary() && !(halChannel instanceof DigitalInput)) {
                throw new IllegalArgumentException("A " + type.token() + " input needs a digital channel.");
            }
        }

        /** The channel number on its unit. */
        public int channel() {
            return channel;
        }

        /** The sensor type. */
        public SensorType type() {
            return type;
        }

        /** The input's name; null or blank means the type's default name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * What is added to each reading, in the reading's unit. Only analog inputs take a
         * calibration other than 0.
         */
        public Builder calibration(double calibration) {
            if (!Double.isFinite(calibration)) {
                throw new IllegalArgumentException("A calibration must be a finite number, not " + calibration + ".");
            }
            if (calibration != 0 && type.isBinary()) {
                throw new IllegalArgumentException("A " + type.token() + " input reads a word and takes no calibration.");
            }
            this.calibration = calibration;
            return this;
        }

        /**
         * The normal word of a dry contact: {@code open} or {@code closed} (default {@code closed}).
         *
         * @throws IllegalArgumentException for another type or another word
         */
        public Builder normal(String word) {
            if (type != SensorType.DRY_CONTACT) {
                throw new IllegalArgumentException("Only a dry-contact input has a configurable normal state.");
            }
            if (!type.hasWord(word)) {
                throw new IllegalArgumentException("A dry contact is normally open or closed, not " + word + ".");
            }
            this.normal = word;
            return this;
        }

        /**
         * Maps the channel's raw units to the reading's units, before calibration: identity by
         * default, for channels driven in reading units (mocks); a DS18B20 giving °C on an °F unit
         * uses {@code TemperatureUnit.F::fromCelsius}.
         */
        public Builder rawConversion(DoubleUnaryOperator rawConversion) {
            this.rawConversion = Objects.requireNonNull(rawConversion, "rawConversion");
            return this;
        }

        /**
         * Builds the input and starts listening to its channel.
         *
         * @param unit            the unit the input belongs to
         * @param temperatureUnit the unit's temperature unit
         * @param executor        the thread that owns the unit
         * @throws IllegalArgumentException when the channel does not exist on that unit, or the
         *                                  type does not belong on it
         */
        public Input build(UnitId unit, TemperatureUnit temperatureUnit, Executor executor) {
            return new Input(this, unit, temperatureUnit, executor);
        }
    }
}
