package org.imssim.firmware.mail.mailbox;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessageRemovedException;
import java.net.ConnectException;
import org.imssim.firmware.mail.MailFailureChain;
import org.imssim.firmware.mail.mailbox.MailboxException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what Jakarta Mail throws into a {@link MailboxException} with a fixed sentence. */
final class MailboxFailures {

    static final String NO_STARTTLS = "The mailbox server does not offer STARTTLS.";
    static final String CONNECTION_LOST = "The connection to the mailbox server was lost.";
    static final String INTERRUPTED = "Waiting for the mailbox was interrupted.";

    private static final Logger LOG = LoggerFactory.getLogger(MailboxFailures.class);

    private MailboxFailures() {
    }

    /** The kind and sentence for {@code failure}; most telling cause first. Logs the types at debug. */
    static MailboxException classify(Exception failure) {
        MailFailureChain chain = MailFailureChain.of(failure);
        MailboxException classified = kindOf(chain);
        LOG.debug("Mailbox failure {} from {}", classified.kind(), chain.types());
        return classified;
    }

    private static MailboxException kindOf(MailFailureChain chain) {
        // Angus's own words for a required STARTTLS not offered, "STLS required but not supported" (POP3),
        // "STARTTLS required but not supported by server" (IMAP); before the login check, as POP3 also
        // reports it as a failed login.
        if (chain.saysAtStart("STLS required but", "STARTTLS required but")) {
            return new MailboxException(Kind.TLS, NO_STARTTLS);
        }
        if (chain.has(AuthenticationFailedException.class)) {
            return new MailboxException(Kind.AUTHENTICATION);
        }
        if (chain.tlsFailed()) {
            return new MailboxException(Kind.TLS);
        }
        if (chain.timedOut()) {
            return new MailboxException(Kind.TIMEOUT);
        }
        if (chain.has(ConnectException.class) || chain.unreachable()) {
            return new MailboxException(Kind.REFUSED);
        }
        if (chain.has(MessageRemovedException.class)) {
            return new MailboxException(Kind.GONE);
        }
        return new MailboxException(Kind.OTHER);
    }

    /** The exception types of the chain, for a debug log line: types only, never their text. */
    static String types(Throwable failure) {
        return MailFailureChain.of(failure).types();
    }
}
