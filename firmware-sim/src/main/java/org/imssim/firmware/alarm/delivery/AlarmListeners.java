package org.imssim.firmware.alarm.delivery;

import java.util.List;
import java.util.function.Consumer;
import org.imssim.firmware.alarm.Acknowledgment;
import org.imssim.firmware.alarm.AlarmAddress;
import org.imssim.firmware.alarm.AlarmListener;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.alarm.CloseReason;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.alarm.StartReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several alarm listeners as one, called in the order given (the alarm responses before delivery,
 * so that an outlet is switched before the unit may acknowledge an alarm nobody is called for). One
 * that throws is logged and the others are still called.
 */
public final class AlarmListeners implements AlarmListener {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmListeners.class);

    private final List<AlarmListener> listeners;

    private AlarmListeners(List<AlarmListener> listeners) {
        this.listeners = listeners;
    }

    public static AlarmListener of(AlarmListener... listeners) {
        return new AlarmListeners(List.of(listeners));
    }

    @Override
    public void occurrenceStarted(Occurrence occurrence, StartReason reason) {
        each(l -> l.occurrenceStarted(occurrence, reason));
    }

    @Override
    public void occurrenceResumed(Occurrence occurrence, int round, java.time.Instant nextRound) {
        each(l -> l.occurrenceResumed(occurrence, round, nextRound));
    }

    @Override
    public void returnedToNormal(Occurrence occurrence, boolean acknowledged) {
        each(l -> l.returnedToNormal(occurrence, acknowledged));
    }

    @Override
    public void acknowledged(Occurrence occurrence, Acknowledgment by) {
        each(l -> l.acknowledged(occurrence, by));
    }

    @Override
    public void closed(Occurrence occurrence, CloseReason why) {
        each(l -> l.closed(occurrence, why));
    }

    @Override
    public void stateChanged(AlarmAddress address, AlarmState previous, AlarmState current) {
        each(l -> l.stateChanged(address, previous, current));
    }

    private void each(Consumer<AlarmListener> call) {
        for (AlarmListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("Alarm listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
    }
}
