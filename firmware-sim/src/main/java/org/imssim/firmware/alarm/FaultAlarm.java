package org.imssim.firmware.alarm;

import java.time.Duration;
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
 * only a change does anything. It has no trouble state. A resumed occurrence keeps its state until
 * the source reports. Loop-confined.
 */
final class FaultAlarm extends OccurrenceAlarm {

    private final FaultPoint point;

    private boolean faulty;
    private String valueText = "";
    private boolean inSchedule = true;
    private TimerHandle recognitionTimer;

    FaultAlarm(FaultPoint point, AlarmContext context) {
        super(context);
        this.point = point;
    }

    FaultPoint point() {
        return point;
    }

    @Override
    public AlarmAddress address() {
        return point.address();
    }

    @Override
    public String unitName() {
        return point.unitName();
    }

    @Override
    public String name() {
        return point.name();
    }

    @Override
    Duration resetTime() {
        return point.resetTime();
    }

    @Override
    void record(String text) {
        context.events().record(point.address().unit(), point.source(), text);
    }

    @Override
    Occurrence rearmed(Occurrence replaced) {
        return open(StartReason.REARMED, point.alarmClass(), point.condition(), valueText);
    }

    @Override
    public void resume(Occurrence stored) {
        super.resume(stored);
        // Until its source says otherwise, the thing is as the stored state says.
        faulty = state == AlarmState.ALARM_UNACKED || state == AlarmState.ALARM_ACKED;
        valueText = stored.valueText();
        continueResetTime();
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
            close(CloseReason.OUTSIDE_SCHEDULE, AlarmState.NORMAL);
        }
        state = AlarmState.NORMAL;
        changed(before);
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
                        startOccurrence();
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
        startOccurrence();
        changed(before);
    }

    private void startOccurrence() {
        state = AlarmState.ALARM_UNACKED;
        occurrence = open(StartReason.NEW, point.alarmClass(), point.condition(), valueText);
        record(("Alarm: " + point.name() + " " + point.condition().text() + " " + valueText).strip());
        context.listener().occurrenceStarted(occurrence, StartReason.NEW);
    }

    private void cancelTimers() {
        if (recognitionTimer != null) {
            recognitionTimer.cancel();
            recognitionTimer = null;
        }
        cancelResetTimer();
    }
}
