package org.imssim.firmware.config;

import java.util.Objects;

/**
 * Top-level {@code email:}.
 *
 * @param smtp          {@code smtp:}, the outgoing server
 * @param returnAddress {@code return-address}, the From of everything the unit sends; null when not set
 * @param twoWay        {@code two-way:}, commands by mail
 */
public record EmailConfig(SmtpConfig smtp, String returnAddress, TwoWayConfig twoWay) {

    public EmailConfig {
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(twoWay, "twoWay");
    }
}
