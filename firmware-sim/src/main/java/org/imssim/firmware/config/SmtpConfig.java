package org.imssim.firmware.config;

import java.util.Objects;

/**
 * {@code email.smtp:}, the server every mail leaves through (SPEC §6). {@code toString()} masks the
 * credentials.
 *
 * @param server   {@code server}; null when not set (every send then records {@code Invalid Configuration})
 * @param port     {@code port}; default 25, 587 or 465 for security none, starttls or tls
 * @param security {@code security}, default none
 * @param username {@code username} or {@code username-file}; null when not set
 * @param password {@code password} or {@code password-file}; null when not set
 * @param trust    {@code trust}, default system
 */
public record SmtpConfig(String server, int port, Security security, String username, String password, Trust trust) {

    public SmtpConfig {
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(trust, "trust");
    }

    /** The port the manual's servers use for {@code security}: 25, 587 or 465. */
    public static int defaultPort(Security security) {
        return switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
    }

    @Override
    public String toString() {
        return "SmtpConfig[server=" + server + ", port=" + port + ", security=" + security
                + ", username=" + Masked.of(username) + ", password=" + Masked.of(password) + ", trust=" + trust + "]";
    }
}
