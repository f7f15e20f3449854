package org.imssim.firmware.mail.inbound;

import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The reasons of SPEC §7 "No reply, only an event" that the message alone decides, checked in
 * this order, the first that applies wins: bounce, auto-submitted, bulk or list mail, own
 * address, not a command.
 */
final class RejectionRules {
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");
    private static final Set<String> DAEMON_LOCAL_PARTS = Set.of("mailer-daemon", "postmaster");

    private RejectionRules() {
    }

    /**
     * @param message          the parsed message, for its headers
     * @param fromAddress      the first address of From, or null
     * @param fields           the command fields read from the text
     * @param subjectAccepted  whether {@link SubjectRule#accepts} the subject
     * @param ownAddresses     the unit's own addresses, compared case-insensitively
     */
    static Optional<RejectReason> firstApplying(MimeMessage message, String fromAddress, CommandFields fields,
            boolean subjectAccepted, Set<String> ownAddresses) {
        if (isBounce(message, fromAddress)) {
            return Optional.of(RejectReason.BOUNCE);
        }
        if (isAutoSubmitted(message)) {
            return Optional.of(RejectReason.AUTO_SUBMITTED);
        }
        if (isBulkOrList(message)) {
            return Optional.of(RejectReason.BULK_OR_LIST);
        }
        if (isOwn(fromAddress, ownAddresses) || isOwn(fields.email(), ownAddresses)) {
            return Optional.of(RejectReason.OWN_ADDRESS);
        }
        if (!subjectAccepted || fields.username() == null) {
            return Optional.of(RejectReason.NOT_A_COMMAND);
        }
        return Optional.empty();
    }

    private static boolean isBounce(MimeMessage message, String fromAddress) {
        for (String returnPath : MessageHeaders.all(message, "Return-Path")) {
            if (withoutComments(returnPath).replaceAll("\\s", "").equals("<>")) {
                return true;
            }
        }
        String local;
        if (fromAddress != null) {
            local = fromAddress.substring(0, fromAddress.lastIndexOf('@'));
        } else {
            String[] from = MessageHeaders.all(message, "From");
            local = from.length == 0 ? "" : bareFrom(withoutComments(from[0]));
        }
        if (DAEMON_LOCAL_PARTS.contains(local.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String[] contentType = MessageHeaders.all(message, "Content-Type");
        return contentType.length > 0 && PartType.of(contentType[0]).baseType().equals("multipart/report");
    }

    /** {@code MAILER-DAEMON} out of {@code Mail Delivery System <MAILER-DAEMON>} or {@code "MAILER-DAEMON"}. */
    private static String bareFrom(String from) {
        int open = from.indexOf('<');
        int close = open < 0 ? -1 : from.indexOf('>', open);
        String bare = close > open ? from.substring(open + 1, close) : from;
        return bare.replace("\"", "").strip();
    }

    private static boolean isAutoSubmitted(MimeMessage message) {
        for (String value : MessageHeaders.all(message, "Auto-Submitted")) {
            if (!withoutComments(value).strip().equalsIgnoreCase("no")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBulkOrList(MimeMessage message) {
        if (MessageHeaders.all(message, "List-Id").length > 0) {
            return true;
        }
        for (String value : MessageHeaders.all(message, "Precedence")) {
            if (BULK_PRECEDENCE.contains(withoutComments(value).strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOwn(String address, Set<String> ownAddresses) {
        String comparable = AddressText.comparable(address);
        if (comparable == null) {
            return false;
        }
        for (String own : ownAddresses) {
            String ownAddress = own == null ? null : AddressText.firstIn(own);
            if (ownAddress != null && comparable.equals(AddressText.comparable(ownAddress))) {
                return true;
            }
        }
        return false;
    }

    /** A header value without its RFC 5322 comments, e.g. {@code auto-generated (vacation)}. */
    private static String withoutComments(String value) {
        if (value.indexOf('(') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
