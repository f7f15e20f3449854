package org.imssim.devices.powergate;

/**
 * What an outlet does when its relays power up (SPEC §11): {@code LAST} restores the stored
 * commanded state (ON when none is stored or a cycle was under way), {@code ON} and {@code OFF} force it.
 */
public enum PowerUpPolicy {
    LAST, ON, OFF
}
