package org.imssim.devices.unit;

/**
 * What is plugged into an input, as far as its channel can tell. The firmware turns a sensor
 * missing for over 60 s, or another sensor type plugged in, into {@code TROUBLE} (SPEC §4); the
 * input only reports.
 */
public enum Presence {
    /** The input's sensor is there (or the channel cannot tell, and something is). */
    CONNECTED,
    /** Nothing is plugged in. */
    MISSING,
    /** A probe of another kind is plugged in. */
    WRONG_PROBE
}
