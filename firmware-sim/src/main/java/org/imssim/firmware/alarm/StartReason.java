package org.imssim.firmware.alarm;

/** Why an occurrence started (SPEC §4). */
public enum StartReason {
    /** The recognition time ended with the input still out of range. */
    NEW,
    /** An acknowledged alarm was still out of range after the reset time. */
    REARMED,
    /** The sensor was gone for 60 s or another sensor type was plugged in: class {@code Diagnostic}. */
    TROUBLE
}
