package org.imssim.firmware.loop;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The production clock: the system's wall clock and the event loop's own scheduler. */
public final class SystemUnitClock implements UnitClock {

    private final EventExecutor loop;
    private final Clock wall;

    public SystemUnitClock(EventExecutor loop) {
        this(loop, Clock.systemUTC());
    }

    public SystemUnitClock(EventExecutor loop, Clock wall) {
        this.loop = loop;
        this.wall = wall;
    }

    @Override
    public Instant now() {
        return wall.instant();
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public TimerHandle schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, delay.toNanos());
        ScheduledFuture<?> future = loop.schedule(task, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
