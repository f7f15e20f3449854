package org.imssim.firmware.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event history kept in memory (for units without storage, such as benchmarks of the loop), bounded to the newest {@code capacity} events. Every event is
 * also logged, so an operator following the log sees the same history.
 */
public final class MemoryEventHistory implements EventHistory {

    private static final Logger log = LoggerFactory.getLogger(MemoryEventHistory.class);

    private final Deque<Event> events = new ArrayDeque<>();
    private final Supplier<Instant> now;
    private final int capacity;

    public MemoryEventHistory(Supplier<Instant> now, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.now = now;
        this.capacity = capacity;
    }

    @Override
    public void record(String unit, EventSource source, String text) {
        Event event = new Event(now.get(), unit, source, text);
        events.addFirst(event);
        while (events.size() > capacity) {
            events.removeLast();
        }
        log.info("Event [{} {}] {}", unit, source.word(), text);
    }

    @Override
    public CompletionStage<List<Event>> newest(int limit) {
        List<Event> out = new ArrayList<>(Math.min(limit, events.size()));
        Iterator<Event> it = events.iterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next());
        }
        return CompletableFuture.completedFuture(out);
    }
}
