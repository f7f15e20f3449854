package org.imssim.firmware.mail.outbound;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.imssim.firmware.mail.MailFailureChain;
import org.imssim.firmware.mail.outbound.MailDeliveryException.Kind;

/** Turns what Jakarta Mail throws into a {@link MailDeliveryException} with a fixed sentence. */
final class SmtpFailures {

    static final String CONNECTION_REFUSED = "The SMTP server refused the connection.";
    static final String MAIL_REJECTED = "The SMTP server rejected the mail.";
    static final String NO_LOGIN_OFFERED = "The SMTP server offers no login, but a username is set.";
    static final String NO_STARTTLS = "The SMTP server does not offer STARTTLS.";
    static final String BAD_ADDRESS = "The mail has an address the unit cannot use.";

    private SmtpFailures() {
    }

    /** The kind and sentence for {@code failure}; most telling cause first. */
    static MailDeliveryException classify(Exception failure) {
        MailFailureChain chain = MailFailureChain.of(failure);
        // Angus's own words for a required STARTTLS not offered: "STARTTLS is required but host does
        // not support STARTTLS", "STARTTLS required but not supported".
        if (chain.saysAtStart("STARTTLS is required but", "STARTTLS required but")) {
            return new MailDeliveryException(Kind.TLS, NO_STARTTLS, -1);
        }
        if (chain.has(AuthenticationFailedException.class)) {
            return new MailDeliveryException(Kind.AUTHENTICATION);
        }
        if (chain.tlsFailed()) {
            return new MailDeliveryException(Kind.TLS);
        }
        if (chain.timedOut()) {
            return new MailDeliveryException(Kind.TIMEOUT);
        }
        if (chain.unreachable()) {
            return new MailDeliveryException(Kind.UNREACHABLE);
        }
        if (chain.has(ConnectException.class)) {
            return new MailDeliveryException(Kind.REFUSED, CONNECTION_REFUSED, -1);
        }
        int code = replyCode(chain);
        if (code >= 400) {
            return new MailDeliveryException(Kind.REFUSED, MAIL_REJECTED, code);
        }
        if (chain.has(AddressException.class)) {
            return new MailDeliveryException(Kind.OTHER, BAD_ADDRESS, -1);
        }
        return new MailDeliveryException(Kind.OTHER);
    }

    /**
     * Whether the server answered the mail itself with a rejection (4xx or 5xx, but not 421
     * "closing"): the connection worked, so connecting again would not help.
     */
    static boolean isRejection(Exception failure) {
        int code = replyCode(MailFailureChain.of(failure));
        return code >= 400 && code != 421;
    }

    /** The exception types of the chain, for a debug log line: types only, never their text. */
    static String types(Exception failure) {
        return MailFailureChain.of(failure).types();
    }

    private static int replyCode(MailFailureChain chain) {
        for (Throwable t : chain.links()) {
            if (t instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
        }
        return -1;
    }
}
