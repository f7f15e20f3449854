package org.imssim.firmware.mail.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.pop3.POP3Folder;

/** A POP3 session: message numbers, LIST sizes, RETR, DELE at QUIT. */
final class Pop3Session implements MailboxSession {

    private final Store store;
    private final POP3Folder inbox;
    private Set<MailboxMessage> listed = Set.of();
    private boolean closed;

    Pop3Session(Store store, POP3Folder inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    @Override
    public List<MailboxMessage> list() throws MailboxException {
        checkOpen();
        try {
            int[] sizes = inbox.getSizes();
            List<MailboxMessage> messages = new ArrayList<>(sizes.length);
            for (int i = 0; i < sizes.length; i++) {
                messages.add(new MailboxMessage(i + 1, Math.max(0, sizes[i])));
            }
            listed = new HashSet<>(messages);
            return Collections.unmodifiableList(messages);
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    @Override
    public byte[] fetch(MailboxMessage message) throws MailboxException {
        Message pop3Message = message(message);
        ByteArrayOutputStream raw = new ByteArrayOutputStream((int) Math.min(message.size() + 64, 1 << 24));
        try {
            pop3Message.writeTo(raw);
            return raw.toByteArray();
        } catch (MessagingException | IOException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    @Override
    public void delete(MailboxMessage message) throws MailboxException {
        Message pop3Message = message(message);
        try {
            pop3Message.setFlag(Flags.Flag.DELETED, true);
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    @Override
    public void close() throws MailboxException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (inbox.isOpen()) {
                inbox.close(true); // DELE for the marked messages, then QUIT
            }
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        } finally {
            MailboxConnection.closeQuietly(store);
        }
    }

    private Message message(MailboxMessage message) throws MailboxException {
        checkOpen();
        if (!listed.contains(message)) {
            throw new IllegalArgumentException("The message was not listed by this session.");
        }
        try {
            return inbox.getMessage((int) message.id());
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The mailbox session is closed.");
        }
    }
}
