package org.imssim.firmware.command;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.config.ContactConfig;
import org.imssim.firmware.config.EmailConfig;
import org.imssim.firmware.config.ProfileConfig;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.mail.ReplyMail;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a lockout does (SPEC §7), once per lockout: records {@code Locked: <username>, too many
 * wrong passwords} and puts one notice into the outbox for each of the profile's e-mail contacts
 * (each address once, whatever its schedule: a lockout is news now), subject
 * {@code IMS-4000 reply: <unit.name>} so that pressing Reply reaches the unit,
 * {@code Auto-Submitted: auto-generated}. The notice says which commands are locked, until when,
 * and why; it quotes nothing the sender wrote. Loop only.
 */
final class LockoutNotice {

    private static final Logger log = LoggerFactory.getLogger(LockoutNotice.class);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx VV", Locale.ROOT);

    private final UnitFirmware unit;

    LockoutNotice(UnitFirmware unit) {
        this.unit = unit;
    }

    void locked(ProfileConfig profile) {
        unit.events().record("host", EventSource.PROFILE, "Locked: " + profile.username() + ", too many wrong passwords");
        EmailConfig email = unit.config().email();
        String name = unit.config().unit().name();
        ZonedDateTime now = unit.clock().now().atZone(unit.config().unit().timeZone());
        String body = "IMS-4000 " + name + ", " + TIME.format(now) + ", for " + profile.username() + "\n"
                + "The outlet and ack commands of " + profile.username() + " are locked for "
                + CommandPassword.LOCK.toMinutes() + " minutes, until " + TIME.format(now.plus(CommandPassword.LOCK))
                + ",\nbecause " + CommandPassword.MAX_WRONG + " commands with a wrong password arrived within "
                + CommandPassword.WINDOW.toMinutes() + " minutes.\n"
                + "The other commands still work. If you did not send them, someone else knows this\n"
                + "username and one of its e-mail addresses: tell the unit's administrator.\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(OutgoingMail.AUTO_SUBMITTED, "auto-generated");
        String from = email.returnAddress() == null ? "" : email.returnAddress();
        Set<String> sent = new LinkedHashSet<>();
        for (ContactConfig contact : profile.contacts()) {
            if (!sent.add(contact.email().toLowerCase(Locale.ROOT))) {
                continue;
            }
            NewMail notice = new NewMail(OutgoingMail.newMessageId(ReplyMail.messageIdDomain(email.returnAddress())),
                    from, contact.email(), "IMS-4000 reply: " + name, body, headers, "notice", unit.clock().now());
            unit.delivery().send(notice).exceptionally(failure -> {
                log.error("The lockout notice for {} could not be put into the outbox", profile.username(), failure);
                return null;
            });
        }
    }
}
