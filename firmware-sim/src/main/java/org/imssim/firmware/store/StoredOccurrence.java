package org.imssim.firmware.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An open alarm occurrence as stored (SPEC §4: state, code, round and next round's time are resumed
 * after a restart, and nothing already sent is sent again).
 *
 * @param id             the caller's unique id for it (e.g. a UUID)
 * @param address        what alarms: {@code host/3}, {@code node-1/2}, {@code powergate-1/4}, {@code ip/router}, …
 * @param code           the 8-digit acknowledgment code, unique among open occurrences
 * @param state          the alarm state in the caller's words ({@code ALARM_UNACKED}, …)
 * @param round          the last delivery round sent (0 before round 1)
 * @param nextRound      when the next round (or the self-acknowledgment) is due, or null for none
 * @param alarmClass     the occurrence's class
 * @param condition      its condition ({@code High}, {@code Trouble}, …)
 * @param openedAt       when it started
 * @param acknowledgedBy the profile that acknowledged it, or null
 * @param extras         further state as a JSON text, for the alarm engine; {@code {}} when none
 */
public record StoredOccurrence(String id, String address, String code, String state, int round, Instant nextRound,
                               String alarmClass, String condition, Instant openedAt, String acknowledgedBy,
                               String extras) {

    public StoredOccurrence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(alarmClass, "alarmClass");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(extras, "extras");
        if (!code.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("an acknowledgment code has 8 digits");
        }
        if (round < 0) {
            throw new IllegalArgumentException("round must not be negative");
        }
    }
}
