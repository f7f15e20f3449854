package org.imssim.firmware.loop;

/** A scheduled timer, which can be cancelled until it has run. */
public interface TimerHandle {

    /** Cancels the timer; true when it had not run yet. Harmless to call twice. */
    boolean cancel();
}
