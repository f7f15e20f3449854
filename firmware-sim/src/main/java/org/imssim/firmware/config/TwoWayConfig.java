package org.imssim.firmware.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code email.two-way:}, the unit's own mailbox that commands arrive in (SPEC §7). {@code toString()}
 * masks the credentials.
 *
 * @param enabled         {@code enabled}, default false
 * @param address         {@code address}, default {@code email.return-address}; null when neither is set
 * @param protocol        {@code protocol}, default pop3
 * @param server          {@code server}; null when not set
 * @param port            {@code port}; default 110 (pop3) or 143 (imap), 995 or 993 with security tls
 * @param security        {@code security}, default none
 * @param username        {@code username} or {@code username-file}; null when not set
 * @param password        {@code password} or {@code password-file}; null when not set
 * @param pollInterval    {@code poll-interval}, default 60s, at least 1s
 * @param requirePassword {@code require-password}, default true: {@code outlet} and {@code ack} need {@code password:}
 * @param maxAge          {@code max-age}, default 1h: older {@code outlet} and {@code ack} commands are refused
 */
public record TwoWayConfig(boolean enabled, String address, MailProtocol protocol, String server, int port,
                           Security security, String username, String password, Duration pollInterval,
                           boolean requirePassword, Duration maxAge) {

    public TwoWayConfig {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxAge, "maxAge");
    }

    /** The usual port of {@code protocol} with {@code security}: 110/995 for POP3, 143/993 for IMAP. */
    public static int defaultPort(MailProtocol protocol, Security security) {
        boolean implicitTls = security == Security.TLS;
        return switch (protocol) {
            case POP3 -> implicitTls ? 995 : 110;
            case IMAP -> implicitTls ? 993 : 143;
        };
    }

    @Override
    public String toString() {
        return "TwoWayConfig[enabled=" + enabled + ", address=" + address + ", protocol=" + protocol
                + ", server=" + server + ", port=" + port + ", security=" + security
                + ", username=" + Masked.of(username) + ", password=" + Masked.of(password)
                + ", pollInterval=" + pollInterval + ", requirePassword=" + requirePassword + ", maxAge=" + maxAge + "]";
    }
}
