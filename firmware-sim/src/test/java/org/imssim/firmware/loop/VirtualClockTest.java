package org.imssim.firmware.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-11-29T15:04:05Z");
    private final EventExecutor loop = new DefaultEventExecutor();
    private final VirtualClock clock = new VirtualClock(loop, START);

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void standsStillUntilAdvanced() {
        assertThat(clock.now()).isEqualTo(START);
        clock.advance(Duration.ofMinutes(30));
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(clock.monotonicNanos()).isEqualTo(Duration.ofMinutes(30).toNanos());
    }

    @Test
    void timersFireInDueOrderOnTheLoopWithTheirDueTime() {
        List<String> fired = new CopyOnWriteArrayList<>();
        clock.schedule(Duration.ofSeconds(60), () -> fired.add("b@" + clock.now() + ":" + loop.inEventLoop()));
        clock.schedule(Duration.ofSeconds(3), () -> fired.add("a@" + clock.now() + ":" + loop.inEventLoop()));
        clock.schedule(Duration.ofMinutes(31), () -> fired.add("late"));

        clock.advance(Duration.ofMinutes(30));

        assertThat(fired).containsExactly(
                "a@" + START.plusSeconds(3) + ":true",
                "b@" + START.plusSeconds(60) + ":true");
        assertThat(clock.nextDue()).contains(START.plus(Duration.ofMinutes(31)));
    }

    @Test
    void timersScheduledByTimersFireWithinTheSameAdvance() {
        List<Instant> fired = new CopyOnWriteArrayList<>();
        clock.schedule(Duration.ofMinutes(1), () -> {
            fired.add(clock.now());
            clock.schedule(Duration.ofMinutes(1), () -> fired.add(clock.now()));
        });
        clock.advance(Duration.ofMinutes(2));
        assertThat(fired).containsExactly(START.plusSeconds(60), START.plusSeconds(120));
    }

    @Test
    void equalDueTimesFireInSchedulingOrder() {
        List<Integer> fired = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            clock.schedule(Duration.ofSeconds(10), () -> fired.add(n));
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(fired).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void cancelledTimerNeverFires() {
        List<String> fired = new CopyOnWriteArrayList<>();
        TimerHandle handle = clock.schedule(Duration.ofSeconds(5), () -> fired.add("x"));
        assertThat(handle.cancel()).isTrue();
        assertThat(handle.cancel()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(fired).isEmpty();
    }

    @Test
    void advanceToNextTimerJumpsExactlyThere() {
        clock.schedule(Duration.ofHours(2), () -> { });
        assertThat(clock.advanceToNextTimer()).isTrue();
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(clock.advanceToNextTimer()).isFalse();
    }

    @Test
    void housekeepingTimersRunAsTimePassesButAreNeverJumpedTo() {
        List<String> fired = new CopyOnWriteArrayList<>();
        clock.scheduleHousekeeping(Duration.ofHours(1), () -> fired.add("purge"));
        assertThat(clock.nextDue()).isEmpty();
        assertThat(clock.advanceToNextTimer()).isFalse();
        clock.schedule(Duration.ofHours(2), () -> fired.add("alarm"));
        assertThat(clock.nextDue()).contains(START.plus(Duration.ofHours(2)));
        assertThat(clock.advanceToNextTimer()).isTrue();
        assertThat(fired).containsExactly("purge", "alarm");
    }

    @Test
    void refusesToGoBackwards() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingTimerIsReportedToTheCaller() {
        clock.schedule(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("boom");
    }
}
