package org.imssim.firmware.alarm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes calls on to a listener; a listener's failure is logged so the state machine carries on. */
final class GuardedListener implements AlarmListener {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

    private final AlarmListener listener;

    GuardedListener(AlarmListener listener) {
        this.listener = listener;
    }

    @Override
    public void occurrenceStarted(Occurrence occurrence, StartReason reason) {
        guard(() -> listener.occurrenceStarted(occurrence, reason), occurrence);
    }

    @Override
    public void occurrenceResumed(Occurrence occurrence, int round, java.time.Instant nextRound) {
        guard(() -> listener.occurrenceResumed(occurrence, round, nextRound), occurrence);
    }

    @Override
    public void returnedToNormal(Occurrence occurrence, boolean acknowledged) {
        guard(() -> listener.returnedToNormal(occurrence, acknowledged), occurrence);
    }

    @Override
    public void acknowledged(Occurrence occurrence, Acknowledgment by) {
        guard(() -> listener.acknowledged(occurrence, by), occurrence);
    }

    @Override
    public void closed(Occurrence occurrence, CloseReason why) {
        guard(() -> listener.closed(occurrence, why), occurrence);
    }

    @Override
    public void stateChanged(AlarmAddress address, AlarmState previous, AlarmState current) {
        guard(() -> listener.stateChanged(address, previous, current), address);
    }

    private static void guard(Runnable call, Object about) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("An alarm listener failed on {}", about, e);
        }
    }
}
