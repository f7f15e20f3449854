package org.imssim.firmware.mail.mailbox;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
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
import org.imssim.firmware.mail.mailbox.MailboxException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what Jakarta Mail throws into a {@link MailboxException} with a fixed sentence. */
final class MailboxFailures {

    static final String NO_STARTTLS = "The mailbox server does not offer STARTTLS.";
    static final String MESSAGE_GONE = "The message is no longer in the mailbox.";
    static final String CONNECTION_LOST = "The connection to the mailbox server was lost.";

    private static final Logger LOG = LoggerFactory.getLogger(MailboxFailures.class);
    /** Angus's own write timeout (WriteTimeoutSocket) reports itself with this text. */
    private static final String WRITE_TIMED_OUT = "Write timed out";
    private static final int MAX_CHAIN = 16;

    private MailboxFailures() {
    }

    /** The kind and sentence for {@code failure}; most telling cause first. Logs the types at debug. */
    static MailboxException classify(Exception failure) {
        MailboxException classified = kindOf(chain(failure));
        LOG.debug("Mailbox failure {} from {}", classified.kind(), types(failure));
        return classified;
    }

    private static MailboxException kindOf(List<Throwable> chain) {
        // Angus's own words, before the login check: POP3 reports a missing STLS as a failed login.
        if (chain.stream().anyMatch(MailboxFailures::startTlsMissing)) {
            return new MailboxException(Kind.TLS, NO_STARTTLS);
        }
        if (has(chain, AuthenticationFailedException.class)) {
            return new MailboxException(Kind.AUTHENTICATION);
        }
        if (has(chain, SSLException.class) || has(chain, CertificateException.class)) {
            return new MailboxException(Kind.TLS);
        }
        if (has(chain, SocketTimeoutException.class) || mentions(chain, WRITE_TIMED_OUT)) {
            return new MailboxException(Kind.TIMEOUT);
        }
        if (has(chain, ConnectException.class) || has(chain, UnknownHostException.class)
                || has(chain, NoRouteToHostException.class) || has(chain, PortUnreachableException.class)) {
            return new MailboxException(Kind.REFUSED);
        }
        if (has(chain, MessageRemovedException.class)) {
            return new MailboxException(Kind.OTHER, MESSAGE_GONE);
        }
        return new MailboxException(Kind.OTHER);
    }

    /** The exception types of the chain, for a debug log line: types only, never their text. */
    static String types(Throwable failure) {
        return chain(failure).stream().map(t -> t.getClass().getSimpleName()).collect(Collectors.joining(" < "));
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
     * Angus Mail's sentences for a required STARTTLS the server does not offer: "STLS required
     * but not supported" (POP3), "STARTTLS required but not supported by server" (IMAP).
     */
    private static boolean startTlsMissing(Throwable t) {
        String text = t.getMessage();
        return text != null && (text.startsWith("STLS required but") || text.startsWith("STARTTLS required but"));
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    private static boolean mentions(List<Throwable> chain, String text) {
        return chain.stream().anyMatch(t -> t.getMessage() != null && t.getMessage().contains(text));
    }
}
