package org.imssim.firmware.mail.inbound;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cuts the history and signature off a mail's text (SPEC §7): reading stops at the first line
 * that is
 * <ul>
 *   <li>quoted: {@code >} after optional white space;</li>
 *   <li>a signature separator: exactly {@code -- } (or {@code --});</li>
 *   <li>a reply header: {@code On … wrote:}, also wrapped over two lines as Gmail does (and
 *       its German and French forms {@code Am … schrieb …:}, {@code Le … a écrit :});</li>
 *   <li>{@code -----Original Message-----} (also {@code ----- Original Message -----} and the
 *       German {@code -----Ursprüngliche Nachricht-----});</li>
 *   <li>the start of Outlook's header block: a line {@code From: …} followed within three
 *       lines by {@code Sent: …} (or {@code Von:} … {@code Gesendet:}), or both on one line.</li>
 * </ul>
 * Line ends may be CRLF, LF or CR; the text kept is joined with {@code \n}. Linear in the
 * length of the text.
 */
public final class QuotedHistory {
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "-{2,} ?(?:original message|urspr(?:ü|ue)ngliche nachricht) ?-{2,}", Pattern.CASE_INSENSITIVE);
    private static final int HEADER_BLOCK_LINES = 3;

    private QuotedHistory() {
    }

    /** The text before the first history or signature line. */
    public static String cut(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        int end = 0;
        while (end < lines.length && !startsHistory(lines, end)) {
            end++;
        }
        return String.join("\n", java.util.Arrays.asList(lines).subList(0, end));
    }

    private static boolean startsHistory(String[] lines, int i) {
        String line = Spaces.plain(lines[i]);
        String trimmed = line.strip();
        if (trimmed.startsWith(">")) {
            return true;
        }
        if (line.stripTrailing().equals("--")) {
            return true;
        }
        if (ORIGINAL_MESSAGE.matcher(trimmed).matches()) {
            return true;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return isWroteHeader(lower, next(lines, i)) || isOutlookHeaderBlock(lines, i, lower);
    }

    private static boolean isWroteHeader(String lower, String nextLower) {
        boolean opens = lower.startsWith("on ") || lower.startsWith("am ") || lower.startsWith("le ");
        if (!opens) {
            return false;
        }
        return endsWroteHeader(lower) || (nextLower != null && endsWroteHeader(nextLower));
    }

    private static boolean endsWroteHeader(String lower) {
        if (!lower.endsWith(":")) {
            return false;
        }
        String before = lower.substring(0, lower.length() - 1).stripTrailing();
        return before.endsWith("wrote") || before.endsWith("a écrit")
                || (before.contains("schrieb") && lower.length() > "schrieb:".length());
    }

    private static boolean isOutlookHeaderBlock(String[] lines, int i, String lower) {
        String sent;
        if (lower.startsWith("from:")) {
            sent = "sent:";
        } else if (lower.startsWith("von:")) {
            sent = "gesendet:";
        } else {
            return false;
        }
        if (lower.contains(" " + sent)) {
            return true; // the block flattened onto one line, as some HTML conversions do
        }
        for (int k = i + 1; k < lines.length && k <= i + HEADER_BLOCK_LINES; k++) {
            if (Spaces.plain(lines[k]).strip().toLowerCase(Locale.ROOT).startsWith(sent)) {
                return true;
            }
        }
        return false;
    }

    private static String next(String[] lines, int i) {
        return i + 1 < lines.length ? Spaces.plain(lines[i + 1]).strip().toLowerCase(Locale.ROOT) : null;
    }
}
