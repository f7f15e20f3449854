package org.imssim.devices.powergate;

/**
 * What a command, the API or an alarm response asks of an outlet: switch it on, off, or cycle it
 * (off for its cycle time, then on again).
 */
public enum OutletAction {
    ON, OFF, CYCLE
}
