package org.imssim.devices.powergate;

/** What a PowerGate's relays do when the unit shuts down (SPEC §11); {@code KEEP} leaves them as they are. */
public enum ShutdownPolicy {
    KEEP, OFF, ON
}
