package org.imssim.firmware.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One alarm occurrence of an input (SPEC §4): it starts when the recognition time ends, when an
 * acknowledged alarm is re-armed, or when the sensor goes into trouble, and it carries one
 * acknowledgment code for its whole life. An immutable snapshot: every change gives a new one,
 * with the same {@link #id()} and {@link #code()}.
 *
 * <p>Its life ends exactly once: back in range after being acknowledged, acknowledged after
 * being back in range, a trouble that returns to normal, or closed (trouble, disabled, outside
 * schedule, re-armed). Then {@link #isOpen()} is false and the code is free for another
 * occurrence. While it is open its code is taken, even once acknowledged (the code then no longer
 * acknowledges anything).
 */
public final class Occurrence {

    private final String id;
    private final AlarmAddress address;
    private final String unitName;
    private final String inputName;
    private final String alarmClass;
    private final Condition condition;
    private final String valueText;
    private final String code;
    private final Instant openedAt;
    private final StartReason reason;
    private final AlarmState state;
    private final boolean open;
    private final Acknowledgment acknowledgment;

    private Occurrence(String id, AlarmAddress address, String unitName, String inputName, String alarmClass,
                       Condition condition, String valueText, String code, Instant openedAt, StartReason reason,
                       AlarmState state, boolean open, Acknowledgment acknowledgment) {
        this.id = Objects.requireNonNull(id, "id");
        this.address = Objects.requireNonNull(address, "address");
        this.unitName = Objects.requireNonNull(unitName, "unitName");
        this.inputName = Objects.requireNonNull(inputName, "inputName");
        this.alarmClass = Objects.requireNonNull(alarmClass, "alarmClass");
        this.condition = Objects.requireNonNull(condition, "condition");
        this.valueText = Objects.requireNonNull(valueText, "valueText");
        this.code = Objects.requireNonNull(code, "code");
        this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.state = Objects.requireNonNull(state, "state");
        this.open = open;
        this.acknowledgment = acknowledgment;
    }

    /** A new open occurrence, not acknowledged. */
    static Occurrence start(String id, AlarmAddress address, String unitName, String inputName, String alarmClass,
                            Condition condition, String valueText, String code, Instant openedAt, StartReason reason,
                            AlarmState state) {
        return new Occurrence(id, address, unitName, inputName, alarmClass, condition, valueText, code, openedAt,
                reason, state, true, null);
    }

    /** A unique id, for the store. */
    public String id() {
        return id;
    }

    /** What it is about: an input, or a thing that is not an input. */
    public AlarmAddress address() {
        return address;
    }

    /** The unit as alarm subjects name it: {@code unit.name} for the Host, the Node's name or {@code Node <n>}. */
    public String unitName() {
        return unitName;
    }

    /** The input's name. */
    public String inputName() {
        return inputName;
    }

    /** The class its delivery goes by: the input's, or {@code Diagnostic} for a trouble. */
    public String alarmClass() {
        return alarmClass;
    }

    public Condition condition() {
        return condition;
    }

    /** The reading when it started, as the status report writes it ({@code 90.5 F}, {@code wet}); empty for a trouble. */
    public String valueText() {
        return valueText;
    }

    /** The 8-digit acknowledgment code, as text (it may start with 0). */
    public String code() {
        return code;
    }

    /** When it started, on the unit's clock. */
    public Instant openedAt() {
        return openedAt;
    }

    public StartReason reason() {
        return reason;
    }

    /**
     * The input's state as far as this occurrence goes: {@code ALARM_UNACKED}, {@code RTN_UNACKED},
     * {@code ALARM_ACKED} or {@code TROUBLE} while open; once ended, the state the input was left in
     * by the end ({@code NORMAL}, or the new occurrence's state).
     */
    public AlarmState state() {
        return state;
    }

    /** True until its life ended (see the class comment). */
    public boolean isOpen() {
        return open;
    }

    /** Who acknowledged it, if anyone did. */
    public Optional<Acknowledgment> acknowledgment() {
        return Optional.ofNullable(acknowledgment);
    }

    /** True while its code still acknowledges it: open and not yet acknowledged. */
    public boolean isAcknowledgeable() {
        return open && acknowledgment == null;
    }

    Occurrence withState(AlarmState next) {
        return new Occurrence(id, address, unitName, inputName, alarmClass, condition, valueText, code, openedAt,
                reason, next, open, acknowledgment);
    }

    Occurrence acknowledged(Acknowledgment by, AlarmState next) {
        return new Occurrence(id, address, unitName, inputName, alarmClass, condition, valueText, code, openedAt,
                reason, next, open, Objects.requireNonNull(by, "by"));
    }

    Occurrence ended(AlarmState inputState) {
        return new Occurrence(id, address, unitName, inputName, alarmClass, condition, valueText, code, openedAt,
                reason, inputState, false, acknowledgment);
    }

    @Override
    public String toString() {
        return "Occurrence " + id + " " + address + " " + inputName + " " + condition.text() + " " + valueText
                + " code " + code + " " + state + (open ? "" : " (ended)")
                + (acknowledgment == null ? "" : " acknowledged " + acknowledgment);
    }
}
