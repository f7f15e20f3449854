package org.imssim.firmware.mail;

import java.util.Objects;
import java.util.function.Consumer;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
 *       deleted with {@code Could not handle message};</li>
 *   <li>it is handled on the event loop; its reply goes into the outbox and it is marked seen, in
 *       one transaction;</li>
 *   <li>only then is it deleted from the mailbox (with POP3, at QUIT).</li>
 * </ol>
 * The mailbox is read on the unit's mailbox thread. A mailbox that cannot be read records
 * {@code Mailbox not Responding} once per outage and {@code Mailbox responding} when it is back;
 * meanwhile it is tried again after 5 s, doubling to 5 minutes, but never more often than the
 * poll interval.
 */
public final class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

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

    // Loop-confined.
    private boolean stopped;
    private final Consumer<Boolean> attemptOutcomes;
    private boolean failing;
    private int failuresInARow;
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
        try (MailboxSession session = mailbox.open()) {
            reached = true;
            onLoop(this::reachable);
            for (MailboxMessage message : session.list()) {
                if (isStopped()) {
                    break;
                }
                handle(session, message);
            }
        } catch (MailboxException e) {
            log.warn("Mailbox: {}", e.getMessage());
            if (!reached) {
                onLoop(this::unreachable);
            }
        } catch (RuntimeException e) {
            log.error("A mailbox poll failed", e);
        } finally {
            onLoop(this::pollDone);
        }
    }

    private void handle(MailboxSession session, MailboxMessage message) throws MailboxException {
        if (message.size() > MAX_SIZE) {
            session.delete(message);
            onLoop(() -> rejected(RejectReason.TOO_LARGE));
            return;
        }
        CommandMail mail = CommandMailReader.read(session.fetch(message), ownAddresses);
        String key = mail.seenKey();
        // Looked up and, when new, marked in progress in one visit to the store thread; the mark is
        // durable before the message is handled, as before.
        SeenMessages.State state = store.call(s -> {
            SeenMessages.State found = s.seenMessages().lookup(key);
            if (found == SeenMessages.State.UNKNOWN) {
                s.seenMessages().markInProgress(key, clock.now());
            }
            return found;
        }).join();
        if (state == SeenMessages.State.SEEN) {
            session.delete(message);
            if (!crashedBeforeStart.remove(key)) {
                onLoop(() -> rejected(RejectReason.DUPLICATE));
            }
            return;
        }
        if (state == SeenMessages.State.IN_PROGRESS) {
            // Its handling failed earlier in this run; it is not tried twice.
            store.call(s -> {
                s.seenMessages().markSeen(key, clock.now());
                return null;
            }).join();
            session.delete(message);
            onLoop(() -> events.record("host", EventSource.MAIL, "Could not handle message"));
            return;
        }
        // The reply and the seen mark are handed to the store thread in the loop's task that handled
        // the command (when it answers at once), so they are stored ahead of the events it recorded,
        // which go to the store after that task; delivery starts on the loop as soon as they are.
        onLoopAsync(() -> handler.handle(mail).thenCompose(reply -> storeReply(key, reply)))
                .thenAcceptAsync(stored -> {
                    if (!stored.isEmpty()) {
                        delivery.added(stored);
                    }
                }, loop)
                .join();
        session.delete(message);
    }

    /** Stores the reply in the outbox and marks the message seen, in one transaction. Any thread. */
    private CompletableFuture<List<StoredMail>> storeReply(String key, Optional<CommandReply> reply) {
        Instant now = clock.now();
        List<NewMail> answer = reply.map(r -> List.of(replies.of(r, now))).orElse(List.of());
        return store.call(s -> s.seenMessages().markSeenWithReplies(key, now, answer));
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

    private void pollDone() {
        polling = false;
        release(awaitingThisPoll);
        if (pollAgain && !failing && !stopped) {
            pollAgain = false;
            startPoll();
            return;
        }
        pollAgain = false;
        release(awaitingNextPoll); // no poll follows at once: do not keep them waiting for the interval
        Duration wait = interval;
        if (failing) {
            Duration backoff = MailDelivery.backoff(failuresInARow);
            wait = backoff.compareTo(interval) > 0 ? backoff : interval;
        }
        schedule(wait);
    }

    private boolean isStopped() {
        return CompletableFuture.supplyAsync(() -> stopped, loop).join();
    }

    private void onLoop(Runnable work) {
        loop.execute(work);
    }

    private <T> CompletableFuture<T> onLoopAsync(Supplier<java.util.concurrent.CompletionStage<T>> work) {
        return CompletableFuture.supplyAsync(work, loop).thenCompose(stage -> stage);
    }
}
