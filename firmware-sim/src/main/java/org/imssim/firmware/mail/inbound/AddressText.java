package org.imssim.firmware.mail.inbound;

import java.util.Locale;

/**
 * Finds the first mail address in what a user or a client wrote: {@code Alice <a@x>},
 * {@code a@x<mailto:a@x>}, {@code mailto:a@x}, {@code "Smith, Alice" <a@x>, b@y} or a plain
 * {@code a@x}. Linear in the length of the text, never a regular expression that backtracks.
 */
final class AddressText {
    private static final String DELIMITERS = "<>()[],;:\"'";

    private AddressText() {
    }

    /** The first {@code local@domain} outside quoted strings, or null when there is none. */
    static String firstIn(String text) {
        if (text == null) {
            return null;
        }
        String s = withoutQuotedStrings(Spaces.plain(text));
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean delimiter = i == s.length() || Character.isWhitespace(s.charAt(i))
                    || DELIMITERS.indexOf(s.charAt(i)) >= 0;
            if (!delimiter) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0) {
                String address = asAddress(s.substring(start, i));
                if (address != null) {
                    return address;
                }
                start = -1;
            }
        }
        return null;
    }

    /** An address compared the way the unit compares addresses: case-insensitively. */
    static String comparable(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }

    private static String asAddress(String token) {
        String t = token;
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1); // the full stop of a sentence
        }
        int at = t.lastIndexOf('@');
        return at > 0 && at < t.length() - 1 ? t : null;
    }

    private static String withoutQuotedStrings(String s) {
        if (s.indexOf('"') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                out.append(' ');
            } else if (c == '\\' && quoted && i + 1 < s.length()) {
                i++;
            } else if (!quoted) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
