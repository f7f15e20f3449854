package org.imssim.firmware.mail.outbound;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.imssim.firmware.config.Security;
import org.imssim.firmware.config.SmtpConfig;
import org.imssim.firmware.config.Trust;
import org.imssim.firmware.mail.MailStreams;
import org.imssim.firmware.mail.NoDelaySockets;
import org.imssim.firmware.mail.outbound.MailDeliveryException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands mail to the unit's SMTP server ({@code email.smtp}, SPEC §6). Blocking: call it from the
 * unit's mail executor, never from the event loop. It starts no threads, keeps no queue and does
 * no retries of its own beyond the one reconnect described below: the outbox decides what to
 * send and when to try again.
 *
 * <h2>Connection</h2>
 * <ul>
 *   <li>{@code security: none}: plain SMTP; {@code starttls}: STARTTLS is required
 *       ({@code mail.smtp.starttls.required}), a server that does not offer it is a {@link Kind#TLS}
 *       failure; {@code tls}: implicit TLS ({@code smtps}).</li>
 *   <li>{@code trust: system}: the JVM's default trust store, and the certificate must name the
 *       server; {@code trust: all}: any certificate, any name (a self-signed test server).</li>
 *   <li>It logs in only when a username is set (the password may be empty). When a username is
 *       set and the server offers no login, the mail is not sent: {@link Kind#AUTHENTICATION}
 *       (manual p. 63, "a username is programmed but none is required"). Jakarta Mail itself
 *       would silently skip the login and send.</li>
 *   <li>Connect, read and write timeouts are always set (default 10 s each). The write timeout
 *       needs a timer: pass a {@link ScheduledExecutorService} to share one; without it, Angus Mail
 *       runs a timer thread per open connection.</li>
 * </ul>
 *
 * <h2>The kept connection</h2>
 * After a mail is sent the connection stays open, so that the next {@link #send} or a whole
 * {@link #sendAll} batch needs no new connection, TLS handshake or login. A kept connection the
 * server has dropped meanwhile is noticed when the next mail fails on it: the mailer then
 * connects once more and sends that mail again, transparently. (A mail the server had in fact
 * accepted just before the drop can so arrive twice, with the same Message-ID: at least once,
 * SPEC §6.) A failure on a fresh connection, or a rejection of the mail itself, is reported and
 * the connection closed. Call {@link #close()} when the outbox is empty; the mailer stays usable.
 *
 * <h2>Failures</h2>
 * Every failure is a {@link MailDeliveryException} with a {@link Kind} and a fixed sentence; the
 * unit records them all as {@code SMTP Server not Responding}. A mailer without server or return
 * address is never built: check {@link #isConfigured(SmtpConfig, String)} first, and record
 * {@code Invalid Configuration} when it is false.
 *
 * <p>Thread-safe: one mail at a time.
 */
public final class SmtpMailer implements AutoCloseable {

    static {
        MailStreams.nameProvider();
    }

    /** The connect and read timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private BooleanSupplier refusing = () -> false;
    private final String protocol;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final Session session;
    private boolean localHostKnown;
    private SMTPTransport transport;
    /** Whether the last failure happened while connecting or logging in (then a batch stops). */
    private boolean connectFailed;

    /** A mailer with the default timeouts of 10 s. */
    public SmtpMailer(SmtpConfig config) {
        this(config, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    /**
     * A mailer with default timeouts that fails every mail as refused, without connecting, while
     * {@code refusing} says so: the simulation's SMTP fault (SPEC §10).
     */
    public SmtpMailer(SmtpConfig config, BooleanSupplier refusing) {
        this(config, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, null);
        this.refusing = Objects.requireNonNull(refusing, "refusing");
    }

    /** A mailer with these connect and read (also write) timeouts. */
    public SmtpMailer(SmtpConfig config, Duration connectTimeout, Duration readTimeout) {
        this(config, connectTimeout, readTimeout, null);
    }

    /**
     * A mailer with these timeouts whose write timeouts run on {@code writeTimer}.
     *
     * @param writeTimer where write timeouts are scheduled (only a socket close runs there), or
     *                   null to let Angus Mail start a timer thread per connection
     * @throws IllegalArgumentException when the server is not set (see {@link #isConfigured})
     */
    public SmtpMailer(SmtpConfig config, Duration connectTimeout, Duration readTimeout,
                      ScheduledExecutorService writeTimer) {
        Objects.requireNonNull(config, "config");
        if (!isSet(config.server())) {
            throw new IllegalArgumentException("The SMTP server is not set.");
        }
        this.protocol = config.security() == Security.TLS ? "smtps" : "smtp";
        this.host = config.server().trim();
        this.port = config.port() > 0 ? config.port() : SmtpConfig.defaultPort(config.security());
        this.username = isSet(config.username()) ? config.username() : null;
        this.password = username == null ? null : config.password() == null ? "" : config.password();
        this.session = Session.getInstance(properties(config, millis(connectTimeout), millis(readTimeout), writeTimer));
    }

    /**
     * Whether mail can be sent at all: {@code email.smtp.server} and {@code email.return-address}
     * are both set (empty strings count as not set). When false, every send records
     * {@code Invalid Configuration} and the mail stays in the outbox (SPEC §6).
     */
    public static boolean isConfigured(SmtpConfig config, String returnAddress) {
        return config != null && isSet(config.server()) && isSet(returnAddress);
    }

    /**
     * Sends one mail, over the kept connection when there is one.
     *
     * @throws MailDeliveryException when the server did not accept it
     */
    public synchronized void send(OutgoingMail mail) throws MailDeliveryException {
        deliver(mail);
    }

    /**
     * Sends the mails in order over one connection and reports each. Once the server cannot be
     * reached or logged in to, the rest are not tried ({@link SendOutcome#attempted()} false,
     * with that failure); a mail the server rejects does not stop the others.
     *
     * @return one outcome per mail, in the same order
     */
    public synchronized List<SendOutcome> sendAll(List<OutgoingMail> mails) {
        List<SendOutcome> outcomes = new ArrayList<>(mails.size());
        if (refusing.getAsBoolean()) {
            MailDeliveryException refused = new MailDeliveryException(MailDeliveryException.Kind.REFUSED);
            mails.forEach(mail -> outcomes.add(SendOutcome.failed(mail, refused)));
            return outcomes;
        }
        MailDeliveryException serverDown = null;
        for (OutgoingMail mail : mails) {
            if (serverDown != null) {
                outcomes.add(SendOutcome.skipped(mail, serverDown));
                continue;
            }
            try {
                deliver(mail);
                outcomes.add(SendOutcome.delivered(mail));
            } catch (MailDeliveryException e) {
                outcomes.add(SendOutcome.failed(mail, e));
                if (connectFailed) {
                    serverDown = e;
                }
            }
        }
        return outcomes;
    }

    /** Whether a connection is kept open for the next mail (no I/O: the server may have dropped it). */
    public synchronized boolean isConnectionKept() {
        return transport != null;
    }

    /** Closes the kept connection, if any (QUIT). Never throws; the mailer stays usable. */
    @Override
    public synchronized void close() {
        dropConnection();
    }

    private void deliver(OutgoingMail mail) throws MailDeliveryException {
        connectFailed = false;
        MimeMessage message;
        Address[] recipients;
        try {
            message = mail.toMimeMessage(session);
            recipients = message.getAllRecipients();
        } catch (MessagingException e) {
            throw SmtpFailures.classify(e);
        }
        boolean reused = transport != null;
        if (!reused) {
            connect();
        }
        try {
            transport.sendMessage(message, recipients);
            return;
        } catch (MessagingException | IllegalStateException e) {
            // IllegalStateException: Angus noticed earlier that the kept connection had closed.
            dropConnection();
            boolean rejection = e instanceof MessagingException m && SmtpFailures.isRejection(m);
            if (!reused || rejection) {
                throw failure(e);
            }
            LOG.debug("The kept SMTP connection failed ({}); connecting again", SmtpFailures.types(e));
        }
        connect();
        try {
            transport.sendMessage(message, recipients);
        } catch (MessagingException | IllegalStateException e) {
            dropConnection();
            throw failure(e);
        }
    }

    private void connect() throws MailDeliveryException {
        rememberLocalHost();
        SMTPTransport fresh = null;
        try {
            fresh = (SMTPTransport) session.getTransport(protocol);
            fresh.connect(host, port, username, password);
        } catch (MessagingException e) {
            closeQuietly(fresh);
            connectFailed = true;
            throw failure(e);
        }
        if (username != null && !fresh.supportsExtension("AUTH") && !fresh.supportsExtension("AUTH=LOGIN")) {
            closeQuietly(fresh);
            connectFailed = true;
            LOG.debug("SMTP failure {}: a username is set, but the server offers no login", Kind.AUTHENTICATION);
            throw new MailDeliveryException(Kind.AUTHENTICATION, SmtpFailures.NO_LOGIN_OFFERED, -1);
        }
        transport = fresh;
    }

    private MailDeliveryException failure(Exception e) {
        MailDeliveryException failure = e instanceof MessagingException m
                ? SmtpFailures.classify(m)
                : new MailDeliveryException(Kind.OTHER);
        LOG.debug("SMTP failure {} from {}", failure.kind(), SmtpFailures.types(e));
        return failure;
    }

    private void dropConnection() {
        SMTPTransport kept = transport;
        transport = null;
        closeQuietly(kept);
    }

    private static void closeQuietly(SMTPTransport t) {
        if (t == null) {
            return;
        }
        try {
            t.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Closing an SMTP connection failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * The EHLO name: Jakarta Mail would look up the canonical host name on every new connection
     * (a reverse DNS query that can hang on a unit without DNS); look it up once.
     */
    private void rememberLocalHost() {
        if (localHostKnown) {
            return;
        }
        localHostKnown = true;
        String name;
        try {
            InetAddress local = InetAddress.getLocalHost();
            name = local.getCanonicalHostName();
            if (name == null || name.isBlank() || name.equals(local.getHostAddress())) {
                name = "[" + local.getHostAddress() + "]";
            }
        } catch (UnknownHostException | SecurityException e) {
            name = "[127.0.0.1]";
        }
        session.getProperties().setProperty("mail." + protocol + ".localhost", name);
    }

    private static Properties properties(SmtpConfig config, long connectMillis, long readMillis,
                                         ScheduledExecutorService writeTimer) {
        String protocol = config.security() == Security.TLS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(p + "connectiontimeout", Long.toString(connectMillis));
        props.setProperty(p + "timeout", Long.toString(readMillis));
        props.setProperty(p + "writetimeout", Long.toString(readMillis));
        if (writeTimer != null) {
            props.put(p + "executor.writetimeout", writeTimer);
        }
        props.setProperty(p + "auth", Boolean.toString(isSet(config.username())));
        NoDelaySockets.use(props, protocol);
        if (config.security() == Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (config.trust() == Trust.ALL) {
            props.setProperty(p + "ssl.trust", "*");
            props.setProperty(p + "ssl.checkserveridentity", "false");
        } else {
            props.setProperty(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    private static long millis(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A mail timeout must be positive.");
        }
        return Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
