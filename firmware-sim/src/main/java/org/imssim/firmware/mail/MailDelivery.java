package org.imssim.firmware.mail;

import java.util.Objects;
import java.util.function.Consumer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.imssim.firmware.event.EventHistory;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.loop.TimerHandle;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.mail.outbound.SendOutcome;
import org.imssim.firmware.mail.outbound.SmtpMailer;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.Store;
import org.imssim.firmware.store.StoreWorker;
import org.imssim.firmware.store.StoredMail;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail out (SPEC §6): every mail is stored in the durable outbox before it is sent and removed only
 * after the SMTP server accepted it. Delivery is at least once; a resent mail keeps its Message-ID.
 *
 * <p>Sending runs on the unit's mail-out thread in passes: drop what is older than 24 hours
 * ({@code Mail dropped: <subject>}), take what is due, send it over one connection. A failure
 * retries that mail after 5 s, doubling to 5 minutes, and holds the rest back as long; the
 * history records {@code SMTP Server not Responding} once per outage of the whole unit and
 * {@code Delivered after <n> attempts} for a mail that needed more than one. Without an SMTP
 * server or a return address every mail records {@code Invalid Configuration} once, when it is
 * stored, and stays in the outbox untouched: it is dropped after 24 hours, or sent at once by a
 * unit restarted with the configuration fixed. A mail that can never be put on the wire (a header
 * it may not carry) is dropped at once ({@code Mail dropped: <subject>}) instead of holding back
 * the mail behind it.
 *
 * <p>When the outbox cannot record what happened (a failing disk), a mail the server accepted is
 * not sent again while the unit runs (only a restart may send it twice), and passes back off
 * like retries instead of following each other at once.
 *
 * <p>State here belongs to the unit's event loop; the mail-out thread sends, posts back, and
 * alone keeps the mails accepted but not yet removed.
 */
public final class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofHours(24);
    /** How long the SMTP connection is kept open after the outbox empties. */
    static final Duration KEEP_IDLE = Duration.ofSeconds(30);
    private static final int BATCH = 25;

    private final EventExecutor loop;
    private final UnitClock clock;
    private final EventHistory events;
    private final StoreWorker store;
    private final Executor mailThread;
    private final SmtpMailer mailer;

    // Loop-confined.
    private boolean passRunning;
    /**
     * Mails stored since the last pass started, while no pass ran: the next pass sends them before
     * it asks the outbox what is due, so that an alarm's mail does not wait behind the store's
     * other writes (its event). A mail stored while a pass runs is left to the pass that follows,
     * which finds it due: the running pass may have found it already. Loop only.
     */
    private final List<StoredMail> fresh = new ArrayList<>();
    /** Whether a mail in {@link #fresh} was committed without a sync ({@link #added}). Loop only. */
    private boolean freshUnsynced;
    private boolean passWanted;
    private boolean stopped;
    private boolean outage;
    private final Consumer<Boolean> attemptOutcomes;
    private int failuresInARow;
    private Instant heldBackUntil = Instant.MIN;
    private TimerHandle wake;
    private TimerHandle idleClose;
    /** Passes that used the kept connection; mail-out thread only. */
    private long passesSent;
    private long pending;
    private Instant oldest;
    private int troubledPassesInARow;

    // Mail-out-thread-confined: ids of mails the server accepted whose removal from the outbox
    // failed. They are not sent again; each pass first tries to remove them.
    private final Set<Long> acceptedNotRemoved = new LinkedHashSet<>();
    /** Ids whose removal failed, as the store thread found out; the next pass takes them over. */
    private final Set<Long> removalsFailed = ConcurrentHashMap.newKeySet();

    /**
     * @param mailer null when the unit has no SMTP server or no return address (Invalid Configuration)
     */
    public MailDelivery(EventExecutor loop, UnitClock clock, EventHistory events, StoreWorker store,
                        Executor mailThread, SmtpMailer mailer) {
        this(loop, clock, events, store, mailThread, mailer, failing -> { });
    }

    /**
     * As above, telling {@code attempts} on the loop after every delivery attempt whether the SMTP
     * server failed it ({@code true}) or accepted the mail ({@code false}) — the level the
     * {@code system/smtp} alarm follows. Attempts never made (no server configured) are not told.
     */
    public MailDelivery(EventExecutor loop, UnitClock clock, EventHistory events, StoreWorker store,
                        Executor mailThread, SmtpMailer mailer, Consumer<Boolean> attempts) {
        this.attemptOutcomes = Objects.requireNonNull(attempts, "attempts");
        this.loop = loop;
        this.clock = clock;
        this.events = events;
        this.store = store;
        this.mailThread = mailThread;
        this.mailer = mailer;
    }

    /** Starts delivering what the outbox holds from before. Loop only. */
    public void start() {
        refreshBacklog();
        kick();
    }

    /** Sends nothing new after this. Loop only. */
    public void stop() {
        stopped = true;
        if (wake != null) {
            wake.cancel();
        }
        if (idleClose != null) {
            idleClose.cancel();
        }
    }

    /**
     * Stores {@code mail} in the outbox and starts sending it. Any thread; the future completes
     * when the mail is durable (not when it is sent). Without a usable configuration the mail
     * records {@code Invalid Configuration} and waits.
     */
    public CompletableFuture<StoredMail> send(NewMail mail) {
        return store.call(s -> s.outbox().enqueue(mail)).whenCompleteAsync((stored, failure) -> {
            if (failure == null) {
                if (mailer == null) {
                    events.record("host", EventSource.MAIL, "Invalid Configuration");
                } else {
                    fresh.add(stored);
                }
                kick();
            }
        }, loop);
    }

    /**
     * Starts sending mails that were put into the outbox directly, in a transaction of the caller's
     * (a command's reply, stored with its message's seen mark), which may not be synced yet
     * ({@link StoreWorker#callSyncedLater}): the pass finds them due, and syncs them before it
     * sends them. As
     * {@link #send} does after storing. Loop only.
     */
    public void added(List<StoredMail> mails) {
        if (mailer == null) {
            mails.forEach(m -> events.record("host", EventSource.MAIL, "Invalid Configuration"));
        } else {
            fresh.addAll(mails);
            freshUnsynced = true;
        }
        kick();
    }

    /** Starts a pass now, or right after the running one. Loop only. */
    public void kick() {
        if (stopped) {
            return;
        }
        if (passRunning) {
            passWanted = true;
            fresh.clear();
            freshUnsynced = false;
            return;
        }
        passRunning = true;
        passWanted = false;
        if (wake != null) {
            wake.cancel();
            wake = null;
        }
        // During an outage the outbox's order decides: older mails first, each after its back-off.
        List<StoredMail> direct = outage ? List.of() : List.copyOf(fresh);
        boolean unsynced = freshUnsynced;
        fresh.clear();
        freshUnsynced = false;
        mailThread.execute(() -> pass(direct, unsynced));
    }

    /** {@code ok} or {@code failing}, for {@code /api/health}. Loop only. */
    public String smtpHealth() {
        return mailer == null || outage ? "failing" : "ok";
    }

    /** Mails waiting in the outbox, as last counted. Loop only. */
    public long pending() {
        return pending;
    }

    /** Age of the oldest mail waiting, in whole seconds. Loop only. */
    public long oldestSeconds() {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.now()).toSeconds());
    }

    // ---- on the mail-out thread ----

    /**
     * One delivery pass: the fresh mails first, then what the outbox says is due, read and then
     * synced to disk with every commit before ({@link StoreWorker#syncLog()}, from this thread):
     * nothing leaves the unit that a power cut could still take back. When some fresh mails were
     * committed without a sync ({@code unsynced}: replies), they are left to the due ones, which
     * that one sync covers.
     */
    private void pass(List<StoredMail> fresh, boolean unsynced) {
        boolean troubled = false;
        try {
            Instant now = clock.now();
            removeAccepted();
            List<StoredMail> direct = unsynced ? List.of() : fresh;
            if (!direct.isEmpty() && !deliver(direct, now)) {
                // The outbox could not record what happened to a mail: hold back rather than go on.
                troubled = true;
                return;
            }
            // One visit to the store thread for both: an alarm's mail waits for it. Then everything
            // committed so far goes to disk, synced from this thread so that the store thread goes
            // on committing the replies meanwhile.
            PassStart start = store.callSyncedLater(s -> new PassStart(s.outbox().dropOlderThan(now.minus(MAX_AGE)),
                    mailer == null ? List.of() : s.outbox().due(now, BATCH))).join();
            store.syncLog();
            List<StoredMail> dropped = start.dropped();
            if (!dropped.isEmpty()) {
                onLoop(() -> dropped.forEach(this::recordDropped));
            }
            // The last pass's removals ran before this read (the store runs calls in order): one that
            // failed left its mails due, and they are not to go again.
            if (!removalsFailed.isEmpty()) {
                List<Long> failed = List.copyOf(removalsFailed);
                removalsFailed.removeAll(failed);
                acceptedNotRemoved.addAll(failed);
                troubled = true;
                return;
            }
            if (mailer == null) {
                // Invalid Configuration (recorded when stored): the mails wait, still due, for a
                // restart with the configuration fixed, or to be dropped.
                return;
            }
            List<StoredMail> due = start.due();
            if (!due.isEmpty()) {
                troubled = !deliver(due, now);
            }
        } catch (RejectedExecutionException e) {
            troubled = true;
            log.debug("A delivery pass ended: the store is closed (the unit is stopping)");
        } catch (RuntimeException e) {
            troubled = true;
            log.error("A delivery pass failed", e);
        } finally {
            releaseIdleConnection();
            boolean holdBack = troubled;
            onLoop(() -> passDone(holdBack));
        }
    }

    /** What a pass found in the outbox: the mails it dropped as too old, and the mails due now. */
    private record PassStart(List<StoredMail> dropped, List<StoredMail> due) {
    }

    /** Removes the mails accepted earlier whose removal failed; throws while the store still fails. */
    private void removeAccepted() {
        for (Iterator<Long> ids = acceptedNotRemoved.iterator(); ids.hasNext(); ) {
            long id = ids.next();
            store.call(s -> s.outbox().remove(id)).join();
            ids.remove();
        }
    }

    /**
     * The kept SMTP connection serves the next mail without a new handshake (an alarm's mail is
     * sent about twice as fast); once the outbox has stayed empty for {@link #KEEP_IDLE} it is let
     * go, so the unit does not hold a connection the server would drop anyway.
     */
    private void releaseIdleConnection() {
        if (mailer == null || !mailer.isConnectionKept()) {
            return;
        }
        long pass = ++passesSent;
        onLoop(() -> {
            if (idleClose != null) {
                idleClose.cancel();
            }
            idleClose = clock.scheduleHousekeeping(KEEP_IDLE, () -> mailThread.execute(() -> closeIfIdleSince(pass)));
        });
    }

    /** Whether an SMTP connection is kept open now (tests). */
    boolean connectionKept() {
        return mailer != null && mailer.isConnectionKept();
    }

    /** On the mail-out thread: closes the kept connection when no pass ran since {@code pass} and nothing waits. */
    private void closeIfIdleSince(long pass) {
        if (pass != passesSent || !mailer.isConnectionKept()) {
            return;
        }
        try {
            if (store.call(s -> s.outbox().pending()).join() == 0) {
                mailer.close();
            }
        } catch (RuntimeException e) {
            mailer.close();
        }
    }

    /** Sends the due mails and records each outcome; false when the store failed to record one. */
    private boolean deliver(List<StoredMail> due, Instant now) {
        boolean recorded = true;
        List<StoredMail> sendable = new ArrayList<>(due.size());
        List<OutgoingMail> mails = new ArrayList<>(due.size());
        for (StoredMail m : due) {
            OutgoingMail mail;
            try {
                mail = new OutgoingMail(m.messageId(), m.from(), m.to(), m.subject(), m.body(), m.headers(), m.created());
            } catch (IllegalArgumentException e) {
                // It would fail the same way on every attempt, and keep the mail behind it waiting.
                log.error("Mail {} cannot be sent and is dropped: {}", m.messageId(), e.getMessage());
                try {
                    if (store.call(s -> s.outbox().remove(m.id())).join()) {
                        onLoop(() -> recordDropped(m));
                    }
                } catch (RuntimeException storeFailed) {
                    log.error("Mail {} could not be dropped from the outbox", m.messageId(), storeFailed);
                    recorded = false;
                }
                continue;
            }
            sendable.add(m);
            mails.add(mail);
        }
        if (mails.isEmpty()) {
            return recorded;
        }
        List<SendOutcome> outcomes = mailer.sendAll(mails);
        List<StoredMail> accepted = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            StoredMail mail = sendable.get(i);
            SendOutcome outcome = outcomes.get(i);
            if (outcome.delivered()) {
                int attempts = mail.failedAttempts() + 1;
                onLoop(() -> delivered(mail, attempts));
                accepted.add(mail);
            } else if (outcome.attempted()) {
                log.warn("Mail to {} not delivered: {}", mail.to(), outcome.failure().get().getMessage());
                Instant retry = now.plus(backoff(mail.failedAttempts() + 1));
                onLoop(this::failed);
                try {
                    store.call(s -> s.outbox().recordFailure(mail.id(), retry)).join();
                } catch (RuntimeException e) {
                    log.error("The failed delivery of mail {} could not be recorded", mail.messageId(), e);
                    recorded = false;
                }
            }
        }
        removeSent(accepted);
        return recorded;
    }

    /**
     * Removes the mails the server accepted in this batch from the outbox, in one transaction
     * committed without waiting for a disk sync ({@link StoreWorker#callSyncedLater}): a crash of
     * the process keeps the removal; a crash before it commits, or a power cut before the next
     * synced commit, sends them again after the restart, with their Message-IDs (at least once,
     * SPEC §6). Nothing the unit acknowledged depends on it, and a sync per reply was the largest
     * cost after the reply's own. The pass does not wait for it: the store runs it before anything
     * asked later (the next pass's due mails, the backlog), and often in the same commit. A removal
     * that fails is found by the next pass, which then sends nothing and holds back; its mails are
     * not sent again unless the unit restarts first.
     */
    private void removeSent(List<StoredMail> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        List<Long> ids = accepted.stream().map(StoredMail::id).toList();
        store.callSyncedLater(s -> {
            s.inTransaction(() -> ids.forEach(id -> s.outbox().remove(id)));
            return null;
        }).whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("{} mails were sent but could not be removed from the outbox; they are not sent again "
                        + "unless the unit restarts first", ids.size(), failure);
                removalsFailed.addAll(ids);
            }
        });
    }

    // ---- back on the loop ----

    private void delivered(StoredMail mail, int attempts) {
        if (outage) {
            log.info("The SMTP server accepts mail again");
        }
        outage = false;
        failuresInARow = 0;
        heldBackUntil = Instant.MIN;
        attemptOutcomes.accept(false);
        events.record("host", EventSource.MAIL, "E-mail sent to " + mail.to() + ": " + mail.subject());
        if (attempts >= 2) {
            events.record("host", EventSource.MAIL, "Delivered after " + attempts + " attempts");
        }
    }

    private void recordDropped(StoredMail mail) {
        events.record("host", EventSource.MAIL, "Mail dropped: " + mail.subject());
    }

    private void failed() {
        if (!outage) {
            outage = true;
            events.record("host", EventSource.MAIL, "SMTP Server not Responding");
        }
        failuresInARow++;
        heldBackUntil = clock.now().plus(backoff(failuresInARow));
        attemptOutcomes.accept(true);
    }

    private void passDone(boolean troubled) {
        passRunning = false;
        if (troubled) {
            // The outbox could not record what happened: wait as for a retry, not a moment.
            troubledPassesInARow++;
            Instant until = clock.now().plus(backoff(troubledPassesInARow));
            if (until.isAfter(heldBackUntil)) {
                heldBackUntil = until;
            }
        } else {
            troubledPassesInARow = 0;
        }
        if (stopped) {
            return;
        }
        refreshBacklog();
        if (passWanted) {
            kick();
            return;
        }
        store.callSyncedLater(this::nextPass).thenAcceptAsync(next -> {
            if (stopped || passRunning || next.isEmpty()) {
                return;
            }
            Instant at = next.get().isAfter(heldBackUntil) ? next.get() : heldBackUntil;
            if (!removalsFailed.isEmpty()) {
                // This pass's removal failed (it ran before this read): its mails still look due.
                // The next pass finds out and holds back; it does not come at once.
                Instant backOff = clock.now().plus(backoff(troubledPassesInARow + 1));
                at = at.isAfter(backOff) ? at : backOff;
            }
            Duration delay = Duration.between(clock.now(), at);
            if (wake != null) {
                wake.cancel();
            }
            wake = clock.schedule(delay.isNegative() ? Duration.ZERO : delay, this::kick);
        }, loop);
    }

    /**
     * When a pass has something to do: the next due mail; without a usable configuration, when the
     * oldest mail is to be dropped (its next attempt, still due, would wake a pass at once, again
     * and again). Store thread.
     */
    private Optional<Instant> nextPass(Store s) {
        return mailer == null
                ? s.outbox().oldestCreated().map(created -> created.plus(MAX_AGE).plusSeconds(1))
                : s.outbox().nextDue();
    }

    private void refreshBacklog() {
        store.callSyncedLater(s -> new Backlog(s.outbox().pending(), s.outbox().oldestCreated().orElse(null)))
                .thenAcceptAsync(b -> {
                    pending = b.pending();
                    oldest = b.oldest();
                }, loop);
    }

    private record Backlog(long pending, Instant oldest) {
    }

    /** The wait before attempt {@code failures + 1}: 5 s, doubling, at most 5 minutes. */
    static Duration backoff(int failures) {
        Duration wait = FIRST_RETRY;
        for (int i = 1; i < failures && wait.compareTo(LONGEST_RETRY) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private void onLoop(Runnable work) {
        loop.execute(work);
    }
}
