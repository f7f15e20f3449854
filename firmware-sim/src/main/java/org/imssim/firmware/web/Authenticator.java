package org.imssim.firmware.web;

import java.util.Optional;

/**
 * Checks HTTP Basic credentials against the unit's enabled profiles. Usernames compare
 * case-insensitively, passwords exactly (SPEC §5).
 */
@FunctionalInterface
public interface Authenticator {

    /** The profile's username as configured, when the credentials are those of an enabled profile. */
    Optional<String> authenticate(String username, String password);

    /** An authenticator that accepts nobody. */
    static Authenticator nobody() {
        return (u, p) -> Optional.empty();
    }
}
