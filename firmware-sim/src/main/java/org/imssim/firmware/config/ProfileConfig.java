package org.imssim.firmware.config;

import java.util.List;
import java.util.Objects;

/**
 * One user profile ({@code profiles:}), SPEC §5. {@code toString()} masks the password, the mail PIN
 * and the user code.
 *
 * @param username   {@code username} (or {@code username-file}), required, unique ignoring case
 * @param password   {@code password} or {@code password-file}, required
 * @param mailPin    {@code mail-pin} or {@code mail-pin-file}, digits; null when not set (the password is then used)
 * @param userCode   {@code user-code}, 4 digits; null when not set
 * @param name       {@code name}; null when not set
 * @param company    {@code company}; null when not set
 * @param department {@code department}; null when not set
 * @param title      {@code title}; null when not set
 * @param enabled    {@code enabled}, default true
 * @param level      {@code level}, required
 * @param units      {@code units}: {@code host} and configured {@code node-<n>} ids (used by site-admin and user)
 * @param classes    {@code classes}, default none: the classes whose alarms it receives and sees
 * @param contacts   {@code contacts}, at most 8
 */
public record ProfileConfig(String username, String password, String mailPin, String userCode, String name,
                            String company, String department, String title, boolean enabled, Level level,
                            List<String> units, List<String> classes, List<ContactConfig> contacts) {

    public ProfileConfig {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(level, "level");
        units = List.copyOf(units);
        classes = List.copyOf(classes);
        contacts = List.copyOf(contacts);
    }

    /** The secret a mail command's {@code password:} must match: the mail PIN when set, else the password. */
    public String mailSecret() {
        return mailPin != null ? mailPin : password;
    }

    @Override
    public String toString() {
        return "ProfileConfig[username=" + username + ", password=" + Masked.of(password)
                + ", mailPin=" + Masked.of(mailPin) + ", userCode=" + Masked.of(userCode) + ", name=" + name
                + ", company=" + company + ", department=" + department + ", title=" + title
                + ", enabled=" + enabled + ", level=" + level + ", units=" + units + ", classes=" + classes
                + ", contacts=" + contacts + "]";
    }
}
