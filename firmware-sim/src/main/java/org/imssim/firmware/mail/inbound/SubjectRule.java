package org.imssim.firmware.mail.inbound;

import jakarta.mail.internet.MimeUtility;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject of a command mail (SPEC §7): after RFC 2047 decoding, any number of reply and
 * forward prefixes ({@code re:}, {@code fw:}, {@code fwd:}, {@code aw:}, {@code sv:},
 * {@code wg:}, also counted as {@code Re[2]:} or {@code Re(2):}, any case, with or without
 * a space) and {@code [TAG]}s that mail gateways add, in any interleaving, are stripped;
 * the rest, trimmed, must be {@code ims4000} (any case) or start with {@code IMS-4000 ALARM:},
 * {@code IMS-4000 NORMAL:} or {@code IMS-4000 reply:}, so that pressing Reply on the unit's
 * own mail works.
 */
public final class SubjectRule {
    /** The subject of a command mail, as the IMS-4000 manual gives it. */
    public static final String COMMAND_SUBJECT = "ims4000";

    /** The starts of the subjects of the unit's own mails: alarm, return to normal, reply. */
    public static final List<String> UNIT_MAIL_SUBJECTS =
            List.of("IMS-4000 ALARM:", "IMS-4000 NORMAL:", "IMS-4000 reply:");

    private static final Pattern REPLY_PREFIX =
            Pattern.compile("(?:re|fwd?|aw|sv|wg) *(?:\\[\\d{1,9}]|\\(\\d{1,9}\\))? *:", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("\\[[^\\]\\[]*]");

    private SubjectRule() {
    }

    /**
     * The subject header decoded: unfolded and RFC 2047 words decoded. A word in an unknown
     * charset leaves the header as it came; null gives the empty string. Never throws.
     */
    public static String decode(String rawHeader) {
        if (rawHeader == null) {
            return "";
        }
        String unfolded = MimeUtility.unfold(rawHeader);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (Exception e) { // unknown charset in an encoded word
            return unfolded;
        }
    }

    /** The subject without its leading reply/forward prefixes and {@code [TAG]}s, trimmed. */
    public static String stripPrefixes(String decodedSubject) {
        if (decodedSubject == null) {
            return "";
        }
        String s = Spaces.plain(decodedSubject);
        Matcher prefix = REPLY_PREFIX.matcher(s);
        Matcher tag = TAG.matcher(s);
        int at = skipSpaces(s, 0);
        while (at < s.length()) {
            prefix.region(at, s.length());
            tag.region(at, s.length());
            if (prefix.lookingAt()) {
                at = skipSpaces(s, prefix.end());
            } else if (tag.lookingAt()) {
                at = skipSpaces(s, tag.end());
            } else {
                break;
            }
        }
        return s.substring(at).strip();
    }

    /** Whether a decoded subject makes the mail a command mail. */
    public static boolean accepts(String decodedSubject) {
        String rest = stripPrefixes(decodedSubject);
        if (rest.equalsIgnoreCase(COMMAND_SUBJECT)) {
            return true;
        }
        for (String start : UNIT_MAIL_SUBJECTS) {
            if (rest.regionMatches(true, 0, start, 0, start.length())) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
