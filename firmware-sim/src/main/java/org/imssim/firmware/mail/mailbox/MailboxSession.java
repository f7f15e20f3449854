package org.imssim.firmware.mail.mailbox;

import java.util.List;

/**
 * One poll's use of a connection to the unit's mailbox (SPEC §7). Blocking; not for use by two
 * threads at once.
 *
 * <p>The handling order of SPEC §7 is the caller's: list, then per message fetch, handle, and
 * only then delete. Deletions take effect when the session closes: POP3 sends {@code DELE} and
 * {@code QUIT}, IMAP marks {@code \Deleted} a batch of messages at a time (the rest at close) and
 * expunges on close (and keeps the
 * connection where {@link ImapMailbox} waits for news on it). If the connection
 * breaks before that, the messages are read again next time, and the store of seen messages
 * makes that harmless.
 */
public interface MailboxSession extends AutoCloseable {

    /**
     * The messages in mailbox order (POP3 message number, IMAP UID, ascending) with their sizes,
     * without downloading them. IMAP messages already marked {@code \Deleted} are left out.
     */
    List<MailboxMessage> list() throws MailboxException;

    /**
     * The message exactly as the server holds it, headers and body (RFC 822 octets).
     *
     * @throws IllegalArgumentException when {@code message} was not listed by this session
     * @throws MailboxException         when it cannot be read; of kind {@link MailboxException.Kind#GONE}
     *                                  when another client deleted it since the list
     */
    byte[] fetch(MailboxMessage message) throws MailboxException;

    /**
     * Marks the message for deletion; it is gone once the session closes. The server may learn of it
     * only with later deletions or at close.
     *
     * @throws IllegalArgumentException when {@code message} was not listed by this session
     */
    void delete(MailboxMessage message) throws MailboxException;

    /**
     * Ends the session: POP3 {@code QUIT} (deletions take effect), IMAP expunge (the connection is
     * then kept for the next session or the next wait for news). Closing
     * twice does nothing. When this throws, deletions may not have taken effect.
     */
    @Override
    void close() throws MailboxException;
}
