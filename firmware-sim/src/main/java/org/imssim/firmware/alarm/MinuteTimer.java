package org.imssim.firmware.alarm;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.imssim.firmware.loop.TimerHandle;
import org.imssim.firmware.loop.UnitClock;

/**
 * Runs a task at every whole minute of the unit's clock, where schedules can change (their
 * ranges are whole minutes of the local time; zone offsets are whole minutes too).
 */
final class MinuteTimer {

    private final UnitClock clock;
    private final Runnable task;
    private TimerHandle next;

    MinuteTimer(UnitClock clock, Runnable task) {
        this.clock = clock;
        this.task = task;
    }

    void start() {
        if (next == null) {
            scheduleNext();
        }
    }

    void stop() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void scheduleNext() {
        Instant now = clock.now();
        Instant boundary = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        next = clock.schedule(Duration.between(now, boundary), this::tick);
    }

    private void tick() {
        if (next == null) {
            return;
        }
        task.run();
        if (next != null) {
            scheduleNext();
        }
    }
}
