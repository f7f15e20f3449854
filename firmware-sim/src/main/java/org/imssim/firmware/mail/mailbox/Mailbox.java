package org.imssim.firmware.mail.mailbox;

import org.imssim.firmware.config.MailProtocol;
import org.imssim.firmware.config.TwoWayConfig;
import org.imssim.firmware.config.Trust;

/**
 * The unit's own mailbox, where command mail arrives (SPEC §7, {@code email.two-way}). The unit
 * opens one {@link MailboxSession} per poll and deletes every message it reads.
 *
 * <p>Implementations are blocking and start no threads: {@link Pop3Mailbox} (the manual's way)
 * and {@link ImapMailbox} (IMAP, with IDLE).
 */
public interface Mailbox {

    /**
     * Connects and logs in, and opens INBOX for reading and deleting.
     *
     * @throws MailboxException when the server cannot be reached, refuses the login, or the like
     */
    MailboxSession open() throws MailboxException;

    /**
     * Whether a mailbox can be opened at all: {@code server} is set, and a login name
     * ({@code username}, or else {@code address}). Empty strings count as not set.
     */
    static boolean isConfigured(TwoWayConfig config) {
        return config != null && MailboxConnection.isSet(config.server())
                && (MailboxConnection.isSet(config.username()) || MailboxConnection.isSet(config.address()));
    }

    /**
     * The mailbox of {@code config.protocol()}, with default timeouts.
     *
     * @param trust which certificates to accept; {@code email.two-way} has no {@code trust} of
     *              its own, so the unit passes {@code email.smtp.trust}
     */
    static Mailbox of(TwoWayConfig config, Trust trust) {
        return config.protocol() == MailProtocol.IMAP ? new ImapMailbox(config, trust) : new Pop3Mailbox(config, trust);
    }
}
