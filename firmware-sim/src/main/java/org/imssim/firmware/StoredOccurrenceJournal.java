package org.imssim.firmware;

import java.util.Objects;
import org.imssim.firmware.alarm.delivery.OccurrenceJournal;
import org.imssim.firmware.store.StoreWorker;
import org.imssim.firmware.store.StoredOccurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit's open occurrences in its store: each save and removal goes to the store thread, in
 * call order, and the loop does not wait for it. A failure is logged; the alarm carries on.
 */
final class StoredOccurrenceJournal implements OccurrenceJournal {

    private static final Logger LOG = LoggerFactory.getLogger(StoredOccurrenceJournal.class);

    private final StoreWorker store;

    StoredOccurrenceJournal(StoreWorker store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void save(StoredOccurrence occurrence) {
        store.call(s -> {
            s.occurrences().save(occurrence);
            return null;
        }).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.error("The open occurrence {} of {} could not be stored", occurrence.id(), occurrence.address(),
                        failure);
            }
        });
    }

    @Override
    public void remove(String occurrenceId) {
        store.call(s -> s.occurrences().close(occurrenceId)).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.error("The ended occurrence {} could not be removed from the store", occurrenceId, failure);
            }
        });
    }
}
