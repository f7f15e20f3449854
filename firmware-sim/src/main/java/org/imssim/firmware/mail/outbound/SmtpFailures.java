package org.imssim.firmware.mail.outbound;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.imssim.firmware.mail.outbound.MailDeliveryException.Kind;

/** Turns what Jakarta Mail throws into a {@link MailDeliveryException} with a fixed sentence. */
final class SmtpFailures {

    static final String CONNECTION_REFUSED = "The SMTP server refused the connection.";
    static final String MAIL_REJECTED = "The SMTP server rejected the mail.";
    static final String NO_LOGIN_OFFERED = "The SMTP server offers no login, but a username is set.";
    static final String NO_STARTTLS = "The SMTP server does not offer STARTTLS.";
    static final String BAD_ADDRESS = "The mail has an address the unit cannot use.";

    /** Angus's own write timeout (WriteTimeoutSocket) reports itself with this text. */
    private static final String WRITE_TIMED_OUT = "Write timed out";
    private static final int MAX_CHAIN = 16;

    private SmtpFailures() {
    }

    /** The kind and sentence for {@code failure}; most telling cause first. */
    static MailDeliveryException classify(Exception failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(SmtpFailures::startTlsMissing)) {
            return new MailDeliveryException(Kind.TLS, NO_STARTTLS, -1);
        }
        if (has(chain, AuthenticationFailedException.class)) {
            return new MailDeliveryException(Kind.AUTHENTICATION);
        }
        if (has(chain, SSLException.class) || has(chain, CertificateException.class)) {
            return new MailDeliveryException(Kind.TLS);
        }
        if (has(chain, SocketTimeoutException.class) || mentions(chain, WRITE_TIMED_OUT)) {
            return new MailDeliveryException(Kind.TIMEOUT);
        }
        if (has(chain, UnknownHostException.class) || has(chain, NoRouteToHostException.class)
                || has(chain, PortUnreachableException.class)) {
            return new MailDeliveryException(Kind.UNREACHABLE);
        }
        if (has(chain, ConnectException.class)) {
            return new MailDeliveryException(Kind.REFUSED, CONNECTION_REFUSED, -1);
        }
        int code = replyCode(chain);
        if (code >= 400) {
            return new MailDeliveryException(Kind.REFUSED, MAIL_REJECTED, code);
        }
        if (has(chain, AddressException.class)) {
            return new MailDeliveryException(Kind.OTHER, BAD_ADDRESS, -1);
        }
        return new MailDeliveryException(Kind.OTHER);
    }

    /**
     * Whether the server answered the mail itself with a rejection (4xx or 5xx, but not 421
     * "closing"): the connection worked, so connecting again would not help.
     */
    static boolean isRejection(Exception failure) {
        int code = replyCode(chain(failure));
        return code >= 400 && code != 421;
    }

    /** The exception types of the chain, for a debug log line: types only, never their text. */
    static String types(Exception failure) {
        return chain(failure).stream().map(t -> t.getClass().getSimpleName()).collect(Collectors.joining(" < "));
    }

    private static int replyCode(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
        }
        return -1;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CHAIN && !chain.contains(t); t = next(t)) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }

    /**
     * Angus Mail's sentences for a required STARTTLS the server does not offer: "STARTTLS is
     * required but host does not support STARTTLS", "STARTTLS required but not supported".
     */
    private static boolean startTlsMissing(Throwable t) {
        String text = t.getMessage();
        return text != null && (text.startsWith("STARTTLS is required but") || text.startsWith("STARTTLS required but"));
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    private static boolean mentions(List<Throwable> chain, String text) {
        return chain.stream().anyMatch(t -> t.getMessage() != null && t.getMessage().contains(text));
    }
}
