package org.imssim.firmware.loop;

import java.time.Duration;
import java.time.Instant;

/**
 * The one clock of a unit: wall time for schedules, mail dates and events, monotonic time for
 * measuring, and timers for recognition, reset, intercall delay, cycle time and polling.
 *
 * <p>Every timer task runs on the unit's event loop. Production uses {@link SystemUnitClock};
 * tests and scenarios use {@link VirtualClock}, which moves only when told to.
 */
public interface UnitClock {

    /** The wall-clock instant now. */
    Instant now();

    /** A monotonic reading in nanoseconds, only meaningful as a difference between two readings. */
    long monotonicNanos();

    /**
     * Runs {@code task} on the unit's event loop once {@code delay} has passed on this clock.
     * A zero or negative delay runs it at the next opportunity, never inline.
     */
    TimerHandle schedule(Duration delay, Runnable task);

    /**
     * Like {@link #schedule}, for housekeeping (retention, purges): work that must happen as time
     * passes but that no behaviour waits for. A virtual clock runs it when time passes it, but
     * never jumps to it on its own and does not report it as the next timer.
     */
    default TimerHandle scheduleHousekeeping(Duration delay, Runnable task) {
        return schedule(delay, task);
    }
}
