package org.imssim.firmware.mail.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail from the unit's mailbox as read for two-way e-mail (SPEC §7): what identifies it,
 * the command fields its user wrote, and the rejection its headers alone decide.
 *
 * <p>{@link #from()} is informational only (events and logs): the unit never authenticates
 * by From and never replies to it; the reply goes to {@link #email()} once the handler has
 * matched it to a contact of the {@link #username()}'s profile. {@link #password()} is never
 * shown by {@link #toString()} and must never be stored, logged or echoed.
 *
 * @param messageId    the {@code Message-ID} header as sent (with its angle brackets), or null
 * @param rawSha256    lower-case hex SHA-256 of the raw message: the de-duplication key when
 *                     there is no Message-ID
 * @param date         the {@code Date:} header, when present and readable
 * @param subject      the decoded subject; empty when there is none
 * @param from         the first address of From, or null
 * @param username     the first {@code username:}, or null
 * @param email        the first address of the first {@code email:}, or null
 * @param password     the first {@code password:}, or null
 * @param commandLines all {@code command:} lines in order as received, trimmed (the handler
 *                     refuses more than 10); unmodifiable
 * @param rejection    the first of bounce, auto-submitted, bulk or list mail, own address and
 *                     not a command that applies; empty for a mail the handler should check
 *                     against the profiles
 */
public record CommandMail(
        String messageId,
        String rawSha256,
        Optional<Instant> date,
        String subject,
        String from,
        String username,
        String email,
        String password,
        List<String> commandLines,
        Optional<RejectReason> rejection) {

    public CommandMail {
        Objects.requireNonNull(rawSha256, "rawSha256");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(subject, "subject");
        commandLines = List.copyOf(commandLines);
        Objects.requireNonNull(rejection, "rejection");
    }

    /** A message that could not be parsed at all: nothing but its hash, rejected as not a command. */
    static CommandMail unreadable(String rawSha256) {
        return new CommandMail(null, rawSha256, Optional.empty(), "", null, null, null, null, List.of(),
                Optional.of(RejectReason.NOT_A_COMMAND));
    }

    /** The key of the store of seen messages: the Message-ID, or the SHA-256 without one. */
    public String seenKey() {
        return messageId != null ? messageId : rawSha256;
    }

    /** Whether the mail has a {@code password:} line. */
    public boolean hasPassword() {
        return password != null;
    }

    @Override
    public String toString() {
        return "CommandMail[messageId=" + messageId + ", rawSha256=" + rawSha256 + ", date=" + date
                + ", subject=" + subject + ", from=" + from + ", username=" + username + ", email=" + email
                + ", password=" + (password == null ? "null" : "****") + ", commandLines=" + commandLines
                + ", rejection=" + rejection + "]";
    }
}
