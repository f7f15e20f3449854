package org.imssim.firmware.mail.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MimeMessage whose Message-ID is the one the outbox assigned: {@code saveChanges()} would
 * otherwise invent a new one, and a mail sent twice (at least once, SPEC §6) must carry the same.
 */
final class FixedIdMimeMessage extends MimeMessage {

    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
