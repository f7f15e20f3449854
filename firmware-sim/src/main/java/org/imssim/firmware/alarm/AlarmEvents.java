package org.imssim.firmware.alarm;

import java.util.Objects;
import org.imssim.devices.unit.UnitId;
import org.imssim.firmware.event.EventHistory;
import org.imssim.firmware.event.EventSource;

/**
 * Where the alarm engine records its events (SPEC §8), called on the unit's loop. Texts are the
 * contract texts, filled in: {@code Alarm: <input name> <condition> <value>},
 * {@code Alarm re-armed: <input name>}, {@code Alarm closed: <input name>, <why>},
 * {@code Return to normal: <input name>}, {@code Sensor trouble: <input name>},
 * {@code Acknowledged: <input name> by <username> via <e-mail|web|api>} and
 * {@code Acknowledged by the unit: <reason>}.
 */
@FunctionalInterface
public interface AlarmEvents {

    /** Records {@code text} for the unit the input belongs to. */
    void record(UnitId unit, String text);

    /** Records {@code text} with its source: {@code ip}, {@code outlet} or {@code system} for things that are not inputs. */
    default void record(UnitId unit, EventSource source, String text) {
        record(unit, text);
    }

    /** Records into the unit's event history, with source {@code input}. */
    static AlarmEvents into(EventHistory history) {
        Objects.requireNonNull(history, "history");
        return new AlarmEvents() {
            @Override
            public void record(UnitId unit, String text) {
                history.record(unit.id(), EventSource.INPUT, text);
            }

            @Override
            public void record(UnitId unit, EventSource source, String text) {
                history.record(unit.id(), source, text);
            }
        };
    }
}
