package org.imssim.firmware.alarm.delivery;

import org.imssim.firmware.store.StoredOccurrence;

/**
 * Where {@link AlarmDelivery} keeps the open occurrences durably (SPEC §4: state, code, round and
 * next round's time, resumed after a restart). Called on the unit's loop; an implementation must
 * not block it (the unit's hands the work to the store thread, in call order).
 */
public interface OccurrenceJournal {

    /** Stores the open occurrence, replacing what was stored under its id. */
    void save(StoredOccurrence occurrence);

    /** The occurrence's life ended: it is no longer stored. */
    void remove(String occurrenceId);

    /** Keeps nothing. */
    OccurrenceJournal NONE = new OccurrenceJournal() {
        @Override
        public void save(StoredOccurrence occurrence) {
        }

        @Override
        public void remove(String occurrenceId) {
        }
    };
}
