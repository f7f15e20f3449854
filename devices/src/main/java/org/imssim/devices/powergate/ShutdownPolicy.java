package org.imssim.devices.powergate;

import java.util.Optional;

/** What a PowerGate's relays do when the unit shuts down (SPEC §11); {@code KEEP} leaves them as they are. */
public enum ShutdownPolicy {
    KEEP, OFF, ON;

    /** The command every outlet gets at shutdown; none for {@code KEEP}. */
    public Optional<OutletAction> actionAtShutdown() {
        return switch (this) {
            case KEEP -> Optional.empty();
            case OFF -> Optional.of(OutletAction.OFF);
            case ON -> Optional.of(OutletAction.ON);
        };
    }
}
