package org.imssim.firmware.mail.inbound;

import jakarta.mail.internet.ContentType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media type and charset of a MIME part, read from its {@code Content-Type} header even
 * when the header is malformed. A missing or unreadable type is {@code text/plain}, as RFC 2045
 * says.
 *
 * @param baseType lower case, e.g. {@code text/plain}, {@code multipart/alternative}
 * @param charset  the {@code charset} parameter as written, or null
 */
record PartType(String baseType, String charset) {
    static final PartType DEFAULT = new PartType("text/plain", null);

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]{1,64})");

    static PartType of(String contentTypeHeader) {
        if (contentTypeHeader == null || contentTypeHeader.isBlank()) {
            return DEFAULT;
        }
        try {
            ContentType type = new ContentType(contentTypeHeader);
            return new PartType(type.getBaseType().toLowerCase(Locale.ROOT), type.getParameter("charset"));
        } catch (Exception e) { // a malformed header: read what can be read
            return lenient(contentTypeHeader);
        }
    }

    boolean isMultipart() {
        return baseType.startsWith("multipart/");
    }

    private static PartType lenient(String header) {
        int semicolon = header.indexOf(';');
        String base = (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        if (base.indexOf('/') <= 0) {
            base = DEFAULT.baseType();
        }
        Matcher charset = CHARSET.matcher(header);
        return new PartType(base, charset.find() ? charset.group(1) : null);
    }
}
