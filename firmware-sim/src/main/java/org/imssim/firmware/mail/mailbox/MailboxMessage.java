package org.imssim.firmware.mail.mailbox;

/**
 * One message as listed by {@link MailboxSession#list()}, before it is downloaded. It is valid
 * only in the session that listed it.
 *
 * @param id   the POP3 message number (1, 2, …) or the IMAP UID
 * @param size its size in octets as the server reports it (POP3 {@code LIST}, IMAP
 *             {@code RFC822.SIZE}); SPEC §7 deletes a message over 1 MiB unread
 */
public record MailboxMessage(long id, long size) {

    public MailboxMessage {
        if (id <= 0) {
            throw new IllegalArgumentException("A message number or UID is positive.");
        }
        if (size < 0) {
            throw new IllegalArgumentException("A message size is not negative.");
        }
    }
}
