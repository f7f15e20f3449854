package org.imssim.firmware.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imssim.firmware.config.ContactConfig;
import org.imssim.firmware.config.ProfileConfig;

/**
 * The unit's user profiles (SPEC §5): looked up by username ignoring case, with passwords and
 * PINs compared exactly (and in constant time). Immutable; safe from any thread.
 */
public final class Profiles {

    private final Map<String, ProfileConfig> byUsername = new LinkedHashMap<>();

    public Profiles(List<ProfileConfig> profiles) {
        for (ProfileConfig p : profiles) {
            byUsername.put(key(p.username()), p);
        }
    }

    /** The profile with this username, enabled or not. */
    public Optional<ProfileConfig> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(byUsername.get(key(username)));
    }

    /** Every profile, in configuration order. */
    public List<ProfileConfig> all() {
        return List.copyOf(byUsername.values());
    }

    /** The enabled profile whose username and password these are (HTTP Basic, the web console). */
    public Optional<ProfileConfig> authenticate(String username, String password) {
        return find(username).filter(ProfileConfig::enabled).filter(p -> same(p.password(), password));
    }

    /** The contact of this profile with this e-mail address, compared ignoring case. */
    public static Optional<ContactConfig> contact(ProfileConfig profile, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return profile.contacts().stream().filter(c -> c.email().equalsIgnoreCase(email.trim())).findFirst();
    }

    /** Exact comparison that takes the same time wherever the strings differ. */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
