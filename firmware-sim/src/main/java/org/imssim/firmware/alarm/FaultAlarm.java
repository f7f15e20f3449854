package org.imssim.firmware.alarm;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.imssim.firmware.loop.TimerHandle;

/**
 * The alarm state machine of a thing that is not an input (SPEC §4): an IP device that stops
 * answering, a PowerGate whose link is down, a relay that reads back wrong, the SMTP server or the
 * mailbox not responding. It runs the transitions of an input's machine on a level its source
 * reports — faulty or not — instead of a reading: {@code NORMAL → PENDING} while the
 * {@linkplain FaultPoint#recognition() recognition time} runs (none for most: straight to
 * {@code ALARM_UNACKED}), {@code RTN_UNACKED} when the fault clears unacknowledged,
 * {@code ALARM_ACKED} and the reset time, and closing when it leaves its schedule.
 *
 * <p>The source may report the same level again and again (every ping, every delivery attempt):
 * only a change does anything. It has no trouble state. Loop-confined.
 */
final class FaultAlarm implements Alarm {

    private final FaultPoint point;
    private final AlarmContext context;

    private AlarmState state = AlarmState.NORMAL;
    private Occurrence occurrence;
    private boolean faulty;
    private String valueText = "";
    private boolean inSchedule = true;
    private TimerHandle recognitionTimer;
    private TimerHandle resetTimer;

    FaultAlarm(FaultPoint point, AlarmContext context) {
        this.point = point;
        this.context = context;
    }

    FaultPoint point() {
        return point;
    }

    @Override
    public AlarmAddress address() {
        return point.address();
    }

    @Override
    public AlarmState state() {
        return state;
    }

    @Override
    public Optional<Occurrence> occurrence() {
        return Optional.ofNullable(occurrence);
    }

    @Override
    public String unitName() {
        return point.unitName();
    }

    @Override
    public String name() {
        return point.name();
    }

    /** Whether its source last reported a fault. */
    boolean faulty() {
        return faulty;
    }

    @Override
    public void resume(Occurrence stored) {
        if (occurrence != null) {
            throw new IllegalStateException(point.address() + " already has an open occurrence");
        }
        context.codes().reserve(stored.code(), this);
        occurrence = stored;
        state = stored.state();
        // Until its source says otherwise, the thing is as the stored state says.
        faulty = state == AlarmState.ALARM_UNACKED || state == AlarmState.ALARM_ACKED;
        if (state == AlarmState.ALARM_ACKED && !point.resetTime().isZero() && !point.resetTime().isNegative()) {
            // The reset time counts from the acknowledgment, before the restart.
            Duration left = stored.acknowledgment()
                    .map(ack -> Duration.between(context.clock().now(), ack.at().plus(point.resetTime())))
                    .orElse(point.resetTime());
            resetTimer = context.clock().schedule(left.isNegative() ? Duration.ZERO : left, this::resetTimeEnded);
        }
    }

    /**
     * The source's level now: {@code fault} true while the thing is faulty, with {@code value} the
     * words the alarm mail shows as its value (an address, a server); a repeated level changes nothing.
     */
    void report(boolean fault, String value) {
        if (fault == faulty) {
            return;
        }
        faulty = fault;
        if (fault) {
            valueText = value == null ? "" : value;
        }
        if (inSchedule) {
            evaluate();
        }
    }

    @Override
    public void setInSchedule(boolean in) {
        if (in == inSchedule) {
            return;
        }
        inSchedule = in;
        if (in) {
            evaluate();
            return;
        }
        AlarmState before = state;
        cancelTimers();
        if (occurrence != null) {
            Occurrence ended = end(occurrence, AlarmState.NORMAL);
            CloseReason.OUTSIDE_SCHEDULE.eventWords()
                    .ifPresent(words -> record("Alarm closed: " + point.name() + ", " + words));
            context.listener().closed(ended, CloseReason.OUTSIDE_SCHEDULE);
        }
        state = AlarmState.NORMAL;
        changed(before);
    }

    @Override
    public Optional<Occurrence> acknowledge(Acknowledgment by) {
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
                if (!point.resetTime().isZero() && !point.resetTime().isNegative()) {
                    resetTimer = context.clock().schedule(point.resetTime(), this::resetTimeEnded);
                }
            }
            case RTN_UNACKED -> {
                state = AlarmState.NORMAL;
                result = end(occurrence.acknowledged(by, state), state);
            }
            default -> {
                return Optional.empty();
            }
        }
        record(by.eventText(point.name()));
        context.listener().acknowledged(result, by);
        changed(before);
        return Optional.of(result);
    }

    @Override
    public void stop() {
        cancelTimers();
    }

    private void evaluate() {
        AlarmState before = state;
        switch (state) {
            case NORMAL -> {
                if (faulty) {
                    if (point.recognition().isZero()) {
                        startOccurrence(StartReason.NEW);
                    } else {
                        state = AlarmState.PENDING;
                        recognitionTimer = context.clock().schedule(point.recognition(), this::recognitionEnded);
                    }
                }
            }
            case PENDING -> {
                if (!faulty) {
                    cancelTimers();
                    state = AlarmState.NORMAL;
                }
            }
            case ALARM_UNACKED -> {
                if (!faulty) {
                    state = AlarmState.RTN_UNACKED;
                    occurrence = occurrence.withState(state);
                    record("Return to normal: " + point.name());
                    context.listener().returnedToNormal(occurrence, false);
                }
            }
            case RTN_UNACKED -> {
                if (faulty) {
                    state = AlarmState.ALARM_UNACKED;
                    occurrence = occurrence.withState(state);
                }
            }
            case ALARM_ACKED -> {
                if (!faulty) {
                    cancelTimers();
                    state = AlarmState.NORMAL;
                    Occurrence ended = end(occurrence, state);
                    record("Return to normal: " + point.name());
                    context.listener().returnedToNormal(ended, true);
                }
            }
            case TROUBLE, NOT_IN_USE -> {
                // a thing that is not an input has neither
            }
        }
        changed(before);
    }

    private void recognitionEnded() {
        recognitionTimer = null;
        if (state != AlarmState.PENDING || !faulty) {
            return;
        }
        AlarmState before = state;
        startOccurrence(StartReason.NEW);
        changed(before);
    }

    private void resetTimeEnded() {
        resetTimer = null;
        if (state != AlarmState.ALARM_ACKED) {
            return;
        }
        AlarmState before = state;
        state = AlarmState.ALARM_UNACKED;
        Occurrence replaced = end(occurrence, state);
        record("Alarm re-armed: " + point.name());
        context.listener().closed(replaced, CloseReason.REARMED);
        open(StartReason.REARMED);
        context.listener().occurrenceStarted(occurrence, StartReason.REARMED);
        changed(before);
    }

    private void startOccurrence(StartReason reason) {
        state = AlarmState.ALARM_UNACKED;
        open(reason);
        record(("Alarm: " + point.name() + " " + point.condition().text() + " " + valueText).strip());
        context.listener().occurrenceStarted(occurrence, reason);
    }

    private void open(StartReason reason) {
        String code = context.codes().issue(this);
        occurrence = Occurrence.start(UUID.randomUUID().toString(), point.address(), point.unitName(), point.name(),
                point.alarmClass(), point.condition(), valueText, code, context.clock().now(), reason, state);
    }

    private Occurrence end(Occurrence last, AlarmState after) {
        Occurrence ended = last.ended(after);
        context.codes().release(ended.code());
        occurrence = null;
        return ended;
    }

    private void record(String text) {
        context.events().record(point.address().unit(), point.source(), text);
    }

    private void changed(AlarmState before) {
        if (before != state) {
            context.listener().stateChanged(point.address(), before, state);
        }
    }

    private void cancelTimers() {
        if (recognitionTimer != null) {
            recognitionTimer.cancel();
            recognitionTimer = null;
        }
        if (resetTimer != null) {
            resetTimer.cancel();
            resetTimer = null;
        }
    }
}
