package org.imssim.devices.powergate;

/** What a command, the API or an alarm response asks of an outlet. */
public enum OutletAction {
    ON, OFF, CYCLE
}
