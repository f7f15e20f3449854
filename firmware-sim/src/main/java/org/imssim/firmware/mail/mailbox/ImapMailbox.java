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
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
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
 * {@link #open()} is one connection per poll: messages by UID, sizes from {@code RFC822.SIZE},
 * the raw message from {@code BODY[]}, {@code \Deleted} at once and expunge on close. Security,
 * login, trust and timeouts are as for {@link Pop3Mailbox}: {@code none}, {@code starttls}
 * (required) or {@code tls} (IMAPS); {@code username} or else {@code address}; {@code trust} is
 * {@code email.smtp.trust}, since {@code email.two-way} has none of its own.
 *
 * <h2>Waiting for news</h2>
 * {@link #waitForNews(Duration)} blocks the caller's thread (the unit runs it on a thread of its
 * own, then polls) on a second connection that this object keeps open between calls, INBOX
 * selected read-only. It returns true as soon as the mailbox holds a message with a higher UID
 * than any it had seen when it last returned (on the first call: any message), and false when
 * {@code max} has passed. It uses IMAP IDLE ({@code IMAPFolder.idle(true)}); a watchdog ends
 * the IDLE after {@code max} with a NOOP. A message that arrives in the instant between the
 * check and the start of IDLE is announced by the server before IDLE begins, where
 * {@code idle(true)} does not return for it; so, 100 ms into each
 * IDLE, a second watchdog compares the message count and ends the IDLE if it changed. Each call
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
    /** How long into an IDLE the message count is compared with the one before it. */
    static final long IDLE_START_CHECK_MILLIS = 100;

    private final MailboxConnection connection;
    private Store kept;
    private boolean shut;
    private final ScheduledExecutorService timer;
    private final Object waitLock = new Object();
    private volatile IdleConnection idle;
    private volatile Boolean idleOffered;
    private volatile boolean idling;
    /** Runs on the waiting thread just before each IDLE; tests use it to deliver mail at that instant. */
    volatile Runnable beforeIdle = () -> { };
    // Guarded by waitLock: what the last waitForNews had seen.
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
        return new ImapSession(store, inbox, this::keep);
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
        synchronized (waitLock) {
            if (idleOffered == null) {
                idleConnection();
            }
            return idleOffered;
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
        synchronized (waitLock) {
            IdleConnection kept = idleConnection();
            if (!idleOffered) {
                throw new IllegalStateException("The mailbox server does not offer IDLE.");
            }
            long deadline = System.nanoTime() + max.toNanos();
            Watchdog atDeadline = new Watchdog(kept.inbox, -1);
            schedule(atDeadline, Math.max(1, max.toMillis()));
            try {
                while (true) {
                    int count = countUnlessNewMail(kept.inbox);
                    if (count < 0) {
                        return true;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        return false;
                    }
                    Watchdog atStart = new Watchdog(kept.inbox, count);
                    schedule(atStart, IDLE_START_CHECK_MILLIS);
                    beforeIdle.run();
                    idling = true;
                    try {
                        kept.inbox.idle(true); // returns on the first notification, or a watchdog's NOOP
                    } finally {
                        idling = false;
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
        }
    }

    /** Closes the connection kept for {@link #waitForNews}; a wait in progress returns false. Never throws. */
    @Override
    public void close() {
        IdleConnection idleNow = idle;
        if (idleNow != null) {
            idleNow.closedByUs = true;
            drop(idleNow);
        }
        Store store;
        synchronized (this) {
            shut = true;
            store = kept;
            kept = null;
        }
        if (store != null) {
            MailboxConnection.closeQuietly(store);
        }
    }

    /** Whether a {@link #waitForNews} is inside IDLE right now (for tests). */
    boolean isIdling() {
        return idling;
    }

    /**
     * -1 when INBOX holds a message with a UID above the highest seen before (which it then
     * remembers), else the number of messages in INBOX.
     */
    private int countUnlessNewMail(IMAPFolder inbox) throws MessagingException {
        for (int attempt = 1; ; attempt++) {
            try {
                inbox.doCommand(protocol -> {
                    protocol.noop(); // the server reports what arrived (EXISTS) with the reply
                    return null;
                });
                long validity = inbox.getUIDValidity();
                if (validity != seenUidValidity) {
                    seenUidValidity = validity;
                    seenUid = 0;
                }
                int count = inbox.getMessageCount();
                long top = count == 0 ? 0 : inbox.getUID(inbox.getMessage(count));
                if (top > seenUid) {
                    seenUid = top;
                    return -1;
                }
                return count;
            } catch (MessageRemovedException e) {
                // A poll expunged the newest message while we looked: look again.
                if (attempt == 3) {
                    return inbox.getMessageCount();
                }
            }
        }
    }

    /** The kept connection, checked with a NOOP; a new one when there is none or it has died. */
    private IdleConnection idleConnection() throws MailboxException {
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
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            kept = new IdleConnection(store, inbox);
            idle = kept;
            return kept;
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

    /** The connection kept for waiting: its store and INBOX, selected read-only. */
    private static final class IdleConnection {
        final Store store;
        final IMAPFolder inbox;
        volatile boolean closedByUs;

        IdleConnection(Store store, IMAPFolder inbox) {
            this.store = store;
            this.inbox = inbox;
        }
    }

    /**
     * Ends an IDLE: any command on the folder makes Angus send DONE first, so a NOOP does. At the
     * deadline ({@code countBefore} -1) it nudges, and again every {@value #NUDGE_AGAIN_MILLIS} ms
     * until the wait has ended, in case a NOOP came just before IDLE started. Early in an IDLE
     * ({@code countBefore} ≥ 0) it nudges once, only if the message count changed meanwhile.
     */
    private final class Watchdog implements Runnable {
        private final IMAPFolder inbox;
        private final int countBefore;
        private volatile boolean finished;
        private volatile ScheduledFuture<?> future;

        Watchdog(IMAPFolder inbox, int countBefore) {
            this.inbox = inbox;
            this.countBefore = countBefore;
        }

        @Override
        public void run() {
            if (finished) {
                return;
            }
            try {
                // getMessageCount() answers from what the connection has heard, without a command.
                if (countBefore >= 0 && inbox.getMessageCount() == countBefore) {
                    return;
                }
                inbox.doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // The waiting thread sees the same failure and reports it.
                LOG.debug("The IDLE watchdog failed: {}", MailboxFailures.types(e));
            }
            if (countBefore < 0 && !finished) {
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
