package org.imssim.firmware.mail.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
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
import org.imssim.firmware.mail.mailbox.MailboxException.Kind;

/**
 * A session on the open INBOX of a logged-in store, whatever the protocol: it fetches and marks
 * only the messages its last {@link #list()} gave, marks deleted messages {@code \Deleted} (in
 * batches of {@value #DELETE_BATCH}, and the rest before the next list or the end), and on close
 * closes the folder with expunge (POP3 {@code DELE} then {@code QUIT}, IMAP {@code CLOSE}), or
 * only expunges where the folder stays open ({@link #finish()}), and then releases the store.
 * The protocol lists the inbox and finds a listed message again.
 *
 * @param <F> the protocol's folder
 */
abstract class FolderSession<F extends Folder> implements MailboxSession {

    /**
     * Deletions are marked on the server this many at a time (IMAP: one {@code STORE} for all), and
     * the rest when the session ends; one round trip per message was a fifth of a command's time.
     */
    static final int DELETE_BATCH = 16;

    /** What becomes of the connection when the session ends: {@code healthy} when it closed cleanly. */
    @FunctionalInterface
    interface StoreRelease {
        void release(Store store, boolean healthy);
    }

    private final Store store;
    private final StoreRelease release;
    /** The open INBOX. */
    final F inbox;
    private Set<MailboxMessage> listed = Set.of();
    /** What the last {@link #list()} gave, in mailbox order. */
    private List<MailboxMessage> listedInOrder = List.of();
    /** Deleted by the caller, not yet marked on the server; marked in batches and before the session ends. */
    private final List<Message> toDelete = new ArrayList<>();
    private boolean closed;

    /** A session whose connection is closed with it. */
    FolderSession(Store store, F inbox) {
        this(store, inbox, (s, healthy) -> MailboxConnection.closeQuietly(s));
    }

    FolderSession(Store store, F inbox, StoreRelease release) {
        this.store = store;
        this.inbox = inbox;
        this.release = release;
    }

    /** The messages of {@link #inbox} in mailbox order, with their sizes, without downloading them. */
    abstract List<MailboxMessage> listInbox() throws MessagingException;

    /** The message {@code listed} names, or null when it is no longer in {@link #inbox}. */
    abstract Message find(MailboxMessage listed) throws MessagingException;

    @Override
    public final List<MailboxMessage> list() throws MailboxException {
        checkOpen();
        markDeleted(); // a new look leaves out what this session deleted
        try {
            List<MailboxMessage> messages = listInbox();
            listed = new HashSet<>(messages);
            listedInOrder = List.copyOf(messages);
            return Collections.unmodifiableList(messages);
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    /**
     * The octets of {@code message} if the protocol has them already, taken out of its keeping;
     * else null. By default the protocol keeps none.
     *
     * @param listedInOrder what the last list gave, in mailbox order, for a protocol that fetches
     *                      the messages after {@code message} with it
     */
    byte[] fetchedAhead(MailboxMessage message, List<MailboxMessage> listedInOrder) throws MessagingException {
        return null;
    }

    @Override
    public final byte[] fetch(MailboxMessage message) throws MailboxException {
        checkOpen();
        if (!listed.contains(message)) {
            throw new IllegalArgumentException("The message was not listed by this session.");
        }
        try {
            byte[] ahead = fetchedAhead(message, listedInOrder);
            if (ahead != null) {
                return ahead;
            }
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
        Message found = message(message);
        ByteArrayOutputStream raw = new ByteArrayOutputStream((int) Math.min(message.size() + 64, 1 << 24));
        try {
            found.writeTo(raw); // POP3 RETR, IMAP BODY[]: the octets as stored
            return raw.toByteArray();
        } catch (MessagingException | IOException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    @Override
    public final void delete(MailboxMessage message) throws MailboxException {
        Message found = listedMessage(message);
        if (found == null) {
            return; // expunged by another client meanwhile: deleted already
        }
        toDelete.add(found);
        if (toDelete.size() >= DELETE_BATCH) {
            markDeleted();
        }
    }

    /** Marks the messages {@link #delete} gathered {@code \Deleted}, in one command where the protocol has one. */
    private void markDeleted() throws MailboxException {
        if (toDelete.isEmpty()) {
            return;
        }
        Message[] marked = toDelete.toArray(Message[]::new);
        toDelete.clear();
        try {
            inbox.setFlags(marked, new Flags(Flags.Flag.DELETED), true);
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    @Override
    public final void close() throws MailboxException {
        if (closed) {
            return;
        }
        closed = true;
        boolean healthy = false;
        try {
            if (inbox.isOpen()) {
                markDeleted();
                finish();
            }
            healthy = true;
        } catch (MailboxException e) {
            throw e;
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        } finally {
            release.release(store, healthy);
        }
    }

    /** Makes the deletions take effect as the session ends; by default closes {@link #inbox} with expunge. */
    void finish() throws MessagingException {
        inbox.close(true); // POP3: DELE for the marked messages, then QUIT; IMAP: CLOSE expunges them
    }

    private Message message(MailboxMessage message) throws MailboxException {
        Message found = listedMessage(message);
        if (found == null) {
            throw new MailboxException(Kind.OTHER, MailboxFailures.MESSAGE_GONE);
        }
        return found;
    }

    /** The listed message, or null when it is no longer in the mailbox. */
    private Message listedMessage(MailboxMessage message) throws MailboxException {
        checkOpen();
        if (!listed.contains(message)) {
            throw new IllegalArgumentException("The message was not listed by this session.");
        }
        Message found;
        try {
            found = find(message);
        } catch (MessagingException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
        return found == null || found.isExpunged() ? null : found;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The mailbox session is closed.");
        }
    }
}
