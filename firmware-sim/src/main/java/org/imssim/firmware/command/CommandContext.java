package org.imssim.firmware.command;

import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.profile.Permissions;

/**
 * What a command may use while it runs: the unit (on its loop) and the permissions of the
 * profile that sent it.
 */
public record CommandContext(UnitFirmware unit, Permissions permissions) {

    /** The sender's username as configured. */
    public String username() {
        return permissions.profile().username();
    }
}
