package org.imssim.firmware.mail.inbound;

/**
 * Makes the spaces of mail text plain: phones and HTML editors put non-breaking and invisible
 * characters where a user typed a space, and {@code username:\u00a0alice} must read as
 * {@code username: alice}.
 */
final class Spaces {
    private Spaces() {
    }

    /** Non-breaking spaces (U+00A0, U+202F, U+2007) become spaces; zero-width characters go. */
    static String plain(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char replacement;
            switch (c) {
                case '\u00a0', '\u202f', '\u2007' -> replacement = ' ';
                case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff' -> replacement = 0;
                default -> {
                    if (out != null) {
                        out.append(c);
                    }
                    continue;
                }
            }
            if (out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (replacement != 0) {
                out.append(replacement);
            }
        }
        return out == null ? s : out.toString();
    }
}
