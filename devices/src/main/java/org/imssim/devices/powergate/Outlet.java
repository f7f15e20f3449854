package org.imssim.devices.powergate;

import java.util.Objects;

/**
 * One outlet of a PowerGate at one moment.
 *
 * @param number     the outlet's number on its PowerGate, 1–8
 * @param name       its name: as configured, else {@code Outlet <m>}
 * @param state      its state
 * @param relayFault the relay's read-back differs from what it was commanded (a stuck relay);
 *                   the firmware decides whether that is a {@code Relay Fault} alarm
 */
public record Outlet(int number, String name, OutletState state, boolean relayFault) {

    public Outlet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}
