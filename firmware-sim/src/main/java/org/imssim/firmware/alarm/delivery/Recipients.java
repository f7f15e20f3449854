package org.imssim.firmware.alarm.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.alarm.ScheduleCalendar;
import org.imssim.firmware.config.ContactConfig;
import org.imssim.firmware.config.ProfileConfig;
import org.imssim.firmware.profile.Permissions;

/**
 * Who gets the mails of an occurrence (SPEC §4 "Delivery"): the contacts, active now by their
 * schedule, of every enabled profile whose classes include the occurrence's class and which may
 * see its unit. Addresses compare ignoring case; each appears once, with the first profile (in
 * configuration order) that has it. Immutable.
 */
public final class Recipients {

    private final List<ProfileConfig> profiles;
    private final ScheduleCalendar calendar;

    public Recipients(List<ProfileConfig> profiles, ScheduleCalendar calendar) {
        this.profiles = List.copyOf(profiles);
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * The recipients of a calling round at {@code now}: round 1 ({@code laterRound} false) goes to
     * every active contact, later rounds only to until-acknowledged ones. An address is
     * until-acknowledged when any profile's contact with it is.
     */
    public List<Recipient> ofRound(Occurrence occurrence, Instant now, boolean laterRound) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (ProfileConfig profile : receiving(occurrence)) {
            for (ContactConfig contact : profile.contacts()) {
                if ((!laterRound || contact.untilAcknowledged()) && active(contact, now)) {
                    add(byAddress, contact, profile, contact.untilAcknowledged());
                }
            }
        }
        return List.copyOf(byAddress.values());
    }

    /**
     * The recipients of the return-to-normal mail at {@code now}: the active inform-only contacts of
     * the profiles that receive the occurrence and, when a profile acknowledged it
     * ({@code acknowledger}), every active contact of that profile.
     */
    public List<Recipient> ofReturnToNormal(Occurrence occurrence, Instant now, Optional<String> acknowledger) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (ProfileConfig profile : profiles) {
            boolean isAcknowledger = acknowledger.map(a -> a.equalsIgnoreCase(profile.username())).orElse(false);
            boolean receives = receives(profile, occurrence);
            if (!profile.enabled() || !(isAcknowledger || receives)) {
                continue;
            }
            for (ContactConfig contact : profile.contacts()) {
                if ((isAcknowledger || contact.informOnly()) && active(contact, now)) {
                    add(byAddress, contact, profile, contact.untilAcknowledged());
                }
            }
        }
        return List.copyOf(byAddress.values());
    }

    private List<ProfileConfig> receiving(Occurrence occurrence) {
        List<ProfileConfig> out = new ArrayList<>();
        for (ProfileConfig profile : profiles) {
            if (profile.enabled() && receives(profile, occurrence)) {
                out.add(profile);
            }
        }
        return out;
    }

    private static boolean receives(ProfileConfig profile, Occurrence occurrence) {
        return new Permissions(profile).sees(occurrence.address().unit().id(), occurrence.alarmClass());
    }

    private boolean active(ContactConfig contact, Instant now) {
        return calendar.isActive(contact.schedule(), now);
    }

    private static void add(Map<String, Recipient> byAddress, ContactConfig contact, ProfileConfig profile,
                            boolean untilAcknowledged) {
        String key = contact.email().trim().toLowerCase(Locale.ROOT);
        Recipient known = byAddress.get(key);
        if (known == null) {
            byAddress.put(key, new Recipient(contact.email().trim(), profile.username(), untilAcknowledged));
        } else if (untilAcknowledged && !known.untilAcknowledged()) {
            byAddress.put(key, new Recipient(known.email(), known.username(), true));
        }
    }
}
