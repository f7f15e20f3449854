package org.imssim.firmware.loop;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;

/**
 * A clock that stands still until it is advanced: a 30-minute reset time is tested in
 * microseconds and no test sleeps.
 *
 * <p>Timers fire on the unit's event loop, in due order (ties in scheduling order), with
 * {@link #now()} reading each timer's due instant while it runs. {@link #advance(Duration)} may
 * be called from any thread: it hands the work to the loop and returns once every timer due by
 * the new time, including timers those timers scheduled, has run.
 */
public final class VirtualClock implements UnitClock {

    private final EventExecutor loop;
    private final Instant start;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long elapsedNanos;
    private long sequence;

    public VirtualClock(EventExecutor loop, Instant start) {
        this.loop = loop;
        this.start = start;
    }

    @Override
    public synchronized Instant now() {
        return start.plusNanos(elapsedNanos);
    }

    @Override
    public synchronized long monotonicNanos() {
        return elapsedNanos;
    }

    @Override
    public synchronized TimerHandle schedule(Duration delay, Runnable task) {
        return add(delay, task, false);
    }

    @Override
    public synchronized TimerHandle scheduleHousekeeping(Duration delay, Runnable task) {
        return add(delay, task, true);
    }

    private TimerHandle add(Duration delay, Runnable task, boolean housekeeping) {
        Timer timer = new Timer(elapsedNanos + Math.max(0, delay.toNanos()), sequence++, task, housekeeping);
        timers.add(timer);
        return () -> cancel(timer);
    }

    private synchronized boolean cancel(Timer timer) {
        return timers.remove(timer);
    }

    /** When the next timer is due, if any is pending (housekeeping timers aside). */
    public synchronized Optional<Instant> nextDue() {
        Timer next = nextBehaviourTimer();
        return next == null ? Optional.empty() : Optional.of(start.plusNanos(next.dueNanos));
    }

    private Timer nextBehaviourTimer() {
        Timer next = null;
        for (Timer t : timers) {
            if (!t.housekeeping && (next == null || t.compareTo(next) < 0)) {
                next = t;
            }
        }
        return next;
    }

    /** Moves the clock forward by {@code step}, running every timer that falls due on the way. */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("A clock cannot go backwards: " + step);
        }
        long target;
        synchronized (this) {
            target = elapsedNanos + step.toNanos();
        }
        runOnLoop(target);
    }

    /**
     * Moves the clock to the next pending timer (housekeeping timers aside) and runs every timer
     * due by then; false if none was pending.
     */
    public boolean advanceToNextTimer() {
        long target;
        synchronized (this) {
            Timer next = nextBehaviourTimer();
            if (next == null) {
                return false;
            }
            target = Math.max(elapsedNanos, next.dueNanos);
        }
        runOnLoop(target);
        return true;
    }

    private void runOnLoop(long target) {
        if (loop.inEventLoop()) {
            runDue(target);
            return;
        }
        try {
            loop.submit(() -> runDue(target)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while advancing the clock", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A timer failed while the clock advanced", e.getCause());
        }
    }

    private void runDue(long target) {
        while (true) {
            Timer due;
            synchronized (this) {
                Timer next = timers.peek();
                if (next == null || next.dueNanos > target) {
                    elapsedNanos = Math.max(elapsedNanos, target);
                    return;
                }
                due = timers.poll();
                elapsedNanos = Math.max(elapsedNanos, due.dueNanos);
            }
            due.task.run();
        }
    }

    private static final class Timer implements Comparable<Timer> {
        final long dueNanos;
        final long seq;
        final Runnable task;
        final boolean housekeeping;

        Timer(long dueNanos, long seq, Runnable task, boolean housekeeping) {
            this.dueNanos = dueNanos;
            this.seq = seq;
            this.task = task;
            this.housekeeping = housekeeping;
        }

        @Override
        public int compareTo(Timer other) {
            int byDue = Long.compare(dueNanos, other.dueNanos);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }
}
