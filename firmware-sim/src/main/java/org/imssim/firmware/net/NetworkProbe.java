package org.imssim.firmware.net;

/**
 * Runs a ping or a route trace from the unit and gives the text the reply shows. Blocking: called
 * on the unit's network threads only, never on the event loop. The target has been validated
 * ({@link Target}) before it gets here.
 */
public interface NetworkProbe {

    /** Four echo requests to {@code target}: one line per reply, then the summary. */
    String ping(Target target);

    /** A route trace to {@code target}, at most 30 hops: one line per hop. */
    String trace(Target target);

    /** One echo request, for the IP device monitors: true when {@code target} answered within {@code timeout}. */
    boolean answers(Target target, java.time.Duration timeout);
}
