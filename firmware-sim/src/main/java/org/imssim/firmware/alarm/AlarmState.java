package org.imssim.firmware.alarm;

/**
 * The alarm state of one input (SPEC §4), with the LED mode the unit shows for it. The names are
 * the words the status report, the API and stored occurrences use.
 */
public enum AlarmState {
    /** No sensor configured at the input. */
    NOT_IN_USE(0),
    /** In range (or not watched: disabled, or outside its schedule). */
    NORMAL(1),
    /** Out of range, recognition time running. */
    PENDING(2),
    /** Out of range for the recognition time, not acknowledged. */
    ALARM_UNACKED(3),
    /** Back in range, alarm not yet acknowledged. */
    RTN_UNACKED(4),
    /** Acknowledged, still out of range. */
    ALARM_ACKED(5),
    /** Sensor gone for over 60 s, or another sensor type plugged in. */
    TROUBLE(6);

    private final int ledMode;

    AlarmState(int ledMode) {
        this.ledMode = ledMode;
    }

    /** The LED mode of SPEC §4: 0 for {@code NOT_IN_USE} to 6 for {@code TROUBLE}. */
    public int ledMode() {
        return ledMode;
    }
}
