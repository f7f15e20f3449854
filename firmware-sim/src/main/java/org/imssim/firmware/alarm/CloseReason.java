package org.imssim.firmware.alarm;

import java.util.Optional;

/**
 * Why an occurrence ended without returning to normal. Delivery stops for it; nothing is mailed
 * about it (SPEC §4: "closes an open occurrence silently with an event").
 */
public enum CloseReason {
    /** The sensor went into trouble; a trouble occurrence follows. Event {@code Alarm closed: <name>, sensor trouble}. */
    SENSOR_TROUBLE("sensor trouble"),
    /** The input was disabled. Event {@code Alarm closed: <name>, input disabled}. */
    INPUT_DISABLED("input disabled"),
    /** The input's schedule ended. Event {@code Alarm closed: <name>, outside schedule}. */
    OUTSIDE_SCHEDULE("outside schedule"),
    /**
     * The acknowledged occurrence was re-armed: a new occurrence with a new code replaces it. No
     * {@code Alarm closed} event; the event is {@code Alarm re-armed: <name>}.
     */
    REARMED(null),
    /**
     * Found open in the store at start, but its input is no longer in the configuration: it is
     * closed with a log line (there is no input to record an event under).
     */
    INPUT_REMOVED(null);

    private final String eventWords;

    CloseReason(String eventWords) {
        this.eventWords = eventWords;
    }

    /** The end of the {@code Alarm closed: <name>, <words>} event; empty when no such event is recorded. */
    public Optional<String> eventWords() {
        return Optional.ofNullable(eventWords);
    }
}
