package org.imssim.firmware.event;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.imssim.firmware.store.StoreWorker;
import org.imssim.firmware.store.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable event history: each event is written by the store thread in the order recorded,
 * and logged. Reads go through the store thread too, after every write recorded before them.
 */
public final class StoredEventHistory implements EventHistory {

    private static final Logger log = LoggerFactory.getLogger(StoredEventHistory.class);

    private final StoreWorker store;
    private final Supplier<Instant> now;

    public StoredEventHistory(StoreWorker store, Supplier<Instant> now) {
        this.store = store;
        this.now = now;
    }

    @Override
    public void record(String unit, EventSource source, String text) {
        Instant time = now.get();
        log.info("Event [{} {}] {}", unit, source.word(), text);
        store.call(s -> s.events().append(time, unit, source.word(), text)).exceptionally(e -> {
            log.error("An event could not be stored: {}", text, e);
            return -1L;
        });
    }

    @Override
    public CompletionStage<List<Event>> newest(int limit) {
        return store.call(s -> s.events().newest(limit)).thenApply(stored -> stored.stream()
                .map(StoredEventHistory::event).toList());
    }

    private static Event event(StoredEvent e) {
        return new Event(e.time(), e.unit(), EventSource.valueOf(e.source().toUpperCase(java.util.Locale.ROOT)), e.text());
    }
}
