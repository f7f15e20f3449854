package org.imssim.firmware.mail.inbound;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.imssim.firmware.mail.MailStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a raw mail from the unit's mailbox into a {@link CommandMail}: pure, no network, no
 * configuration beyond the unit's own addresses.
 *
 * <p>The steps: parse the headers (leniently, raw UTF-8 allowed); decode the subject and test
 * it with {@link SubjectRule}; take the body's text with {@link BodyText} (at most 64 KiB),
 * cut its history and signature with {@link QuotedHistory}, read its fields with
 * {@link CommandFields}; decide the header-based rejection (bounce, auto-submitted, bulk or
 * list mail, own address, not a command, in that order).
 *
 * <p>{@link #read} never throws, whatever the bytes: garbage, truncated MIME, missing headers,
 * broken base64, unknown charsets, absurd nesting. A message that cannot be parsed at all
 * gives a result with only its SHA-256 and the rejection {@code not a command}. Nothing of the
 * mail's content is logged.
 */
public final class CommandMailReader {
    private static final Logger log = LoggerFactory.getLogger(CommandMailReader.class);

    private CommandMailReader() {
    }

    /**
     * @param raw          the message as fetched from the mailbox; null reads as empty
     * @param ownAddresses the unit's own addresses ({@code two-way.address},
     *                     {@code email.return-address}); null reads as none
     */
    public static CommandMail read(byte[] raw, Set<String> ownAddresses) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        Set<String> own = ownAddresses == null ? Set.of() : ownAddresses;
        String sha256 = sha256Hex(bytes);
        try {
            return parse(bytes, sha256, own);
        } catch (Exception | StackOverflowError e) { // the contract: any input gives a result
            log.debug("Mail {} could not be read: {}", sha256, e.getClass().getSimpleName());
            return CommandMail.unreadable(sha256);
        }
    }

    private static CommandMail parse(byte[] bytes, String sha256, Set<String> own) throws Exception {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        String messageId = MessageHeaders.first(message, "Message-ID");
        String subject = SubjectRule.decode(MessageHeaders.first(message, "Subject"));
        String from = AddressText.firstIn(MessageHeaders.first(message, "From"));
        CommandFields fields = CommandFields.parse(QuotedHistory.cut(BodyText.of(message)));
        Optional<RejectReason> rejection =
                RejectionRules.firstApplying(message, from, fields, SubjectRule.accepts(subject), own);
        return new CommandMail(messageId, sha256, date(message), subject, from,
                fields.username(), fields.email(), fields.password(), fields.commandLines(), rejection);
    }

    /**
     * One session for every read: making one loads Jakarta Mail's provider lists from the class
     * path, which cost more than reading a small mail. Only its properties are used, never changed.
     */
    private static final Session SESSION = session();

    private static Session session() {
        MailStreams.nameProvider();
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.allowutf8", "true"); // raw UTF-8 in headers, as many clients send
        return Session.getInstance(properties);
    }

    private static Optional<Instant> date(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return Optional.ofNullable(sent).map(Date::toInstant);
        } catch (Exception e) { // an unreadable Date: header is no date
            return Optional.empty();
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
