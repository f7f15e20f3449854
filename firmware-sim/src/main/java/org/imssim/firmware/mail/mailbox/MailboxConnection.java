package org.imssim.firmware.mail.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import org.imssim.firmware.config.MailProtocol;
import org.imssim.firmware.config.Security;
import org.imssim.firmware.config.Trust;
import org.imssim.firmware.config.TwoWayConfig;
import org.imssim.firmware.mail.MailStreams;
import org.imssim.firmware.mail.NoDelaySockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How to reach the mailbox: the Jakarta Mail session (security, trust, timeouts) and the login,
 * shared by {@link Pop3Mailbox} and {@link ImapMailbox}.
 */
final class MailboxConnection {

    static {
        MailStreams.nameProvider();
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(MailboxConnection.class);

    /** {@code pop3}, {@code pop3s}, {@code imap} or {@code imaps}. */
    final String protocol;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Session session;

    /**
     * @param extra further session properties, keys without the {@code mail.<protocol>.} prefix
     * @throws IllegalArgumentException when no server or no login name is set
     */
    MailboxConnection(MailProtocol kind, TwoWayConfig config, Trust trust, Duration connectTimeout,
                      Duration readTimeout, ScheduledExecutorService writeTimer, Properties extra) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(trust, "trust");
        if (!isSet(config.server())) {
            throw new IllegalArgumentException("The mailbox server is not set.");
        }
        String login = isSet(config.username()) ? config.username() : config.address();
        if (!isSet(login)) {
            throw new IllegalArgumentException("The mailbox login name is not set.");
        }
        String base = kind == MailProtocol.IMAP ? "imap" : "pop3";
        this.protocol = config.security() == Security.TLS ? base + "s" : base;
        this.host = config.server().trim();
        this.port = config.port() > 0 ? config.port() : TwoWayConfig.defaultPort(kind, config.security());
        this.user = login;
        this.password = config.password() == null ? "" : config.password();

        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        String connectMillis = Long.toString(millis(connectTimeout));
        String readMillis = Long.toString(millis(readTimeout));
        props.setProperty(p + "connectiontimeout", connectMillis);
        props.setProperty(p + "timeout", readMillis);
        props.setProperty(p + "writetimeout", readMillis);
        if (writeTimer != null) {
            props.put(p + "executor.writetimeout", writeTimer);
        }
        if (config.security() == Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (trust == Trust.ALL) {
            props.setProperty(p + "ssl.trust", "*");
            props.setProperty(p + "ssl.checkserveridentity", "false");
        } else {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        NoDelaySockets.use(props, protocol);
        extra.stringPropertyNames().forEach(key -> props.setProperty(p + key, extra.getProperty(key)));
        this.session = Session.getInstance(props);
    }

    /** A connected, logged-in store. */
    Store connect() throws MailboxException {
        Store store = null;
        try {
            store = session.getStore(protocol);
            store.connect(host, port, user, password);
            return store;
        } catch (MessagingException e) {
            closeQuietly(store);
            throw MailboxFailures.classify(e);
        }
    }

    static void closeQuietly(Store store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Closing a mailbox connection failed: {}", MailboxFailures.types(e));
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static long millis(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A mail timeout must be positive.");
        }
        return Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
