package org.imssim.firmware.mail.mailbox;

import jakarta.mail.Folder;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.iap.ResponseHandler;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.imssim.firmware.config.MailProtocol;
import org.imssim.firmware.config.Trust;
import org.imssim.firmware.config.TwoWayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit's mailbox over IMAP ({@code protocol: imap}, SPEC §7 (ours)), with IDLE so that a
 * command mail is answered within a second instead of at the next poll.
 *
 * <h2>Sessions</h2>
 * {@link #open()} gives a session for one poll: messages by UID, sizes from {@code RFC822.SIZE},
 * the raw message from {@code BODY[]}, {@code \Deleted} in batches and expunge on close. When no
 * {@link #waitForNews} is under way and the connection kept for it is open (as right after it
 * announced news), the session runs on that connection, INBOX already selected: no connect,
 * login or SELECT stands between the notification and the fetch; on close it expunges and leaves
 * INBOX selected for the next wait, which meanwhile waits for the session to end. Otherwise the
 * session uses a connection of its own, kept logged in between sessions. Security,
 * login, trust and timeouts are as for {@link Pop3Mailbox}: {@code none}, {@code starttls}
 * (required) or {@code tls} (IMAPS); {@code username} or else {@code address}; {@code trust} is
 * {@code email.smtp.trust}, since {@code email.two-way} has none of its own.
 *
 * <h2>Waiting for news</h2>
 * {@link #waitForNews(Duration)} blocks the caller's thread (the unit runs it on a thread of its
 * own, then polls) on a connection that this object keeps open between calls, INBOX selected
 * read-write (so that a session can use it too). It returns true as soon as the mailbox holds a
 * message with a higher UID than any it had seen when it last returned (on the first call: any
 * message), and false when {@code max} has passed. Only messages the connection can see count,
 * so that a session on it finds them; the server's {@code STATUS} checks that view. It uses IMAP
 * IDLE ({@code IMAPFolder.idle(true)}); a watchdog ends
 * the IDLE after {@code max} with a NOOP. A message that arrives in the instant between the
 * check and the start of IDLE is announced by the server before IDLE begins, where
 * {@code idle(true)} does not return for it; so, as soon as the server's go-ahead for the IDLE
 * has been read (and again {@value #IDLE_START_CHECK_MILLIS} ms into it, for a server whose
 * go-ahead the connection does not report), a second watchdog ends the IDLE if the server
 * announced any message ({@code EXISTS}) since the check. (It counts the announcements, not the
 * messages: a message expunged and another one delivered in that instant leave the count as it
 * was.) Each call
 * first checks the kept connection with a NOOP and replaces it, transparently, when the server
 * has dropped it; a connection that breaks during the wait is a {@link MailboxException}, and the
 * next call connects again. {@link #close()} ends the kept connection (a wait in progress then
 * returns false).
 *
 * <p>The watchdogs need a timer. Pass a {@link ScheduledExecutorService} whose tasks may block for
 * one server round trip (it also schedules the write timeouts); without one, the watchdogs are
 * timed by the JDK's shared delay scheduler and run on the common fork-join pool, and Angus Mail
 * starts a write-timeout thread per connection. This class starts no thread of its own.
 */
public final class ImapMailbox implements Mailbox, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImapMailbox.class);
    /** When the watchdog's NOOP came before IDLE had started, it tries again this soon. */
    private static final long NUDGE_AGAIN_MILLIS = 50;
    /**
     * How long into an IDLE the watchdog looks for an announcement that came before it started, if
     * it has not looked already when the server's go-ahead ({@code +}) arrived.
     */
    static final long IDLE_START_CHECK_MILLIS = 100;
    /** What {@link #countUnlessNewMail} asks {@code STATUS} for. */
    private static final String[] STATUS_ITEMS = {"MESSAGES", "UIDNEXT"};
    /** A kept connection unused for longer is checked with a NOOP before a session may use it. */
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final MailboxConnection connection;
    private Store kept;
    private boolean shut;
    private final ScheduledExecutorService timer;
    /**
     * The connection kept for waiting is used by one caller at a time: {@link #waitForNews} (and
     * {@link #supportsIdle}) for its whole length, or a session lent it by {@link #open()} until
     * that session closes. A semaphore, since a session may be closed on another thread.
     */
    private final Semaphore idleInUse = new Semaphore(1);
    private volatile IdleConnection idle;
    /** The kept connection while a session uses it; guarded by this. */
    private IdleConnection lent;
    private volatile Boolean idleOffered;
    private volatile boolean idling;
    /** Runs on the waiting thread just before each IDLE; tests use it to deliver mail at that instant. */
    volatile Runnable beforeIdle = () -> { };
    // Guarded by idleInUse: what the last waitForNews had seen.
    private long seenUidValidity = -1;
    private long seenUid;

    /** An IMAP mailbox with the default timeouts of 10 s and no timer of the caller's. */
    public ImapMailbox(TwoWayConfig config, Trust trust) {
        this(config, trust, MailboxConnection.DEFAULT_TIMEOUT, MailboxConnection.DEFAULT_TIMEOUT, null);
    }

    /**
     * An IMAP mailbox with these connect and read (also write) timeouts.
     *
     * @param trust {@code email.smtp.trust} (see above)
     * @param timer for the IDLE watchdog and the write timeouts, or null (see above)
     * @throws IllegalArgumentException when no server or login name is set ({@link Mailbox#isConfigured})
     */
    public ImapMailbox(TwoWayConfig config, Trust trust, Duration connectTimeout, Duration readTimeout,
                       ScheduledExecutorService timer) {
        Properties extra = new Properties();
        extra.setProperty("partialfetch", "false"); // one FETCH per message, not one per 16 KiB
        extra.setProperty("peek", "true");          // reading does not set \Seen
        extra.setProperty("minidletime", "0");      // no pause after IDLE: we issue the next command ourselves
        this.connection = new MailboxConnection(MailProtocol.IMAP, config, trust, connectTimeout, readTimeout,
                timer, extra);
        this.timer = timer;
    }

    @Override
    public MailboxSession open() throws MailboxException {
        IdleConnection borrowed = borrowIdleConnection();
        if (borrowed != null) {
            return new ImapSession(borrowed.store, borrowed.inbox, true,
                    (store, healthy) -> giveBack(borrowed, healthy));
        }
        Store reused = takeKept();
        if (reused != null) {
            try {
                return openInbox(reused);
            } catch (MessagingException | RuntimeException e) {
                // The server dropped the idle connection: a new one, not an outage.
                MailboxConnection.closeQuietly(reused);
            }
        }
        Store store = connection.connect();
        try {
            return openInbox(store);
        } catch (MessagingException | RuntimeException e) {
            MailboxConnection.closeQuietly(store);
            throw MailboxFailures.classify(e);
        }
    }

    private MailboxSession openInbox(Store store) throws MessagingException {
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        return new ImapSession(store, inbox, false, this::keep);
    }

    /**
     * The connection kept for waiting, for a session, when no wait is under way and it is open;
     * null otherwise. One unused for a while is checked with a NOOP first, so that a connection
     * the server dropped means another connection, not a failed poll.
     */
    private IdleConnection borrowIdleConnection() {
        IdleConnection candidate;
        synchronized (this) {
            candidate = idle;
            if (shut || candidate == null || !idleInUse.tryAcquire()) {
                return null;
            }
            if (idle != candidate) { // replaced while we looked
                idleInUse.release();
                return null;
            }
            lent = candidate;
        }
        boolean usable;
        try {
            usable = candidate.inbox.isOpen()
                    && (System.nanoTime() - candidate.lastUsed < FRESH_NANOS || alive(candidate));
        } catch (RuntimeException e) {
            usable = false;
        }
        if (!usable) {
            giveBack(candidate, false);
            return null;
        }
        return candidate;
    }

    /** A session lent the kept connection has ended; a broken one (or any, once closed) is dropped. */
    private void giveBack(IdleConnection connection, boolean healthy) {
        boolean closing;
        synchronized (this) {
            lent = null;
            closing = shut;
        }
        connection.lastUsed = System.nanoTime();
        if (!healthy || closing) {
            drop(connection);
        }
        idleInUse.release();
    }

    /** Whether a session is using the connection kept for waiting (tests). */
    synchronized boolean idleConnectionLent() {
        return lent != null;
    }

    /**
     * The logged-in connection of the last session, kept for the next one (a poll that IDLE
     * triggers then needs no connect and login); null when there is none.
     */
    private synchronized Store takeKept() {
        Store store = kept;
        kept = null;
        return store != null && store.isConnected() ? store : null;
    }

    /** The connection kept for the next session, if any (tests). */
    synchronized Store keptConnection() {
        return kept;
    }

    private synchronized void keep(Store store, boolean healthy) {
        if (!healthy || shut || kept != null) {
            MailboxConnection.closeQuietly(store);
            return;
        }
        kept = store;
    }

    /**
     * Whether the server offers IDLE. Connects the first time (the answer is then kept); when
     * false, the unit polls every {@code poll-interval} instead of calling {@link #waitForNews}.
     */
    public boolean supportsIdle() throws MailboxException {
        Boolean offered = idleOffered;
        if (offered != null) {
            return offered;
        }
        acquireIdleConnection();
        try {
            if (idleOffered == null) {
                idleConnection();
            }
            Boolean known = idleOffered;
            return known != null && known; // unknown: closed before it could ask
        } finally {
            idleInUse.release();
        }
    }

    private void acquireIdleConnection() throws MailboxException {
        try {
            idleInUse.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxException(MailboxException.Kind.OTHER, MailboxFailures.INTERRUPTED);
        }
    }

    /**
     * Blocks until new mail is in the mailbox or {@code max} has passed (see the class comment).
     *
     * @return true when there is new mail (poll now), false when {@code max} passed without any
     *         or the mailbox was {@linkplain #close() closed} meanwhile
     * @throws IllegalStateException when the server does not offer IDLE ({@link #supportsIdle()})
     * @throws MailboxException      when the connection cannot be made or is dropped
     */
    public boolean waitForNews(Duration max) throws MailboxException {
        if (max == null || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("The longest wait must be positive.");
        }
        acquireIdleConnection();
        try {
            IdleConnection kept = idleConnection();
            if (kept == null && isShut()) {
                return false; // closed while it connected
            }
            if (!idleOffered) {
                throw new IllegalStateException("The mailbox server does not offer IDLE.");
            }
            long deadline = System.nanoTime() + max.toNanos();
            Watchdog atDeadline = new Watchdog(kept, -1);
            schedule(atDeadline, Math.max(1, max.toMillis()));
            try {
                while (true) {
                    int count = countUnlessNewMail(kept);
                    kept.lastUsed = System.nanoTime();
                    if (count < 0) {
                        return true;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        return false;
                    }
                    // Announcements from here on, before IDLE has started, are the start watchdog's.
                    Watchdog atStart = new Watchdog(kept, kept.announced.get());
                    kept.onIdleStarted = () -> schedule(atStart, 0);
                    schedule(atStart, IDLE_START_CHECK_MILLIS);
                    beforeIdle.run();
                    idling = true;
                    try {
                        kept.inbox.idle(true); // returns on the first notification, or a watchdog's NOOP
                    } finally {
                        idling = false;
                        kept.onIdleStarted = null;
                        atStart.finish();
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                drop(kept);
                if (kept.closedByUs) {
                    return false;
                }
                throw MailboxFailures.classify(e);
            } finally {
                atDeadline.finish();
            }
        } finally {
            idleInUse.release();
        }
    }

    /**
     * Closes the connection kept for {@link #waitForNews}; a wait in progress returns false. A
     * session using it finishes first (it is closed when the session ends). Never throws.
     */
    @Override
    public void close() {
        IdleConnection idleNow;
        Store store;
        boolean inSession;
        synchronized (this) {
            shut = true;
            idleNow = idle;
            store = kept;
            kept = null;
            inSession = idleNow != null && lent == idleNow;
        }
        if (idleNow != null) {
            idleNow.closedByUs = true;
            if (!inSession) {
                drop(idleNow);
            }
        }
        if (store != null) {
            MailboxConnection.closeQuietly(store);
        }
    }

    private synchronized boolean isShut() {
        return shut;
    }

    /** Whether a {@link #waitForNews} is inside IDLE right now (for tests). */
    boolean isIdling() {
        return idling;
    }

    /**
     * -1 when INBOX holds a message with a UID above the highest seen before (which it then
     * remembers), else the number of messages in INBOX. Only messages the connection can see
     * count, so that a session on it finds them. The server's {@code STATUS} (MESSAGES, UIDNEXT)
     * checks that view: a server may announce changes in an order that leaves it short of a message
     * (GreenMail sends {@code EXISTS} with the count after an expunge, before the {@code EXPUNGE},
     * and none for a message expunged by another client); then INBOX is selected again.
     */
    private int countUnlessNewMail(IdleConnection connection) throws MessagingException {
        IMAPFolder inbox = connection.inbox;
        for (int attempt = 1; ; attempt++) {
            try {
                Status status = (Status) inbox.doCommand(protocol -> {
                    protocol.noop(); // the server reports what arrived (EXISTS) or went (EXPUNGE) with the reply
                    return protocol.status(inbox.getFullName(), STATUS_ITEMS);
                });
                int count = inbox.getMessageCount();
                long top = count == 0 ? 0 : inbox.getUID(inbox.getMessage(count));
                // A UID was given out above the newest message the connection sees: look again, once
                // per state of the server's INBOX (the message may be on its way in, or gone already).
                boolean missing = status.uidnext - 1 > top
                        && (status.uidnext != connection.selectedAtUidNext || status.total != connection.selectedAtTotal);
                if (status.total != count || missing) {
                    LOG.debug("The IMAP connection sees {} messages in INBOX, the server {}; selecting it again",
                            count, status.total);
                    connection.select();
                    connection.selectedAtUidNext = status.uidnext;
                    connection.selectedAtTotal = status.total;
                    count = inbox.getMessageCount();
                    top = count == 0 ? 0 : inbox.getUID(inbox.getMessage(count));
                }
                long validity = inbox.getUIDValidity();
                if (validity != seenUidValidity) {
                    seenUidValidity = validity;
                    seenUid = 0;
                }
                if (top > seenUid) {
                    seenUid = top;
                    return -1;
                }
                return count;
            } catch (MessageRemovedException e) {
                // A message went while we looked: look again.
                if (attempt == 3) {
                    return inbox.getMessageCount();
                }
            }
        }
    }

    /**
     * The kept connection, checked with a NOOP; a new one when there is none or it has died. Null
     * when the server offers no IDLE, or once this mailbox is closed.
     */
    private IdleConnection idleConnection() throws MailboxException {
        if (isShut()) {
            return null;
        }
        IdleConnection kept = idle;
        if (kept != null) {
            if (alive(kept)) {
                return kept;
            }
            drop(kept);
        }
        Store store = connection.connect();
        try {
            boolean offered = ((IMAPStore) store).hasCapability("IDLE");
            idleOffered = offered;
            if (!offered) {
                MailboxConnection.closeQuietly(store);
                return null;
            }
            IdleConnection made = new IdleConnection(store, (IMAPFolder) store.getFolder("INBOX"));
            made.select();
            made.lastUsed = System.nanoTime();
            synchronized (this) {
                if (shut) {
                    // close() came while this connected: nobody would close this one.
                    MailboxConnection.closeQuietly(store);
                    return null;
                }
                idle = made;
            }
            return made;
        } catch (MessagingException | RuntimeException e) {
            MailboxConnection.closeQuietly(store);
            throw MailboxFailures.classify(e);
        }
    }

    private static boolean alive(IdleConnection kept) {
        try {
            kept.inbox.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
            return true;
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("The kept IMAP connection has died ({}); connecting again", MailboxFailures.types(e));
            return false;
        }
    }

    private void drop(IdleConnection kept) {
        if (idle == kept) {
            idle = null;
        }
        MailboxConnection.closeQuietly(kept.store);
    }

    private void schedule(Watchdog watchdog, long delayMillis) {
        if (timer != null) {
            try {
                watchdog.future = timer.schedule(watchdog, delayMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException e) {
                LOG.debug("The mailbox timer refused the IDLE watchdog; using the shared delay scheduler");
            }
        }
        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, ForkJoinPool.commonPool()).execute(watchdog);
    }

    /** The connection kept for waiting: its store and INBOX, selected read-write. */
    private static final class IdleConnection {
        final Store store;
        final IMAPFolder inbox;
        /** How many {@code EXISTS} the server has sent on this connection. */
        final AtomicLong announced = new AtomicLong();
        volatile boolean closedByUs;
        /** {@link System#nanoTime()} when a command last succeeded on it. */
        volatile long lastUsed;
        /** The server's UIDNEXT and message count when INBOX was last selected again; guarded by idleInUse. */
        long selectedAtUidNext = -1;
        int selectedAtTotal = -1;
        /** Run once when the server's go-ahead for the IDLE under way arrives; null otherwise. */
        volatile Runnable onIdleStarted;

        private final ResponseHandler counter = this::count;

        IdleConnection(Store store, IMAPFolder inbox) {
            this.store = store;
            this.inbox = inbox;
        }

        /** Selects INBOX read-write (again, when it is open) and counts the announcements on it. */
        void select() throws MessagingException {
            if (inbox.isOpen()) {
                inbox.doCommand(protocol -> {
                    protocol.removeResponseHandler(counter);
                    return null;
                });
                inbox.close(false); // nothing is expunged: a session's deletions were expunged when it closed
            }
            inbox.open(Folder.READ_WRITE);
            inbox.doCommand(protocol -> {
                protocol.addResponseHandler(counter);
                return null;
            });
        }

        /** Called by Angus for every response it reads on the connection, on the reading thread. */
        void count(Response response) {
            if (response instanceof IMAPResponse r && r.keyEquals("EXISTS")) {
                announced.incrementAndGet();
            } else if (response.isContinuation()) {
                // What the server announced before IDLE started has been read now: look at it at once.
                Runnable started = onIdleStarted;
                onIdleStarted = null;
                if (started != null) {
                    started.run();
                }
            }
        }
    }

    /**
     * Ends an IDLE: any command on the folder makes Angus send DONE first, so a NOOP does. At the
     * deadline ({@code announcedBefore} -1) it nudges. Early in an IDLE ({@code announcedBefore}
     * ≥ 0) it nudges only if the server has announced a message since the check before the IDLE.
     * Once it has nudged, it nudges again every {@value #NUDGE_AGAIN_MILLIS} ms until the wait has
     * ended, in case the NOOP came just before IDLE started.
     */
    private final class Watchdog implements Runnable {
        private final IdleConnection connection;
        private final long announcedBefore;
        private volatile boolean finished;
        private volatile ScheduledFuture<?> future;

        Watchdog(IdleConnection connection, long announcedBefore) {
            this.connection = connection;
            this.announcedBefore = announcedBefore;
        }

        @Override
        public void run() {
            if (finished) {
                return;
            }
            // The count of announcements is kept by the connection's reader, without a command.
            if (announcedBefore >= 0 && connection.announced.get() == announcedBefore) {
                return;
            }
            try {
                connection.inbox.doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // The waiting thread sees the same failure and reports it.
                LOG.debug("The IDLE watchdog failed: {}", MailboxFailures.types(e));
            }
            if (!finished) {
                schedule(this, NUDGE_AGAIN_MILLIS);
            }
        }

        void finish() {
            finished = true;
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
