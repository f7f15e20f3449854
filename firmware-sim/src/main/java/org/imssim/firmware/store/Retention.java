package org.imssim.firmware.store;

import java.time.Duration;
import java.time.Instant;
import org.imssim.firmware.loop.TimerHandle;
import org.imssim.firmware.loop.UnitClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store to its retention periods: events older than {@code events.retention} (SPEC §8)
 * and seen messages older than 30 days (SPEC §7) are deleted at start and every hour, on the
 * store thread. Messages still in progress are never purged (they crashed the unit; SPEC §7).
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** How long a message's Message-ID or hash is remembered. */
    public static final Duration SEEN_KEPT = Duration.ofDays(30);
    static final Duration EVERY = Duration.ofHours(1);

    private final UnitClock clock;
    private final StoreWorker store;
    private final Duration events;
    private TimerHandle next;
    private boolean stopped;

    public Retention(UnitClock clock, StoreWorker store, Duration events) {
        this.clock = clock;
        this.store = store;
        this.events = events;
    }

    /** Purges now and every hour after. Loop only. */
    public void start() {
        purge();
    }

    /** Loop only. */
    public void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    private void purge() {
        if (stopped) {
            return;
        }
        Instant now = clock.now();
        store.call(s -> s.events().purgeOlderThan(now.minus(events)) + s.seenMessages().purgeSeenBefore(now.minus(SEEN_KEPT)))
                .whenComplete((purged, failure) -> {
                    if (failure != null) {
                        log.error("Old events and seen messages could not be purged", failure);
                    } else if (purged > 0) {
                        log.info("Purged {} old events and seen messages", purged);
                    }
                });
        next = clock.scheduleHousekeeping(EVERY, this::purge);
    }
}
