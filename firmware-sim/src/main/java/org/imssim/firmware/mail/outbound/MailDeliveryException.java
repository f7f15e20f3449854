package org.imssim.firmware.mail.outbound;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A mail the SMTP server did not accept, classified by {@link Kind}. The unit records every kind
 * the same way, {@code SMTP Server not Responding} (SPEC §6, manual p. 63); the kind is for logs,
 * tests and the retry policy.
 *
 * <p>The message is a fixed sentence. It never holds server text (a server may echo what it was
 * sent, credentials included), an address, a host name or the password, and there is no cause:
 * log the exception as it is.
 */
public final class MailDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a mail was not delivered. */
    public enum Kind {
        /**
         * Nothing listens at the server's port (connection refused), or the server rejected the
         * mail (an SMTP 4xx or 5xx reply to MAIL, RCPT or DATA; see {@link #replyCode()}).
         */
        REFUSED("The SMTP server refused the connection or the mail."),
        /** The server's name does not resolve, or there is no route to it. */
        UNREACHABLE("The SMTP server could not be reached."),
        /** Connecting took longer than the connect timeout, or an answer longer than the read timeout. */
        TIMEOUT("The SMTP server did not answer in time."),
        /**
         * The server did not accept the username and password, or a username is set but the
         * server offers no login (manual p. 63: "a username is programmed but none is required").
         */
        AUTHENTICATION("The SMTP server did not accept the login."),
        /** The TLS handshake failed (e.g. an untrusted certificate), or STARTTLS is not offered. */
        TLS("The secure connection to the SMTP server failed."),
        /** Anything else, e.g. an address the unit cannot use or a broken connection. */
        OTHER("The mail could not be sent.");

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
    private final int replyCode;

    /** A failure of {@code kind} with its default sentence. */
    public MailDeliveryException(Kind kind) {
        this(kind, kind.sentence(), -1);
    }

    /**
     * A failure of {@code kind} with a fixed sentence of the caller's and, when the server gave
     * one, its SMTP reply code (the number only; never its text).
     *
     * @param replyCode the SMTP reply code, or -1 when there was none
     */
    public MailDeliveryException(Kind kind, String sentence, int replyCode) {
        super(Objects.requireNonNull(sentence, "sentence"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.replyCode = replyCode;
    }

    /** Why the mail was not delivered. */
    public Kind kind() {
        return kind;
    }

    /** The SMTP reply code of a rejection (e.g. 550), when the server sent one. */
    public OptionalInt replyCode() {
        return replyCode > 0 ? OptionalInt.of(replyCode) : OptionalInt.empty();
    }
}
