package org.imssim.firmware.mail.inbound;

/**
 * Why a mail sent to the unit's mailbox gets no reply, only the event
 * {@code Rejected mail: <reason>} (SPEC §7 "No reply, only an event", §8).
 *
 * <p>{@link #text()} is the reason exactly as the event history writes it; it is a contract.
 * The reader of command mails decides {@link #BOUNCE}, {@link #AUTO_SUBMITTED},
 * {@link #BULK_OR_LIST}, {@link #OWN_ADDRESS} and {@link #NOT_A_COMMAND} from the message
 * alone; the others need the configuration, the seen store or the rate limiter and are decided
 * by the command handler and the mailbox poller.
 */
public enum RejectReason {
    /** The {@code username:} is not the username of any profile. */
    UNKNOWN_USERNAME("unknown username"),
    /** The {@code email:} is not an e-mail contact of that profile. */
    NOT_A_CONTACT("not a contact"),
    /** The profile is disabled. */
    DISABLED_PROFILE("disabled profile"),
    /** An {@code Auto-Submitted} header with a value other than {@code no}. */
    AUTO_SUBMITTED("auto-submitted"),
    /** A delivery report: null return path, {@code MAILER-DAEMON} or {@code postmaster}, {@code multipart/report}. */
    BOUNCE("bounce"),
    /** {@code Precedence: bulk}, {@code junk} or {@code list}, or a {@code List-Id} header. */
    BULK_OR_LIST("bulk or list mail"),
    /** From or {@code email:} is one of the unit's own addresses. */
    OWN_ADDRESS("own address"),
    /** The subject is not a command subject, there is no {@code username:}, or the mail cannot be read. */
    NOT_A_COMMAND("not a command"),
    /** Over 1 MiB; deleted unread. */
    TOO_LARGE("too large"),
    /** Its Message-ID (or the SHA-256 of the raw message) was seen before. */
    DUPLICATE("duplicate"),
    /** Over the per-address or unit-wide rate limit. */
    RATE_LIMIT("rate limit");

    private final String text;

    RejectReason(String text) {
        this.text = text;
    }

    /** The reason as written after {@code Rejected mail: } in the event history. */
    public String text() {
        return text;
    }
}
