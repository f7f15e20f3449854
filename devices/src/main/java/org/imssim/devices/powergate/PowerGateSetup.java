package org.imssim.devices.powergate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.imssim.devices.unit.UnitId;

/**
 * What a PowerGate is, as plain values: its number (1–16), name, the unit it hangs off, its
 * outlet count (1–8) and names, and what its relays do at shutdown. The firmware maps a
 * configuration entry onto one; per-outlet timing and power-up belong to the firmware, which
 * owns the clock.
 *
 * @param number      1–16
 * @param name        the PowerGate's name; empty when it has none
 * @param unit        the unit it hangs off (default the Host)
 * @param outlets     how many outlets, 1–8
 * @param outletNames one name per outlet; blank names, or no list at all, mean {@code Outlet <m>}
 * @param onShutdown  what the relays do when the unit shuts down (default {@code KEEP})
 */
public record PowerGateSetup(int number, String name, UnitId unit, int outlets, List<String> outletNames,
        ShutdownPolicy onShutdown) {

    /** The highest PowerGate number. */
    public static final int MAX_NUMBER = 16;
    /** The most outlets a PowerGate has. */
    public static final int MAX_OUTLETS = 8;

    /**
     * @throws IllegalArgumentException when the number, the outlet count or the number of outlet
     *                                  names is out of bounds, in a sentence that says which
     */
    public PowerGateSetup {
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("A PowerGate number must be 1 to 16, not " + number + ".");
        }
        if (outlets < 1 || outlets > MAX_OUTLETS) {
            throw new IllegalArgumentException("A PowerGate has 1 to 8 outlets, not " + outlets + ".");
        }
        name = name == null ? "" : name.strip();
        unit = unit == null ? UnitId.host() : unit;
        onShutdown = onShutdown == null ? ShutdownPolicy.KEEP : onShutdown;
        if (outletNames == null || outletNames.isEmpty()) {
            outletNames = List.of();
        } else if (outletNames.size() != outlets) {
            throw new IllegalArgumentException("PowerGate " + number + " has " + outlets + " outlets, so it needs "
                    + outlets + " outlet names, not " + outletNames.size() + ".");
        }
        List<String> names = new ArrayList<>(outlets);
        for (int m = 1; m <= outlets; m++) {
            String given = outletNames.isEmpty() ? null : outletNames.get(m - 1);
            names.add(given == null || given.isBlank() ? "Outlet " + m : given.strip());
        }
        outletNames = List.copyOf(names);
    }

    /** PowerGate {@code number} named {@code name} with {@code outlets} outlets, on the Host, default names, KEEP. */
    public static PowerGateSetup of(int number, String name, int outlets) {
        return new PowerGateSetup(number, name, null, outlets, null, null);
    }

    /** This setup with these outlet names. */
    public PowerGateSetup withOutletNames(List<String> names) {
        return new PowerGateSetup(number, name, unit, outlets, names, onShutdown);
    }

    /** This setup hanging off {@code unit}. */
    public PowerGateSetup withUnit(UnitId newUnit) {
        return new PowerGateSetup(number, name, newUnit, outlets, outletNames, onShutdown);
    }

    /** This setup with {@code policy} at shutdown. */
    public PowerGateSetup withShutdown(ShutdownPolicy policy) {
        return new PowerGateSetup(number, name, unit, outlets, outletNames, policy);
    }

    /** The name of outlet {@code m}. */
    public String outletName(int m) {
        checkOutlet(m);
        return outletNames.get(m - 1);
    }

    /** {@code PowerGate <n> <name>}, or {@code PowerGate <n>} without a name. */
    public String displayName() {
        return name.isEmpty() ? "PowerGate " + number : "PowerGate " + number + " " + name;
    }

    /**
     * Checks that outlet {@code m} exists.
     *
     * @throws IllegalArgumentException {@code PowerGate <n> has outlets 1 to <N>.}
     */
    public void checkOutlet(int m) {
        if (m < 1 || m > outlets) {
            throw new IllegalArgumentException("PowerGate " + number + " has outlets 1 to " + outlets + ".");
        }
    }
}
