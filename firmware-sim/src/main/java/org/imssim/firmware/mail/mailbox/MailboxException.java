package org.imssim.firmware.mail.mailbox;

import java.util.Objects;

/**
 * The unit's mailbox could not be read or changed, classified by {@link Kind}.
 *
 * <p>The message is a fixed sentence. It never holds server text, a host name, the username or
 * the password, and there is no cause: log the exception as it is.
 */
public final class MailboxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the mailbox could not be used. */
    public enum Kind {
        /**
         * Nothing listens at the server's port (connection refused), or the server's name does
         * not resolve or has no route: the server could not be reached.
         */
        REFUSED("The mailbox server could not be reached."),
        /** The server did not accept the username and password. */
        AUTHENTICATION("The mailbox server did not accept the login."),
        /** Connecting took longer than the connect timeout, or an answer longer than the read timeout. */
        TIMEOUT("The mailbox server did not answer in time."),
        /** The TLS handshake failed (e.g. an untrusted certificate), or STARTTLS is not offered. */
        TLS("The secure connection to the mailbox server failed."),
        /**
         * A listed message is no longer in the mailbox (another client deleted it): the mailbox
         * itself is fine, and the other messages can still be read.
         */
        GONE("The message is no longer in the mailbox."),
        /** Anything else, e.g. a dropped connection. */
        OTHER("The mailbox could not be read.");

        private final String sentence;

        Kind(String sentence) {
            this.sentence = sentence;
        }

        /** The fixed sentence an exception of this kind carries by default. */
        public String sentence() {
            return sentence;
        }
    }

    private final Kind kind;

    /** A failure of {@code kind} with its default sentence. */
    public MailboxException(Kind kind) {
        this(kind, kind.sentence());
    }

    /** A failure of {@code kind} with a fixed sentence of the caller's. */
    public MailboxException(Kind kind, String sentence) {
        super(Objects.requireNonNull(sentence, "sentence"));
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Why the mailbox could not be used. */
    public Kind kind() {
        return kind;
    }
}
