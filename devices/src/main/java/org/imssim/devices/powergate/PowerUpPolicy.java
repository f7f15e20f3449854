package org.imssim.devices.powergate;

import java.util.Objects;
import java.util.Optional;

/**
 * What an outlet does when its relays power up (SPEC §11): {@code LAST} restores the stored
 * commanded state (ON when none is stored or a cycle was under way), {@code ON} and {@code OFF} force it.
 */
public enum PowerUpPolicy {
    LAST, ON, OFF;

    /**
     * The command that brings an outlet to its power-up state: {@code ON} or {@code OFF}.
     *
     * @param stored the outlet's stored commanded state, if any
     */
    public OutletAction actionAtPowerUp(Optional<OutletState> stored) {
        Objects.requireNonNull(stored, "stored");
        return switch (this) {
            case ON -> OutletAction.ON;
            case OFF -> OutletAction.OFF;
            case LAST -> stored.filter(s -> s == OutletState.OFF).isPresent() ? OutletAction.OFF : OutletAction.ON;
        };
    }
}
