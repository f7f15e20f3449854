package org.imssim.firmware.mail.inbound;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** Header values of a parsed message, unfolded, without ever throwing. */
final class MessageHeaders {
    private MessageHeaders() {
    }

    /** Every value of the header, unfolded; none when absent or unreadable. */
    static String[] all(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            if (values == null) {
                return new String[0];
            }
            String[] unfolded = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                unfolded[i] = values[i] == null ? "" : MimeUtility.unfold(values[i]);
            }
            return unfolded;
        } catch (MessagingException | RuntimeException e) {
            return new String[0];
        }
    }

    /** The first value, unfolded and trimmed; null when absent or blank. */
    static String first(MimeMessage message, String name) {
        String[] values = all(message, name);
        return values.length == 0 || values[0].isBlank() ? null : values[0].strip();
    }
}
