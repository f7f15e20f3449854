package org.imssim.devices.powergate;

/**
 * The state of an outlet as the unit shows it ({@code /api/status}, the {@code outlets} reply):
 * {@code ON}, {@code OFF}, {@code CYCLING} (switched off for its cycle time, to come back on), or
 * {@code UNKNOWN} when the PowerGate cannot be read (a serial link down, a backend missing).
 */
public enum OutletState {
    ON, OFF, CYCLING, UNKNOWN
}
