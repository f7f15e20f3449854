package org.imssim.firmware.mail.inbound;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text part into characters without ever throwing. A known charset is
 * used as declared (bad bytes become U+FFFD). No charset, {@code us-ascii} (often declared by
 * clients that then send 8-bit text) or an unknown one: ASCII if the bytes are ASCII, else
 * UTF-8 if they are valid UTF-8, else windows-1252, which maps every byte.
 */
final class TextDecoding {
    private static final Charset WINDOWS_1252 = charsetOrNull("windows-1252");

    private TextDecoding() {
    }

    /**
     * @param bytes     the decoded (transfer encoding removed) bytes of the part
     * @param charset   the declared charset, or null
     * @param truncated whether the bytes are only the start of the part (a character may be cut at the end)
     */
    static String decode(byte[] bytes, String charset, boolean truncated) {
        Charset declared = charset == null ? null : charsetOrNull(MimeUtility.javaCharset(unquoted(charset)));
        if (declared != null && !declared.equals(StandardCharsets.US_ASCII)) {
            return new String(bytes, declared);
        }
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String utf8 = strictUtf8(bytes, truncated);
        if (utf8 != null) {
            return utf8;
        }
        return new String(bytes, WINDOWS_1252 != null ? WINDOWS_1252 : StandardCharsets.ISO_8859_1);
    }

    private static String strictUtf8(byte[] bytes, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        // Not at the end of input when truncated: a sequence cut at the end is not an error.
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, !truncated);
        if (result.isError()) {
            return null;
        }
        if (!truncated && decoder.flush(out).isError()) {
            return null;
        }
        return out.flip().toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String unquoted(String name) {
        String n = name.strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1).strip();
        }
        return n;
    }

    private static Charset charsetOrNull(String name) {
        try {
            return name == null || name.isEmpty() ? null : Charset.forName(name);
        } catch (RuntimeException e) { // illegal or unsupported name
            return null;
        }
    }
}
