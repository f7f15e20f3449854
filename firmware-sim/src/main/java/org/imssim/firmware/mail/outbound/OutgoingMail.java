package org.imssim.firmware.mail.outbound;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One mail the unit sends (SPEC §6): an alarm, a return to normal, a command reply or a notice.
 * Plain text in UTF-8, one recipient.
 *
 * <p>The Message-ID is assigned by the caller when the mail goes into the outbox
 * ({@link #newMessageId(String)}) and is written exactly as given, so a mail sent again after a
 * crash carries the same Message-ID (delivery is at least once). {@code Date:} is
 * {@link #created()}, the unit's clock when the mail was made, written in UTC.
 *
 * <p>Everything that becomes a header line is checked here: no CR or LF anywhere (a reply's
 * {@code In-Reply-To} comes from a stranger's mail, and a line break in it would add headers of
 * the stranger's choice). Violations throw {@link IllegalArgumentException} with a fixed
 * sentence.
 *
 * @param messageId the Message-ID with its angle brackets, e.g. {@code <uuid@imssim>}
 * @param from      the From address ({@code email.return-address}), optionally with a name
 * @param to        the one recipient, optionally with a name
 * @param subject   the subject, any Unicode (encoded per RFC 2047 when not ASCII)
 * @param body      the text; line ends are written as CRLF
 * @param headers   further headers in order, ASCII only: {@link #AUTO_SUBMITTED},
 *                  {@link #REPLY_TO}, {@link #IN_REPLY_TO}, {@link #REFERENCES}; never one the
 *                  mail sets itself (From, To, Subject, Date, Message-ID, MIME and content
 *                  headers); unmodifiable, iteration in the given order
 * @param created   when the mail was made: its {@code Date:} (whole seconds are written)
 */
public record OutgoingMail(String messageId, String from, String to, String subject, String body,
                           Map<String, String> headers, Instant created) {

    /** {@code Auto-Submitted}: {@code auto-generated} on alarm mail, {@code auto-replied} on replies. */
    public static final String AUTO_SUBMITTED = "Auto-Submitted";
    /** {@code Reply-To}: the two-way address on alarm mail when two-way e-mail is on. */
    public static final String REPLY_TO = "Reply-To";
    /** {@code In-Reply-To}: the command mail's Message-ID on a reply. */
    public static final String IN_REPLY_TO = "In-Reply-To";
    /** {@code References}: the command mail's Message-ID (and its references) on a reply. */
    public static final String REFERENCES = "References";

    /** Headers the mail writes itself; callers may not set them. Lower case. */
    private static final Set<String> OWN_HEADERS = Set.of("from", "to", "cc", "bcc", "sender", "subject", "date",
            "message-id", "mime-version", "content-type", "content-transfer-encoding", "return-path");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d\\x3f-\\x7e]+>");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    /** RFC 5322 field name: printable ASCII except the colon. */
    private static final Pattern FIELD_NAME = Pattern.compile("[\\x21-\\x39\\x3b-\\x7e]{1,76}");
    /** RFC 5322 {@code Date:} in UTC, e.g. {@code Sun, 29 Nov 2026 15:04:05 +0000}. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    /** The longest line that may go out as 7bit (RFC 5322 allows 998 octets). */
    private static final int MAX_7BIT_LINE = 998;

    public OutgoingMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(created, "created");
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("The Message-ID is not of the form <left@right>.");
        }
        requireOneLine(from, "The From address spans more than one line.");
        requireOneLine(to, "The To address spans more than one line.");
        requireOneLine(subject, "The subject spans more than one line.");
        headers = copyHeaders(headers);
    }

    /**
     * A new Message-ID for a mail stored now: {@code <random-uuid@domain>}.
     *
     * @param domain the right-hand side, e.g. {@code imssim} or the domain of the return address
     */
    public static String newMessageId(String domain) {
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("The Message-ID domain may hold only letters, digits, '-' and '.'.");
        }
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /**
     * A mail with a new Message-ID on {@code domain} ({@link #newMessageId(String)}) and no further
     * headers; add them with {@link #withHeader(String, String)}.
     */
    public static OutgoingMail create(String domain, String from, String to, String subject, String body,
                                      Instant created) {
        return new OutgoingMail(newMessageId(domain), from, to, subject, body, Map.of(), created);
    }

    /** This mail with one more header (or the header replaced, names compared case-insensitively). */
    public OutgoingMail withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>();
        headers.forEach((n, v) -> {
            if (!n.equalsIgnoreCase(name)) {
                more.put(n, v);
            }
        });
        more.put(name, value);
        return new OutgoingMail(messageId, from, to, subject, body, more, created);
    }

    /**
     * The mail as it goes on the wire: plain text, UTF-8, 7bit when the text is short-lined ASCII
     * and quoted-printable otherwise, with this Message-ID kept through {@code saveChanges()}.
     *
     * @throws MessagingException when an address does not parse (strict RFC 822 syntax)
     */
    public MimeMessage toMimeMessage(Session session) throws MessagingException {
        MimeMessage message = new FixedIdMimeMessage(session, messageId);
        message.setHeader("Date", DATE.format(created));
        message.setFrom(address(from));
        message.setRecipient(Message.RecipientType.TO, address(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            message.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, header.getValue()));
        }
        String text = crlf(body);
        message.setText(text, StandardCharsets.UTF_8.name());
        // Chosen here, not by Jakarta Mail's guess, which picks base64 for mostly non-ASCII text.
        message.setHeader("Content-Transfer-Encoding", needsEncoding(text) ? "quoted-printable" : "7bit");
        message.saveChanges();
        return message;
    }

    /** One strict address; a display name is RFC 2047-encoded when it is not ASCII. */
    static InternetAddress address(String text) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(text, true);
        if (parsed.length != 1) {
            throw new AddressException("not exactly one address");
        }
        InternetAddress address = parsed[0];
        address.validate();
        String personal = address.getPersonal();
        if (personal != null) {
            try {
                address.setPersonal(personal, StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException e) {
                throw new AddressException("display name");
            }
        }
        return address;
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    private static boolean needsEncoding(String crlfText) {
        int lineLength = 0;
        for (int i = 0; i < crlfText.length(); i++) {
            char c = crlfText.charAt(i);
            if (c == '\r' && i + 1 < crlfText.length() && crlfText.charAt(i + 1) == '\n') {
                lineLength = 0;
                i++;
                continue;
            }
            if (c >= 0x80 || c == 0 || c == '\r' || c == '\n' || ++lineLength > MAX_7BIT_LINE) {
                return true;
            }
        }
        return false;
    }

    private static void requireOneLine(String value, String sentence) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(sentence);
        }
    }

    private static Map<String, String> copyHeaders(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = Objects.requireNonNull(header.getKey(), "header name");
            String value = Objects.requireNonNull(header.getValue(), "header value");
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("A header name is not a valid field name.");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (OWN_HEADERS.contains(lower) || lower.startsWith("content-")) {
                throw new IllegalArgumentException("A header that the mail sets itself was given as an extra header.");
            }
            if (!seen.add(lower)) {
                throw new IllegalArgumentException("A header was given twice.");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                    throw new IllegalArgumentException("A header value holds a line break or a non-ASCII character.");
                }
            }
            copy.put(name, value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
