package org.imssim.firmware.alarm;


/**
 * What the alarm engine tells delivery (alarm mail, rounds, alarm responses, the durable store)
 * and anything else that follows alarms. Called on the unit's loop, after the engine's state
 * has changed and the event is recorded; the occurrence given is the snapshot just after the
 * change, so {@link Occurrence#isOpen()} says whether its life ended with this call. A listener
 * that throws is logged and does not disturb the engine. A listener may call back into the engine
 * (for instance {@link AlarmEngine#acknowledgeByUnit} right after round 1); the calls of that
 * nested change then arrive before the outer change's {@link #stateChanged}. Every method does
 * nothing by default.
 *
 * <p>Each occurrence gets exactly one {@link #occurrenceStarted} (or, in a unit started again on
 * its store, {@link #occurrenceResumed}), and its life ends in exactly one
 * call whose occurrence is no longer open: {@link #returnedToNormal} with {@code acknowledged}
 * true, {@link #acknowledged} of an occurrence that had returned to normal, or {@link #closed}.
 */
public interface AlarmListener {

    /**
     * An occurrence started: round 1 and, unless {@code reason} is {@link StartReason#TROUBLE},
     * the alarm responses. For {@link StartReason#REARMED} the occurrence it replaces was
     * {@linkplain #closed closed} with {@link CloseReason#REARMED} just before.
     */
    default void occurrenceStarted(Occurrence occurrence, StartReason reason) {
    }

    /**
     * An occurrence found open in the store when the unit started was taken up again, before its
     * input is evaluated against its current reading: nothing was sent for it now, and its rounds
     * go on from {@code round} (the last round sent) with the next one due at {@code nextRound}
     * (null: none). A resumed occurrence gets this instead of {@link #occurrenceStarted}.
     */
    default void occurrenceResumed(Occurrence occurrence, int round, java.time.Instant nextRound) {
    }

    /**
     * The input came back in range while {@code occurrence} was open (or, for a trouble, the
     * sensor came back). {@code acknowledged} false: it stays open as {@code RTN_UNACKED} and its
     * rounds continue; the return-to-normal mail goes to inform-only contacts. {@code acknowledged}
     * true: it ended; the mail goes to the acknowledger and inform-only contacts. A trouble always
     * ends here, acknowledged or not.
     */
    default void returnedToNormal(Occurrence occurrence, boolean acknowledged) {
    }

    /**
     * {@code occurrence} was acknowledged by {@code by}: its rounds stop. It ended if it had
     * returned to normal ({@code RTN_UNACKED → NORMAL}); otherwise it stays open.
     */
    default void acknowledged(Occurrence occurrence, Acknowledgment by) {
    }

    /** {@code occurrence} ended without returning to normal, for {@code why}: nothing is mailed. */
    default void closed(Occurrence occurrence, CloseReason why) {
    }

    /** The input's state changed (for live views and traps); called after the calls above. */
    default void stateChanged(AlarmAddress address, AlarmState previous, AlarmState current) {
    }
}
