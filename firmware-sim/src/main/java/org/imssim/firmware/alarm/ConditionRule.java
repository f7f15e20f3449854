package org.imssim.firmware.alarm;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imssim.devices.sensor.Reading;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.unit.Input;
import org.imssim.firmware.hardware.InputSettings;

/**
 * Whether a reading of one input is out of range, and in which {@link Condition} (SPEC §3, §4).
 *
 * <ul>
 *   <li>Analog types: limits are strict. {@code value > high} is {@code High} ({@code High Sound}
 *       for a sound input), {@code value < low} is {@code Low}; a value equal to a limit is in
 *       range. A limit that is not set never trips.</li>
 *   <li>Binary types: the alarm word (the one that is not normal) is {@code Wet}, {@code Smoke},
 *       {@code Open} or {@code Closed} (a dry contact, whichever is not its normal),
 *       {@code Battery Fault}, or {@code Power Fail} (AC power, Node power).</li>
 * </ul>
 *
 * The reading is the one the input gives, calibration already added by the devices layer.
 */
public final class ConditionRule {

    private final SensorType type;
    private final OptionalDouble low;
    private final OptionalDouble high;
    private final String alarmWord;

    private ConditionRule(SensorType type, OptionalDouble low, OptionalDouble high, String alarmWord) {
        this.type = type;
        this.low = low;
        this.high = high;
        this.alarmWord = alarmWord;
    }

    /** The rule of an input with its resolved settings (limits, and for a dry contact its normal word). */
    public static ConditionRule of(Input input, InputSettings settings) {
        return input.type().isAnalog()
                ? analog(input.type(), settings.low(), settings.high())
                : binary(input.type(), input.alarmWord());
    }

    /**
     * The rule of an analog type with these limits.
     *
     * @throws IllegalArgumentException for a binary type
     */
    public static ConditionRule analog(SensorType type, OptionalDouble low, OptionalDouble high) {
        if (!type.isAnalog()) {
            throw new IllegalArgumentException("A " + type.token() + " input reads a word, not a number.");
        }
        return new ConditionRule(type, Objects.requireNonNull(low, "low"), Objects.requireNonNull(high, "high"), null);
    }

    /**
     * The rule of a binary type whose alarm word is {@code alarmWord}.
     *
     * @throws IllegalArgumentException for an analog type or a word the type does not read
     */
    public static ConditionRule binary(SensorType type, String alarmWord) {
        if (type.isAnalog() || !type.hasWord(alarmWord)) {
            throw new IllegalArgumentException("A " + type.token() + " input has no alarm word " + alarmWord + ".");
        }
        return new ConditionRule(type, OptionalDouble.empty(), OptionalDouble.empty(), alarmWord);
    }

    /**
     * The condition {@code reading} is in; empty when it is in range.
     *
     * @throws IllegalArgumentException when the reading is not of this rule's kind (a word for an
     *                                  analog type, a number for a binary one)
     */
    public Optional<Condition> conditionOf(Reading reading) {
        if (reading instanceof Reading.Analog analog && type.isAnalog()) {
            double value = analog.value();
            if (high.isPresent() && value > high.getAsDouble()) {
                return Optional.of(type == SensorType.SOUND ? Condition.HIGH_SOUND : Condition.HIGH);
            }
            if (low.isPresent() && value < low.getAsDouble()) {
                return Optional.of(Condition.LOW);
            }
            return Optional.empty();
        }
        if (reading instanceof Reading.Binary binary && type.isBinary()) {
            return binary.word().equals(alarmWord) ? Optional.of(binaryCondition()) : Optional.empty();
        }
        throw new IllegalArgumentException("A " + type.token() + " input cannot read " + reading + ".");
    }

    private Condition binaryCondition() {
        return switch (type) {
            case WATER -> Condition.WET;
            case SMOKE -> Condition.SMOKE;
            case DRY_CONTACT -> "open".equals(alarmWord) ? Condition.OPEN : Condition.CLOSED;
            case BATTERY -> Condition.BATTERY_FAULT;
            case AC_POWER, NODE_POWER -> Condition.POWER_FAIL;
            case TEMPERATURE, HUMIDITY, POWER, CURRENT, TRANSDUCER, SOUND -> throw new IllegalStateException(type.token());
        };
    }
}
