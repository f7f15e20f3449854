package org.imssim.firmware.mail;

import java.util.Objects;
import java.util.function.Consumer;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.imssim.firmware.command.CommandReply;
import org.imssim.firmware.command.MailCommandHandler;
import org.imssim.firmware.event.EventHistory;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.loop.TimerHandle;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.mail.inbound.CommandMailReader;
import org.imssim.firmware.mail.inbound.RejectReason;
import org.imssim.firmware.mail.mailbox.Mailbox;
import org.imssim.firmware.mail.mailbox.MailboxException;
import org.imssim.firmware.mail.mailbox.MailboxMessage;
import org.imssim.firmware.mail.mailbox.MailboxSession;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.SeenMessages;
import org.imssim.firmware.store.Store;
import org.imssim.firmware.store.StoreWorker;
import org.imssim.firmware.store.StoredMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the unit's own mailbox every poll interval and answers command mails, in mailbox order,
 * with the handling order of SPEC §7:
 * <ol>
 *   <li>a message over 1 MiB is deleted unread ({@code Rejected mail: too large});</li>
 *   <li>a message already seen (Message-ID, else SHA-256) is deleted without a reply;</li>
 *   <li>it is marked in progress; one still in progress at the next start crashed the unit and is
 *       deleted with {@code Could not handle message} (so at most one message is in progress at
 *       any commit);</li>
 *   <li>it is handled on the event loop; its reply goes into the outbox and it is marked seen, in
 *       one transaction, which also marks the next message in progress;</li>
 *   <li>only then is it deleted from the mailbox (with POP3, at QUIT).</li>
 * </ol>
 * The marks and the reply are committed without waiting for a disk sync
 * ({@link StoreWorker#callSyncedLater}): they survive a crash of the unit at once, which is what
 * the in-progress mark is for. Nothing leaves the unit before a sync makes them survive a power
 * cut too: the delivery syncs the store's log before it sends a reply, and the handled messages
 * are deleted {@value #DELETION_BATCH} at a time, each batch after a sync of the log (both from
 * their own threads, {@link StoreWorker#syncLog()}, so that the store thread need not wait). A
 * power cut can so only
 * lose commands whose replies never went out and whose messages are still in the mailbox: they are
 * handled again.
 * A poll that found mail is followed by another within {@link #AFTER_MAIL}, whatever the interval;
 * so is one that reached the mailbox and then failed (the connection dropped, the server refused
 * a command), unless the poll before it failed so too: the messages it left are not kept waiting
 * for the interval. A message another client deleted between the list and its fetch is passed
 * over; the poll goes on.
 * The mailbox is read on the unit's mailbox thread. A mailbox that cannot be read records
 * {@code Mailbox not Responding} once per outage and {@code Mailbox responding} when it is back;
 * meanwhile it is tried again after 5 s, doubling to 5 minutes, but never more often than the
 * poll interval.
 */
public final class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    /** Handled messages are deleted from the mailbox this many at a time (after one store sync for all). */
    static final int DELETION_BATCH = 16;

    /**
     * After a poll that found mail, the next one comes this soon whatever the poll interval: more
     * commands tend to follow, and IMAP IDLE can miss one; GreenMail, for one, announces nothing for
     * a message stored in the instant its IDLE starts, and the benchmark's bursts met that.
     */
    static final Duration AFTER_MAIL = Duration.ofSeconds(2);

    /** Larger messages are deleted unread. */
    public static final long MAX_SIZE = 1024 * 1024;

    private final EventExecutor loop;
    private final UnitClock clock;
    private final EventHistory events;
    private final StoreWorker store;
    private final Executor mailboxThread;
    private final Mailbox mailbox;
    private final Duration interval;
    private final Set<String> ownAddresses;
    private final MailCommandHandler handler;
    private final ReplyMail replies;
    private final MailDelivery delivery;

    /** Written on the loop; read by the mailbox thread between messages. */
    private volatile boolean stopped;
    // Loop-confined.
    private final Consumer<Boolean> attemptOutcomes;
    private boolean failing;
    private int failuresInARow;
    /** Polls in a row that reached the mailbox and then failed. */
    private int brokenInARow;
    private TimerHandle next;
    private boolean polling;
    private boolean pollAgain;
    /** Callers of {@link #pollNow} waiting for a poll that has not started yet, and for the running one. */
    private List<CompletableFuture<Void>> awaitingNextPoll = new ArrayList<>();
    private List<CompletableFuture<Void>> awaitingThisPoll = new ArrayList<>();

    // Mailbox-thread-confined: the keys of messages that crashed the unit's last run, settled at
    // start with their event; deleted silently when found (they are no duplicates).
    private final Set<String> crashedBeforeStart = new HashSet<>();

    public MailboxPoller(EventExecutor loop, UnitClock clock, EventHistory events, StoreWorker store,
                         Executor mailboxThread, Mailbox mailbox, Duration interval, Set<String> ownAddresses,
                         MailCommandHandler handler, ReplyMail replies, MailDelivery delivery) {
        this(loop, clock, events, store, mailboxThread, mailbox, interval, ownAddresses, handler, replies, delivery,
                failing -> { });
    }

    /**
     * As above, telling {@code attempts} on the loop after every session whether the mailbox failed
     * ({@code true}) or was read ({@code false}) — the level the {@code system/mailbox} alarm follows.
     */
    public MailboxPoller(EventExecutor loop, UnitClock clock, EventHistory events, StoreWorker store,
                         Executor mailboxThread, Mailbox mailbox, Duration interval, Set<String> ownAddresses,
                         MailCommandHandler handler, ReplyMail replies, MailDelivery delivery,
                         Consumer<Boolean> attempts) {
        this.attemptOutcomes = Objects.requireNonNull(attempts, "attempts");
        this.loop = loop;
        this.clock = clock;
        this.events = events;
        this.store = store;
        this.mailboxThread = mailboxThread;
        this.mailbox = mailbox;
        this.interval = interval;
        this.ownAddresses = Set.copyOf(ownAddresses);
        this.handler = handler;
        this.replies = replies;
        this.delivery = delivery;
    }

    /**
     * Settles the messages that were in progress when the unit last stopped (they crashed it), then
     * polls at once and every interval. Loop only.
     */
    public void start() {
        store.call(s -> {
            List<String> crashed = s.seenMessages().inProgress();
            Instant now = clock.now();
            for (String key : crashed) {
                s.seenMessages().markSeen(key, now);
            }
            return crashed;
        }).whenCompleteAsync((crashed, failure) -> {
            if (failure != null) {
                log.error("The seen messages could not be read", failure);
            } else {
                crashed.forEach(key -> events.record("host", EventSource.MAIL, "Could not handle message"));
                // Handed over before the first poll is scheduled: the mailbox thread runs in order.
                mailboxThread.execute(() -> crashedBeforeStart.addAll(crashed));
            }
            schedule(Duration.ZERO);
        }, loop);
    }

    /** Stops polling; a poll under way finishes its current message. Loop only. */
    public void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
        release(awaitingThisPoll);
        release(awaitingNextPoll);
    }

    /** {@code ok} or {@code failing}, for {@code /api/health}. Loop only. */
    public String health() {
        return failing ? "failing" : "ok";
    }

    /**
     * Reads the mailbox now rather than at the next interval (the server said new mail is there):
     * at once when no poll is under way, else right after the one that is. Loop only.
     *
     * @return completes when a poll that started after this call has ended (or when none will:
     *         the poller stopped, or the mailbox is failing and the next poll waits for its back-off)
     */
    public CompletableFuture<Void> pollNow() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (stopped) {
            done.complete(null);
            return done;
        }
        awaitingNextPoll.add(done);
        if (polling) {
            pollAgain = true;
            return done;
        }
        if (next != null) {
            next.cancel();
        }
        startPoll();
        return done;
    }

    private static void release(List<CompletableFuture<Void>> waiting) {
        List<CompletableFuture<Void>> now = List.copyOf(waiting);
        waiting.clear();
        now.forEach(f -> f.complete(null));
    }

    private void schedule(Duration delay) {
        if (stopped) {
            return;
        }
        next = clock.schedule(delay, this::startPoll);
    }

    private void startPoll() {
        if (stopped || polling) {
            return;
        }
        polling = true;
        List<CompletableFuture<Void>> waiting = awaitingThisPoll;
        awaitingThisPoll = awaitingNextPoll;
        awaitingNextPoll = waiting;
        mailboxThread.execute(this::poll);
    }

    // ---- on the mailbox thread ----

    private void poll() {
        boolean reached = false;
        boolean foundMail = false;
        boolean broken = false;
        try (MailboxSession session = mailbox.open()) {
            reached = true;
            onLoop(this::reachable);
            List<MailboxMessage> listed = session.list();
            handleAll(session, listed);
            foundMail = !listed.isEmpty(); // not after a failure: that one waits the interval
        } catch (MailboxException e) {
            log.warn("Mailbox: {}", e.getMessage());
            if (reached) {
                broken = true;
            } else {
                onLoop(this::unreachable);
            }
        } catch (RuntimeException e) {
            log.error("A mailbox poll failed", e);
        } finally {
            boolean followUp = foundMail;
            boolean brokenOff = broken;
            onLoop(() -> pollDone(followUp, brokenOff));
        }
    }

    /**
     * Handles the listed messages in order, one at a time. A message is admitted (looked up, and
     * when new marked in progress) in the transaction that stores the reply of the one before it:
     * that transaction says "this one is done, the next is about to be handled", which is what two
     * commits said before, so a crash leaves the same marks behind (the next message crashed the
     * unit). So the next message is read before a message is handled, and the one after it is read
     * while it is handled: reading stays off the path from one reply to the next.
     */
    private void handleAll(MailboxSession session, List<MailboxMessage> listed) throws MailboxException {
        Deletions deletions = new Deletions(session);
        String[] markedAhead = new String[1];
        try {
            handleAll(session, listed, deletions, markedAhead);
        } catch (MailboxException | RuntimeException e) {
            deletions.passOnAfterFailure();
            throw e;
        } finally {
            takeBackMark(markedAhead[0]);
        }
        deletions.passOn();
    }

    /**
     * The poll ends (the unit stops, the mailbox failed) after the commit of a reply marked the next
     * message in progress, before its turn: the mark is taken back, so that the message is read as
     * new next time rather than taken for one that crashed the unit.
     */
    private void takeBackMark(String key) {
        if (key == null) {
            return;
        }
        try {
            store.callSyncedLater(s -> s.seenMessages().unmarkInProgress(key)).join();
        } catch (RuntimeException e) {
            log.error("A message marked in progress but not handled could not be unmarked; "
                    + "it will be deleted unanswered as one that could not be handled", e);
        }
    }

    /**
     * @param markedAhead its one element: the key of the message the last reply's commit marked in
     *                    progress, until that message's own handling starts; null otherwise
     */
    private void handleAll(MailboxSession session, List<MailboxMessage> listed, Deletions deletions,
                           String[] markedAhead) throws MailboxException {
        Iterator<MailboxMessage> rest = listed.iterator();
        Deque<Read> ahead = new ArrayDeque<>(2);
        SeenMessages.State admitted = null; // the first of ahead's state, when the transaction before admitted it
        while (!stopped) {
            if (ahead.isEmpty() && rest.hasNext()) {
                ahead.add(read(session, rest.next()));
            }
            Read current = ahead.poll();
            if (current == null) {
                break;
            }
            if (current.gone()) {
                admitted = null;
                continue; // nothing to answer or delete
            }
            if (current.tooLarge()) {
                deletions.add(current.message());
                onLoop(() -> rejected(RejectReason.TOO_LARGE));
                admitted = null;
                continue;
            }
            String key = current.mail().seenKey();
            SeenMessages.State state = admitted != null ? admitted : admit(key);
            admitted = null;
            if (state != SeenMessages.State.UNKNOWN) {
                settleUnhandled(deletions, current.message(), key, state);
                continue;
            }
            try {
                if (ahead.isEmpty() && rest.hasNext()) {
                    ahead.add(read(session, rest.next()));
                }
            } catch (MailboxException | RuntimeException e) {
                markedAhead[0] = null;
                finishBeforeFailing(deletions, current.message(), handle(current.mail(), null));
                throw e;
            }
            Read next = ahead.peek();
            String nextKey = next == null || next.mail() == null ? null : next.mail().seenKey();
            markedAhead[0] = null; // current's own turn: its mark stays until it is settled
            CompletableFuture<Handled> handled = handle(current.mail(), nextKey);
            try {
                if (rest.hasNext()) {
                    ahead.add(read(session, rest.next()));
                }
            } catch (MailboxException | RuntimeException e) {
                Handled done = finishBeforeFailing(deletions, current.message(), handled);
                if (done != null && done.next() == SeenMessages.State.UNKNOWN) {
                    markedAhead[0] = nextKey;
                }
                throw e;
            }
            admitted = handled.join().next();
            markedAhead[0] = admitted == SeenMessages.State.UNKNOWN ? nextKey : null;
            deletions.add(current.message());
        }
    }

    /**
     * The next message could not be read: the one being handled is still answered and deleted
     * before the poll ends with that failure, which is the one reported.
     */
    private static Handled finishBeforeFailing(Deletions deletions, MailboxMessage message,
                                               CompletableFuture<Handled> handled) {
        Handled done;
        try {
            done = handled.join();
        } catch (RuntimeException e) {
            log.error("A mailbox message could not be handled", e);
            return null;
        }
        deletions.addQuietly(message);
        return done;
    }

    /**
     * Fetches and reads a listed message; one over {@link #MAX_SIZE} is not fetched, and one another
     * client deleted since the list is passed over.
     */
    private Read read(MailboxSession session, MailboxMessage message) throws MailboxException {
        if (message.size() > MAX_SIZE) {
            return new Read(message, null, false);
        }
        byte[] octets;
        try {
            octets = session.fetch(message);
        } catch (MailboxException e) {
            if (e.kind() != MailboxException.Kind.GONE) {
                throw e;
            }
            log.info("A message was deleted from the mailbox by another client before it was read");
            return new Read(message, null, true);
        }
        return new Read(message, CommandMailReader.read(octets, ownAddresses), false);
    }

    /**
     * Looks {@code key} up and, when it is new, marks it in progress, committed on return. The mark
     * is there to tell, after a crash of the unit, which message crashed it; it survives such a
     * crash without a disk sync, so it waits for none ({@link StoreWorker#callSyncedLater}). Lost to
     * a power cut, it only lets the message be handled again, which is right: the message did not
     * cause the power cut.
     */
    private SeenMessages.State admit(String key) {
        return store.callSyncedLater(s -> admit(s, key)).join();
    }

    /** On the store thread, inside the caller's transaction. */
    private SeenMessages.State admit(Store s, String key) {
        SeenMessages.State found = s.seenMessages().lookup(key);
        if (found == SeenMessages.State.UNKNOWN) {
            s.seenMessages().markInProgress(key, clock.now());
        }
        return found;
    }

    /** A message found already seen, or still in progress from earlier in this run, is deleted unanswered. */
    private void settleUnhandled(Deletions deletions, MailboxMessage message, String key, SeenMessages.State state)
            throws MailboxException {
        if (state == SeenMessages.State.SEEN) {
            deletions.add(message);
            if (!crashedBeforeStart.remove(key)) {
                onLoop(() -> rejected(RejectReason.DUPLICATE));
            }
            return;
        }
        // In progress: its handling failed earlier in this run; it is not tried twice.
        store.call(s -> {
            s.seenMessages().markSeen(key, clock.now());
            return null;
        }).join();
        deletions.add(message);
        onLoop(() -> events.record("host", EventSource.MAIL, "Could not handle message"));
    }

    /**
     * Handles {@code mail} on the loop, then stores its reply with its seen mark and admits the
     * message read after it ({@code nextKey}, null when there is none to admit), in one unsynced
     * transaction
     * handed to the store in the loop's task that handled the command (when it answers at once), so
     * that it is stored ahead of the events that task recorded. Once it is stored, delivery starts on
     * the loop while the future completes for the mailbox thread.
     */
    private CompletableFuture<Handled> handle(CommandMail mail, String nextKey) {
        String key = mail.seenKey();
        return onLoopAsync(() -> handler.handle(mail).thenCompose(reply -> storeReply(key, reply, nextKey)))
                .thenApply(done -> {
                    if (!done.stored().isEmpty()) {
                        onLoop(() -> delivery.added(done.stored())); // the mailbox thread goes on meanwhile
                    }
                    return done;
                });
    }

    /** Stores the reply in the outbox, marks the message seen and admits the next one, in one transaction. Any thread. */
    private CompletableFuture<Handled> storeReply(String key, Optional<CommandReply> reply, String nextKey) {
        Instant now = clock.now();
        List<NewMail> answer = reply.map(r -> List.of(replies.of(r, now))).orElse(List.of());
        return store.callSyncedLater(s -> s.inTransaction(() -> {
            List<StoredMail> stored = s.seenMessages().markSeenWithReplies(key, now, answer);
            return new Handled(stored, nextKey == null ? null : admit(s, nextKey));
        }));
    }

    /**
     * The messages of one poll to delete, passed on to the mailbox {@value #DELETION_BATCH} at a time
     * and at the end, each batch only after the store is synced: the replies and seen marks are
     * committed without a sync, and must survive a power cut before their messages can go.
     */
    private final class Deletions {
        private final MailboxSession session;
        private final List<MailboxMessage> waiting = new ArrayList<>();

        Deletions(MailboxSession session) {
            this.session = session;
        }

        void add(MailboxMessage message) throws MailboxException {
            waiting.add(message);
            if (waiting.size() >= DELETION_BATCH) {
                passOn();
            }
        }

        /** After a failure: the message is kept for {@link #passOnAfterFailure}. */
        void addQuietly(MailboxMessage message) {
            waiting.add(message);
        }

        void passOn() throws MailboxException {
            if (waiting.isEmpty()) {
                return;
            }
            store.syncLog(); // the replies and seen marks, on disk before their messages go
            for (MailboxMessage message : waiting) {
                session.delete(message);
            }
            waiting.clear();
        }

        /** The poll failed: what was settled is still deleted if the connection allows. */
        void passOnAfterFailure() {
            try {
                passOn();
            } catch (MailboxException | RuntimeException e) {
                // The connection is gone: the messages are read again next time and found seen.
                log.debug("Settled messages could not be marked deleted", e);
            }
        }
    }

    /** A listed message, read; {@code mail} is null for one too large to read, and for one {@code gone}. */
    private record Read(MailboxMessage message, CommandMail mail, boolean gone) {
        boolean tooLarge() {
            return mail == null && !gone;
        }
    }

    /** A handled message's stored reply, and the state of the next message it admitted (null: none). */
    private record Handled(List<StoredMail> stored, SeenMessages.State next) {
    }

    // ---- back on the loop ----

    private void reachable() {
        if (failing) {
            events.record("host", EventSource.MAIL, "Mailbox responding");
        }
        failing = false;
        failuresInARow = 0;
        attemptOutcomes.accept(false);
    }

    private void unreachable() {
        if (!failing) {
            events.record("host", EventSource.MAIL, "Mailbox not Responding");
        }
        failing = true;
        failuresInARow++;
        attemptOutcomes.accept(true);
    }

    private void rejected(RejectReason reason) {
        events.record("host", EventSource.MAIL, "Rejected mail: " + reason.text());
    }

    /**
     * @param foundMail whether the poll found any message: the next one comes within {@link #AFTER_MAIL}
     * @param broken    whether the mailbox failed after the poll had reached it (a dropped connection,
     *                  a refused command): the next one comes within {@link #AFTER_MAIL} too, unless the
     *                  poll before failed so
     */
    private void pollDone(boolean foundMail, boolean broken) {
        polling = false;
        brokenInARow = broken ? brokenInARow + 1 : 0;
        release(awaitingThisPoll);
        if (pollAgain && !failing && !stopped) {
            pollAgain = false;
            startPoll();
            return;
        }
        pollAgain = false;
        release(awaitingNextPoll); // no poll follows at once: do not keep them waiting for the interval
        boolean soon = foundMail || brokenInARow == 1;
        Duration wait = soon && AFTER_MAIL.compareTo(interval) < 0 ? AFTER_MAIL : interval;
        if (failing) {
            Duration backoff = MailDelivery.backoff(failuresInARow);
            wait = backoff.compareTo(interval) > 0 ? backoff : interval;
        }
        schedule(wait);
    }

    private void onLoop(Runnable work) {
        loop.execute(work);
    }

    private <T> CompletableFuture<T> onLoopAsync(Supplier<java.util.concurrent.CompletionStage<T>> work) {
        return CompletableFuture.supplyAsync(work, loop).thenCompose(stage -> stage);
    }
}
