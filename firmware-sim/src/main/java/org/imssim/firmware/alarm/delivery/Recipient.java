package org.imssim.firmware.alarm.delivery;

import java.util.Objects;

/**
 * One address a mail of one round goes to (SPEC §4: at most one mail per address and round).
 *
 * @param email             the contact's address as configured
 * @param username          the username of the first profile (in configuration order) that has
 *                          this contact: the one written into the alarm mail's acknowledgment block
 * @param untilAcknowledged true when any profile's contact with this address is until-acknowledged
 */
public record Recipient(String email, String username, boolean untilAcknowledged) {

    public Recipient {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
    }
}
