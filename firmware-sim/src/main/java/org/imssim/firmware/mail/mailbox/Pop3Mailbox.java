package org.imssim.firmware.mail.mailbox;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.imssim.firmware.config.MailProtocol;
import org.imssim.firmware.config.Trust;
import org.imssim.firmware.config.TwoWayConfig;

/**
 * The unit's mailbox over POP3, as the manual reads it (SPEC §7).
 *
 * <ul>
 *   <li>{@code security: none}: plain POP3; {@code starttls}: {@code STLS} is required, a server
 *       that does not offer it is a {@link MailboxException.Kind#TLS} failure; {@code tls}: POP3S.</li>
 *   <li>The login is {@code username}, or {@code address} when no username is set, with
 *       {@code password} (empty when not set).</li>
 *   <li>{@code email.two-way} has no {@code trust} of its own: the unit passes
 *       {@code email.smtp.trust}. {@code system}: the JVM's trust store and a certificate that
 *       names the server; {@code all}: any certificate.</li>
 *   <li>Sizes come from {@code LIST} without downloading; {@link MailboxSession#fetch} is one
 *       {@code RETR}; deletions are sent as {@code DELE} just before {@code QUIT} on close.</li>
 *   <li>Connect, read and write timeouts are always set (default 10 s each).</li>
 * </ul>
 *
 * <p>Blocking, starts no threads, holds no connection between sessions; thread-safe (each
 * {@link #open()} is its own connection).
 */
public final class Pop3Mailbox implements Mailbox {

    private final MailboxConnection connection;

    /** A POP3 mailbox with the default timeouts of 10 s. */
    public Pop3Mailbox(TwoWayConfig config, Trust trust) {
        this(config, trust, MailboxConnection.DEFAULT_TIMEOUT, MailboxConnection.DEFAULT_TIMEOUT, null);
    }

    /**
     * A POP3 mailbox with these connect and read (also write) timeouts.
     *
     * @param trust      {@code email.smtp.trust} (see above)
     * @param writeTimer where write timeouts are scheduled (only a socket close runs there), or
     *                   null to let Angus Mail start a timer thread per connection
     * @throws IllegalArgumentException when no server or login name is set ({@link Mailbox#isConfigured})
     */
    public Pop3Mailbox(TwoWayConfig config, Trust trust, Duration connectTimeout, Duration readTimeout,
                       ScheduledExecutorService writeTimer) {
        Properties extra = new Properties();
        // RETR streams into our buffer; keep no second copy of the message.
        extra.setProperty("cachewriteto", "false");
        extra.setProperty("keepmessagecontent", "false");
        this.connection = new MailboxConnection(MailProtocol.POP3, config, trust, connectTimeout, readTimeout,
                writeTimer, extra);
    }

    @Override
    public MailboxSession open() throws MailboxException {
        Store store = connection.connect();
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            return new Pop3Session(store, (POP3Folder) inbox);
        } catch (MessagingException | RuntimeException e) {
            MailboxConnection.closeQuietly(store);
            throw MailboxFailures.classify(e);
        }
    }
}
