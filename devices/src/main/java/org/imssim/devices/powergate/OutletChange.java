package org.imssim.devices.powergate;

import java.util.Objects;

/**
 * One change of an outlet: its state or its relay fault, before and after.
 *
 * @param powerGate the number of the PowerGate
 * @param previous  the outlet before
 * @param current   the outlet now
 */
public record OutletChange(int powerGate, Outlet previous, Outlet current) {

    public OutletChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }

    /** True when the outlet's state changed. */
    public boolean stateChanged() {
        return previous.state() != current.state();
    }

    /** True when a relay fault appeared or cleared. */
    public boolean relayFaultChanged() {
        return previous.relayFault() != current.relayFault();
    }
}
