package org.imssim.firmware.alarm;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.imssim.firmware.loop.TimerHandle;

/**
 * What every alarm state machine of the engine shares, an input's or a thing's (SPEC §4): its
 * state and open occurrence, opening and ending occurrences with their codes, acknowledgment
 * ({@code ALARM_UNACKED → ALARM_ACKED} and its reset time, {@code RTN_UNACKED → NORMAL}, a trouble
 * acknowledged in place), the re-arm when the reset time ends, resuming a stored occurrence and
 * its reset time, and telling the listener of state changes. Subclasses follow their source and
 * decide when occurrences start and return to normal. Loop-confined.
 */
abstract class OccurrenceAlarm implements Alarm {

    final AlarmContext context;
    AlarmState state = AlarmState.NORMAL;
    Occurrence occurrence;
    private TimerHandle resetTimer;

    OccurrenceAlarm(AlarmContext context) {
        this.context = context;
    }

    /** How long an acknowledged alarm still out of range waits before it is re-armed; zero: never. */
    abstract Duration resetTime();

    /** Records an event of this alarm in the history. */
    abstract void record(String text);

    /** The occurrence that replaces {@code replaced} when the reset time re-arms it. */
    abstract Occurrence rearmed(Occurrence replaced);

    @Override
    public final AlarmState state() {
        return state;
    }

    @Override
    public final Optional<Occurrence> occurrence() {
        return Optional.ofNullable(occurrence);
    }

    /**
     * Takes up {@code stored}, an occurrence found open in the store at start, before the alarm
     * starts: it takes its state, and its code is taken again.
     */
    @Override
    public void resume(Occurrence stored) {
        if (occurrence != null) {
            throw new IllegalStateException(address() + " already has an open occurrence");
        }
        context.codes().reserve(stored.code(), this);
        occurrence = stored;
        state = stored.state();
    }

    @Override
    public final Optional<Occurrence> acknowledge(Acknowledgment by) {
        if (occurrence == null || !occurrence.isAcknowledgeable()) {
            return Optional.empty();
        }
        AlarmState before = state;
        Occurrence result;
        switch (state) {
            case ALARM_UNACKED -> {
                state = AlarmState.ALARM_ACKED;
                occurrence = occurrence.acknowledged(by, state);
                result = occurrence;
                startResetTime(resetTime());
            }
            case RTN_UNACKED -> {
                state = AlarmState.NORMAL;
                result = end(occurrence.acknowledged(by, state), state);
            }
            case TROUBLE -> {
                occurrence = occurrence.acknowledged(by, state);
                result = occurrence;
            }
            default -> {
                return Optional.empty();
            }
        }
        record(by.eventText(name()));
        context.listener().acknowledged(result, by);
        changed(before);
        return Optional.of(result);
    }

    /** A resumed {@code ALARM_ACKED}: its reset time counts from its acknowledgment, before the restart. */
    final void continueResetTime() {
        if (state != AlarmState.ALARM_ACKED || resetTimer != null || !runs(resetTime())) {
            return;
        }
        Duration left = occurrence.acknowledgment()
                .map(a -> Duration.between(context.clock().now(), a.at().plus(resetTime())))
                .orElse(resetTime());
        if (left.isNegative() || left.isZero()) {
            resetTimeEnded();
        } else {
            resetTimer = context.clock().schedule(left, this::resetTimeEnded);
        }
    }

    private void startResetTime(Duration time) {
        if (runs(time)) {
            resetTimer = context.clock().schedule(time, this::resetTimeEnded);
        }
    }

    private static boolean runs(Duration time) {
        return !time.isZero() && !time.isNegative();
    }

    private void resetTimeEnded() {
        resetTimer = null;
        if (state != AlarmState.ALARM_ACKED) {
            return;
        }
        AlarmState before = state;
        state = AlarmState.ALARM_UNACKED;
        Occurrence replaced = end(occurrence, state);
        occurrence = rearmed(replaced);
        record("Alarm re-armed: " + name());
        context.listener().closed(replaced, CloseReason.REARMED);
        context.listener().occurrenceStarted(occurrence, StartReason.REARMED);
        changed(before);
    }

    final void cancelResetTimer() {
        if (resetTimer != null) {
            resetTimer.cancel();
            resetTimer = null;
        }
    }

    /** A new occurrence of this alarm in the current state, with a new code. */
    final Occurrence open(StartReason reason, String alarmClass, Condition condition, String valueText) {
        String code = context.codes().issue(this);
        return Occurrence.start(UUID.randomUUID().toString(), address(), unitName(), name(), alarmClass, condition,
                valueText, code, context.clock().now(), reason, state);
    }

    /** Ends the open occurrence, frees its code, and gives its last snapshot, with the state after. */
    final Occurrence end(Occurrence last, AlarmState after) {
        Occurrence ended = last.ended(after);
        context.codes().release(ended.code());
        occurrence = null;
        return ended;
    }

    /** Ends the open occurrence without a return to normal, with the event {@code Alarm closed: …} where it has one. */
    final void close(CloseReason why, AlarmState next) {
        Occurrence ended = end(occurrence, next);
        why.eventWords().ifPresent(words -> record("Alarm closed: " + name() + ", " + words));
        context.listener().closed(ended, why);
    }

    final void changed(AlarmState before) {
        if (before != state) {
            context.listener().stateChanged(address(), before, state);
        }
    }
}
