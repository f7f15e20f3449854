package org.imssim.firmware.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.imssim.firmware.command.CommandReply;
import org.imssim.firmware.config.EmailConfig;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;

/**
 * Turns a command's reply into a mail for the outbox (SPEC §6): from {@code email.return-address},
 * {@code Auto-Submitted: auto-replied}, {@code In-Reply-To} and {@code References} naming the
 * command mail, and a Message-ID assigned now, before it is stored.
 */
public final class ReplyMail {

    private final EmailConfig email;

    public ReplyMail(EmailConfig email) {
        this.email = email;
    }

    public NewMail of(CommandReply reply, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(OutgoingMail.AUTO_SUBMITTED, "auto-replied");
        // A Message-ID that is not printable ASCII cannot go into a header; the reply goes without it.
        if (reply.inReplyTo() != null && reply.inReplyTo().matches("[\\x21-\\x7e]{1,900}")) {
            headers.put(OutgoingMail.IN_REPLY_TO, reply.inReplyTo());
            headers.put(OutgoingMail.REFERENCES, reply.inReplyTo());
        }
        return new NewMail(OutgoingMail.newMessageId(messageIdDomain(email.returnAddress())), from(email), reply.to(),
                reply.subject(), reply.body(), headers, "reply", now);
    }

    /** The From of everything the unit sends; empty when not configured (the outbox then reports it). */
    static String from(EmailConfig email) {
        return email.returnAddress() == null ? "" : email.returnAddress();
    }

    /** The domain of Message-IDs: the return address's, or {@code imssim.invalid} without one. */
    public static String messageIdDomain(String returnAddress) {
        if (returnAddress != null) {
            int at = returnAddress.lastIndexOf('@');
            String domain = at >= 0 ? returnAddress.substring(at + 1).replace(">", "").trim() : "";
            if (domain.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
                return domain.toLowerCase(Locale.ROOT);
            }
        }
        return "imssim.invalid";
    }
}
