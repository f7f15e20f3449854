package org.imssim.firmware.mail.mailbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.imssim.firmware.mail.mailbox.MailboxException.Kind;

/** An IMAP session: UIDs, RFC822.SIZE, BODY[], \Deleted at once and expunge on close. */
final class ImapSession implements MailboxSession {

    private final Store store;
    private final IMAPFolder inbox;
    private Set<MailboxMessage> listed = Set.of();
    private boolean closed;

    ImapSession(Store store, IMAPFolder inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    @Override
    public List<MailboxMessage> list() throws MailboxException {
        checkOpen();
        try {
            Message[] all = inbox.getMessages();
            List<MailboxMessage> messages = new ArrayList<>(all.length);
            if (all.length > 0) {
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(FetchProfile.Item.SIZE);
                profile.add(FetchProfile.Item.FLAGS);
                inbox.fetch(all, profile); // one FETCH for all: no message is downloaded
                for (Message message : all) {
                    if (!message.isExpunged() && !message.isSet(Flags.Flag.DELETED)) {
                        messages.add(new MailboxMessage(inbox.getUID(message), Math.max(0, message.getSize())));
                    }
                }
            }
            messages.sort(Comparator.comparingLong(MailboxMessage::id));
            listed = new HashSet<>(messages);
            return Collections.unmodifiableList(messages);
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    @Override
    public byte[] fetch(MailboxMessage message) throws MailboxException {
        Message imapMessage = message(message);
        ByteArrayOutputStream raw = new ByteArrayOutputStream((int) Math.min(message.size() + 64, 1 << 24));
        try {
            imapMessage.writeTo(raw); // BODY[]: the octets as stored
            return raw.toByteArray();
        } catch (MessagingException | IOException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    @Override
    public void delete(MailboxMessage message) throws MailboxException {
        Message imapMessage = message(message);
        try {
            imapMessage.setFlag(Flags.Flag.DELETED, true);
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
                inbox.close(true); // CLOSE: expunges the \Deleted messages
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
        Message imapMessage;
        try {
            imapMessage = inbox.getMessageByUID(message.id());
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
        if (imapMessage == null || imapMessage.isExpunged()) {
            throw new MailboxException(Kind.OTHER, MailboxFailures.MESSAGE_GONE);
        }
        return imapMessage;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The mailbox session is closed.");
        }
    }
}
