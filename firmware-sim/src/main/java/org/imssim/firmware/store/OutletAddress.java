package org.imssim.firmware.store;

/**
 * Which outlet: PowerGate {@code powergate}, outlet {@code outlet} ({@code Outlet <n>/<m>} in SPEC's words).
 */
public record OutletAddress(int powergate, int outlet) implements Comparable<OutletAddress> {

    @Override
    public int compareTo(OutletAddress other) {
        int byPowerGate = Integer.compare(powergate, other.powergate);
        return byPowerGate != 0 ? byPowerGate : Integer.compare(outlet, other.outlet);
    }
}
