package org.imssim.devices.powergate;

/**
 * A PowerGate's link to the unit came up or went down.
 *
 * @param powerGate the number of the PowerGate
 * @param up        true: the PowerGate answers again, its outlets read back; false: it stopped
 *                  answering and its outlets show {@link OutletState#UNKNOWN}
 * @param poweredUp with {@code up}: the PowerGate says it has just powered up, so its relays are
 *                  at their power-on default and the firmware applies the outlets' {@code power-up}
 *                  (SPEC §11); false: the relays kept their states and are only read
 */
public record LinkChange(int powerGate, boolean up, boolean poweredUp) {

    public LinkChange {
        if (poweredUp && !up) {
            throw new IllegalArgumentException("A PowerGate that powered up has its link up");
        }
    }
}
