package org.imssim.firmware.mail.inbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The text a user wrote in a mail, decoded: what the command lines are read from.
 *
 * <p>The first {@code text/plain} part is preferred, found by walking {@code multipart/*}
 * parts (mixed, alternative, related, …) in order; without one, the first {@code text/html}
 * part is turned into lines by {@link HtmlText}. Parts with {@code Content-Disposition:
 * attachment} and attached messages are not read. Transfer encodings (quoted-printable,
 * base64, 7bit, 8bit, binary, uuencode) are removed, an unknown one is read as it is, a
 * broken one gives what could be decoded; charsets are decoded by the rules of
 * {@link TextDecoding}. Line ends stay as sent. The result is cut at {@link #MAX_CHARS}.
 *
 * <p>Never throws: nesting deeper than {@value #MAX_DEPTH} multiparts, more than
 * {@value #MAX_PARTS} parts, and anything unreadable are skipped; no text gives {@code ""}.
 */
public final class BodyText {
    /** The decoded text is cut at 64 KiB (65,536 characters). */
    public static final int MAX_CHARS = 64 * 1024;

    /** Multiparts nested deeper than this are not read. */
    public static final int MAX_DEPTH = 8;

    /** Parts looked at, at most, in one message. */
    public static final int MAX_PARTS = 100;

    /** Bytes of one part read, at most (a command mail over 1 MiB is deleted unread anyway). */
    static final int MAX_PART_BYTES = 1024 * 1024;

    private BodyText() {
    }

    /** The decoded text of the message's preferred text part, at most {@link #MAX_CHARS} characters. */
    public static String of(MimeMessage message) {
        TextParts found = new TextParts();
        walk(message, 0, found);
        String text;
        if (found.plain != null) {
            text = decoded(found.plain);
        } else if (found.html != null) {
            text = HtmlText.toPlainText(decoded(found.html));
        } else {
            return "";
        }
        return cut(text);
    }

    /** The text cut at {@link #MAX_CHARS}, never in the middle of a surrogate pair. */
    static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static final class TextParts {
        MimePart plain;
        MimePart html;
        int seen;
    }

    private static void walk(MimePart part, int depth, TextParts found) {
        if (found.plain != null || found.seen++ >= MAX_PARTS || (depth > 0 && isAttachment(part))) {
            return;
        }
        PartType type = PartType.of(header(part, "Content-Type"));
        if (type.isMultipart()) {
            if (depth >= MAX_DEPTH) {
                return;
            }
            try {
                MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
                for (int i = 0; i < multipart.getCount() && found.plain == null; i++) {
                    if (multipart.getBodyPart(i) instanceof MimePart child) {
                        walk(child, depth + 1, found);
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                // A multipart that cannot be split (no boundary, garbage): no text from it.
            }
        } else if (type.baseType().equals("text/plain")) {
            found.plain = part;
        } else if (type.baseType().equals("text/html") && found.html == null) {
            found.html = part;
        }
    }

    private static boolean isAttachment(MimePart part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (MessagingException | RuntimeException e) {
            return false; // a malformed disposition is read as inline
        }
    }

    private static String decoded(MimePart part) {
        PartType type = PartType.of(header(part, "Content-Type"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean truncated = false;
        // One byte at a time: a decoder that fails on a bulk read loses the whole chunk it had
        // decoded (Angus's base64 does, at a broken end); byte by byte it keeps all before the fault.
        try (InputStream in = transferDecoded(part)) {
            int b;
            while ((b = in.read()) >= 0) {
                if (bytes.size() == MAX_PART_BYTES) {
                    truncated = true;
                    break;
                }
                bytes.write(b);
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            // Broken encoding or truncated message: keep what was decoded so far.
            truncated = true;
        }
        return TextDecoding.decode(bytes.toByteArray(), type.charset(), truncated);
    }

    private static InputStream transferDecoded(MimePart part) throws MessagingException {
        InputStream raw = part instanceof MimeMessage message
                ? message.getRawInputStream()
                : ((MimeBodyPart) part).getRawInputStream();
        String encoding;
        try {
            encoding = part.getEncoding();
        } catch (MessagingException | RuntimeException e) {
            encoding = null;
        }
        if (encoding == null) {
            return raw;
        }
        try {
            return MimeUtility.decode(raw, encoding);
        } catch (MessagingException | RuntimeException e) {
            return raw; // an unknown transfer encoding: read the bytes as they are
        }
    }

    private static String header(MimePart part, String name) {
        try {
            return part.getHeader(name, null);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
