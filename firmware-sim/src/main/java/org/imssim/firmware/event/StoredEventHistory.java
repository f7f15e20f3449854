package org.imssim.firmware.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.imssim.firmware.store.Store;
import org.imssim.firmware.store.StoreWorker;
import org.imssim.firmware.store.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable event history: each event is logged at once and written by the store thread in the
 * order recorded. The write is handed to the store at the end of the loop's current task, and
 * events recorded until it runs join it: a burst (ten commands in one mail, a pass of deliveries)
 * costs one transaction, and the mail an alarm sends is stored before the event that tells
 * of it, so it goes out one commit sooner. The events recorded so far also ride along with any
 * other commit of the store thread ({@link StoreWorker#addRider}), so that a command's events share
 * its reply's commit. Their own commit waits for no disk sync: it survives a crash of the unit at
 * once and a power cut after the store's next sync, at most {@link StoreWorker#SYNC_WITHIN} later.
 * Reads go the same way, after every write recorded before them.
 */
public final class StoredEventHistory implements EventHistory {

    private static final Logger log = LoggerFactory.getLogger(StoredEventHistory.class);

    private final StoreWorker store;
    private final Supplier<Instant> now;
    private final Queue<Event> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeQueued = new AtomicBoolean();

    private final Executor loop;

    /** @param loop the unit's event loop, on which {@link #record} is called */
    public StoredEventHistory(StoreWorker store, Supplier<Instant> now, Executor loop) {
        this.store = store;
        this.now = now;
        this.loop = loop;
        store.addRider(this::writeRecorded);
    }

    @Override
    public void record(String unit, EventSource source, String text) {
        log.info("Event [{} {}] {}", unit, source.word(), text);
        pending.add(new Event(now.get(), unit, source, text));
        if (writeQueued.compareAndSet(false, true)) {
            loop.execute(this::flush);
        }
    }

    private void flush() {
        try {
            store.callSyncedLater(this::writePending).exceptionally(e -> {
                log.error("Events could not be stored", e);
                return 0;
            });
        } catch (RejectedExecutionException e) {
            log.warn("The store is closed; {} events were logged but not stored", pending.size());
        }
    }

    /** On the store thread: writes every pending event in one transaction. */
    private int writePending(Store s) {
        writeQueued.set(false);
        return writeRecorded(s);
    }

    /**
     * On the store thread: writes the events recorded so far, in the transaction under way (riding
     * along with another call's commit) or in one of their own. The flush queued for them then finds
     * fewer or none.
     */
    private int writeRecorded(Store s) {
        List<Event> batch = new ArrayList<>();
        for (Event e = pending.poll(); e != null; e = pending.poll()) {
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            s.inTransaction(() -> batch.forEach(e -> s.events().append(e.time(), e.unit(), e.source().word(), e.text())));
        }
        return batch.size();
    }

    @Override
    public CompletionStage<List<Event>> newest(int limit) {
        // Through the loop, so that it reaches the store after the writes of events recorded before it.
        return CompletableFuture.supplyAsync(() -> store.call(s -> s.events().newest(limit)), loop)
                .thenCompose(stage -> stage)
                .thenApply(stored -> stored.stream().map(StoredEventHistory::event).toList());
    }

    private static Event event(StoredEvent e) {
        return new Event(e.time(), e.unit(), EventSource.valueOf(e.source().toUpperCase(java.util.Locale.ROOT)), e.text());
    }
}
