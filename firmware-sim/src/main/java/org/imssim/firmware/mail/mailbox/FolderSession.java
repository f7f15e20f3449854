package org.imssim.firmware.mail.mailbox;

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

/**
 * A session on the open INBOX of a logged-in store, whatever the protocol: it fetches and marks
 * only the messages its last {@link #list()} gave, marks deleted messages {@code \Deleted} (in
 * batches of {@value #DELETE_BATCH}, and the rest before the next list or the end), and on close
 * closes the folder with expunge (POP3 {@code DELE} then {@code QUIT}, IMAP {@code CLOSE}), or
 * only expunges where the folder stays open ({@link #finish()}), and then releases the store.
 * The protocol lists the inbox, fetches a listed message and marks listed messages deleted.
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
    private final List<MailboxMessage> toDelete = new ArrayList<>();
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

    /**
     * The octets of a listed message.
     *
     * @param listedInOrder what the last list gave, in mailbox order, for a protocol that fetches
     *                      the messages after {@code message} with it
     * @throws MailboxException when it is no longer in the mailbox
     */
    abstract byte[] octets(MailboxMessage message, List<MailboxMessage> listedInOrder)
            throws MessagingException, IOException, MailboxException;

    /** Marks these listed messages {@code \Deleted}; one no longer in the mailbox is deleted already. */
    abstract void markDeleted(List<MailboxMessage> messages) throws MessagingException;

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

    @Override
    public final byte[] fetch(MailboxMessage message) throws MailboxException {
        checkListed(message);
        try {
            return octets(message, listedInOrder);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw MailboxFailures.classify(e);
        }
    }

    @Override
    public final void delete(MailboxMessage message) throws MailboxException {
        checkListed(message);
        toDelete.add(message);
        if (toDelete.size() >= DELETE_BATCH) {
            markDeleted();
        }
    }

    /** Marks the messages {@link #delete} gathered {@code \Deleted}, in one command where the protocol has one. */
    private void markDeleted() throws MailboxException {
        if (toDelete.isEmpty()) {
            return;
        }
        List<MailboxMessage> marked = List.copyOf(toDelete);
        toDelete.clear();
        try {
            markDeleted(marked);
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

    /** The octets of {@code message} as the server holds them (POP3 RETR, IMAP BODY[]). */
    static byte[] octetsOf(Message message, long size) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream((int) Math.min(size + 64, 1 << 24));
        message.writeTo(raw);
        return raw.toByteArray();
    }

    private void checkListed(MailboxMessage message) {
        checkOpen();
        if (!listed.contains(message)) {
            throw new IllegalArgumentException("The message was not listed by this session.");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The mailbox session is closed.");
        }
    }
}
