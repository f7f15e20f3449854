package org.imssim.firmware.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads top-level {@code profiles:} (SPEC §5): at most 64, usernames unique ignoring case, at most 8 contacts each. */
final class ProfileReader {

    static final int MAX_PROFILES = 64;
    static final int MAX_CONTACTS = 8;

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern USER_CODE = Pattern.compile("\\d{4}");

    private final ReadContext ctx;
    private final ClassCatalog classes;
    private final CrossReferences references;

    ProfileReader(ReadContext ctx, ClassCatalog classes, CrossReferences references) {
        this.ctx = ctx;
        this.classes = classes;
        this.references = references;
    }

    List<ProfileConfig> readAll(MappingCursor root) {
        List<ProfileConfig> profiles = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        List<MappingCursor> all = root.mappings("profiles");
        for (int i = 0; i < all.size(); i++) {
            MappingCursor m = all.get(i);
            if (i == MAX_PROFILES) {
                ctx.problems.error(m.path(), "is one too many: a unit has at most " + MAX_PROFILES + " profiles", m.line());
            }
            ProfileConfig profile = read(m, usernames);
            if (profile != null) {
                profiles.add(profile);
            }
        }
        return profiles;
    }

    private ProfileConfig read(MappingCursor m, Set<String> usernames) {
        String username = m.requiredSecret("username");
        if (username != null && !usernames.add(username.toLowerCase(Locale.ROOT))) {
            m.error(m.has("username") ? "username" : "username-file",
                    "is already used by another profile (usernames ignore case)");
        }
        String password = m.requiredSecret("password");
        String mailPin = m.secret("mail-pin");
        if (mailPin != null && !DIGITS.matcher(mailPin).matches()) {
            m.error(m.has("mail-pin") ? "mail-pin" : "mail-pin-file", "must be digits only");
        }
        String userCode = m.text("user-code");
        if (userCode != null && !USER_CODE.matcher(userCode).matches()) {
            m.error("user-code", "must be 4 digits");
        }
        String name = m.text("name");
        String company = m.text("company");
        String department = m.text("department");
        String title = m.text("title");
        boolean enabled = m.bool("enabled", true);
        Level level = m.has("level") ? m.choice("level", null, Level.class) : null;
        if (!m.has("level")) {
            m.required("level");
        }
        List<String> units = new ArrayList<>();
        for (MappingCursor.Item item : m.items("units")) {
            String unit = ctx.text(item.node(), item.path());
            if (unit != null) {
                references.unit(unit, item.path(), item.line());
                units.add(unit);
            } else if (!ctx.failsAsText(item.node())) {
                ctx.problems.error(item.path(), CrossReferences.UNKNOWN_UNIT, item.line());
            }
        }
        List<String> profileClasses = classes.readClasses(m, "classes", ctx);
        List<ContactConfig> contacts = readContacts(m);
        if (username == null || password == null || level == null || ctx.problems.hasErrors()) {
            return null;
        }
        return new ProfileConfig(username, password, mailPin, userCode, name, company, department, title, enabled,
                level, units, profileClasses, contacts);
    }

    private List<ContactConfig> readContacts(MappingCursor profile) {
        List<ContactConfig> contacts = new ArrayList<>();
        List<MappingCursor> all = profile.mappings("contacts");
        for (int i = 0; i < all.size(); i++) {
            MappingCursor m = all.get(i);
            if (i == MAX_CONTACTS) {
                ctx.problems.error(m.path(), "is one too many: a profile has at most " + MAX_CONTACTS + " contacts",
                        m.line());
            }
            String email = m.required("email");
            if (email != null && !ValueSyntax.isEmailAddress(email)) {
                m.error("email", ValueSyntax.EMAIL_SENTENCE);
            }
            boolean informOnly = m.bool("inform-only", false);
            boolean untilAcknowledged = m.bool("until-acknowledged", true);
            if (!informOnly && !untilAcknowledged) {
                ctx.problems.error(m.path(), "must be inform-only, until-acknowledged or both", m.line());
            }
            ScheduleConfig schedule = ScheduleReader.read(m, "schedule", ctx);
            if (email != null) {
                contacts.add(new ContactConfig(email, informOnly, untilAcknowledged, schedule));
            }
        }
        return contacts;
    }
}
