package org.imssim.firmware.config;

import java.time.Duration;

/**
 * Reads top-level {@code email:} (SPEC §6, §7) and warns when mail cannot go out
 * ({@code smtp.server} or {@code return-address} not set) or when mail commands need no password.
 */
final class EmailReader {

    static final String NO_MAIL_WARNING =
            "is not set: every mail will record Invalid Configuration and stay in the outbox";

    private EmailReader() {
    }

    static EmailConfig read(MappingCursor root) {
        MappingCursor m = root.child("email");
        SmtpConfig smtp = readSmtp(m.child("smtp"));
        String returnAddress = emailAddress(m, "return-address");
        if (returnAddress == null) {
            m.warn("return-address", NO_MAIL_WARNING);
        }
        TwoWayConfig twoWay = readTwoWay(m.child("two-way"), returnAddress);
        return new EmailConfig(smtp, returnAddress, twoWay);
    }

    private static SmtpConfig readSmtp(MappingCursor m) {
        String server = host(m, "server");
        if (server == null) {
            m.warn("server", NO_MAIL_WARNING);
        }
        Security security = m.choice("security", Security.NONE, Security.class);
        int port = m.integerIn("port", SmtpConfig.defaultPort(security), 1, 65535);
        String username = m.secret("username");
        String password = m.secret("password");
        Trust trust = m.choice("trust", Trust.SYSTEM, Trust.class);
        return new SmtpConfig(server, port, security, username, password, trust);
    }

    private static TwoWayConfig readTwoWay(MappingCursor m, String returnAddress) {
        boolean enabled = m.bool("enabled", false);
        String address = emailAddress(m, "address");
        MailProtocol protocol = m.choice("protocol", MailProtocol.POP3, MailProtocol.class);
        String server = host(m, "server");
        if (enabled && server == null) {
            // A unit that should answer mail but has no mailbox server would silently answer nothing.
            m.required("server");
        }
        Security security = m.choice("security", Security.NONE, Security.class);
        int port = m.integerIn("port", TwoWayConfig.defaultPort(protocol, security), 1, 65535);
        String username = m.secret("username");
        String password = m.secret("password");
        Duration pollInterval = m.durationAtLeast("poll-interval", Duration.ofSeconds(60), Duration.ofSeconds(1), "1s");
        boolean requirePassword = m.bool("require-password", true);
        if (!requirePassword) {
            m.warn("require-password", "is false: outlet and ack commands need no password");
        }
        Duration maxAge = m.positiveDuration("max-age", Duration.ofHours(1));
        return new TwoWayConfig(enabled, address == null ? returnAddress : address, protocol, server, port, security,
                username, password, pollInterval, requirePassword, maxAge);
    }

    private static String emailAddress(MappingCursor m, String key) {
        String address = m.text(key);
        if (address != null && !ValueSyntax.isEmailAddress(address)) {
            m.error(key, ValueSyntax.EMAIL_SENTENCE);
        }
        return address;
    }

    private static String host(MappingCursor m, String key) {
        String host = m.text(key);
        if (host != null && !ValueSyntax.isAddress(host)) {
            m.error(key, ValueSyntax.ADDRESS_SENTENCE);
        }
        return host;
    }
}
