package org.imssim.devices.powergate;

import java.util.Objects;

/**
 * A command a PowerGate received, as a mock records it.
 *
 * @param outlet the outlet number
 * @param action what was asked
 * @param source who asked, as the firmware names it (a username, an input address, {@code power-up})
 */
public record OutletCommand(int outlet, OutletAction action, String source) {

    public OutletCommand {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
    }
}
