package org.imssim.firmware.alarm.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.imssim.firmware.alarm.Acknowledgment;
import org.imssim.firmware.alarm.AlarmAddress;
import org.imssim.firmware.alarm.AlarmEngine;
import org.imssim.firmware.alarm.AlarmListener;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.alarm.CloseReason;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.alarm.StartReason;
import org.imssim.firmware.alarm.StoredOccurrences;
import org.imssim.firmware.alarm.UnitAcknowledgment;
import org.imssim.firmware.config.DeliveryConfig;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.loop.TimerHandle;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.firmware.store.NewMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calling rounds of SPEC §4 "Delivery", as an {@link AlarmListener} of the unit's alarm engine.
 *
 * <ul>
 *   <li>Round 1, when an occurrence starts (new, re-armed or a trouble), goes to every active
 *       contact of the profiles that receive it ({@link Recipients}). Rounds 2 to
 *       {@code max-rounds} follow every {@code intercall-delay} on the unit's clock, to the
 *       until-acknowledged contacts active then; each resends the alarm mail, subject unchanged,
 *       saying whether the input has returned to normal.</li>
 *   <li>One intercall delay after the last round, an occurrence nobody acknowledged is
 *       acknowledged by the unit ({@code calling rounds used up}); when round 1 reached no
 *       until-acknowledged contact, the unit acknowledges it at once
 *       ({@code no until-acknowledged contact}).</li>
 *   <li>Rounds stop when the occurrence is acknowledged, closed or ends.</li>
 *   <li>With the input's {@code return-to-normal: true}: back in range while unacknowledged, the
 *       return-to-normal mail goes at once to the active inform-only contacts; back in range once
 *       acknowledged (and a trouble that ends acknowledged), it goes to the acknowledger's active
 *       contacts and the active inform-only contacts.</li>
 *   <li>Each address gets at most one mail per round, even as a contact of two profiles.</li>
 * </ul>
 *
 * <p>Mails go into the durable outbox ({@code send}); an alarm counts as having reached a contact
 * when its mail was handed to the outbox. Loop-confined, like the engine that calls it; the engine
 * is reached through a supplier because the engine is built with this listener.
 *
 * <p>Every open occurrence is kept in the {@link OccurrenceJournal} at each change (started, round
 * sent, acknowledged, back in range, out of range again), with its last round and when its next
 * round (or the unit's own acknowledgment) is due, and removed when its life ends. After a
 * restart, {@link #occurrenceResumed} takes up the rounds of a resumed occurrence and
 * {@link #resumeRounds()} sends its next round when it is due, at once if that time passed while
 * the unit was down; a round already sent is never sent again.
 */
public final class AlarmDelivery implements AlarmListener {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmDelivery.class);

    private final UnitClock clock;
    private final Duration intercallDelay;
    private final int maxRounds;
    private final UnitHardware hardware;
    private final Recipients recipients;
    private final AlarmMail mails;
    private final Function<NewMail, CompletableFuture<?>> outbox;
    private final Supplier<AlarmEngine> engine;
    private final OccurrenceJournal journal;
    /** The last round sent of each open occurrence, by id. */
    private final Map<String, Integer> rounds = new HashMap<>();
    /** Resumed occurrences whose next round waits for {@link #resumeRounds()}. */
    private final List<Calling> resumed = new ArrayList<>();
    /** The occurrences being called, by id. */
    private final Map<String, Calling> calling = new HashMap<>();
    private boolean stopped;

    /**
     * @param delivery   {@code delivery:} — intercall delay and max rounds
     * @param hardware   the inputs (their {@code return-to-normal} setting)
     * @param recipients who gets the mails
     * @param mails      writes them
     * @param outbox     puts a mail into the durable outbox (the unit's {@code MailDelivery::send})
     * @param engine     the alarm engine, for acknowledging in the unit's name and reading an
     *                   occurrence's state at a later round
     * @param clock      the unit's clock; its timers run on the unit's loop
     */
    public AlarmDelivery(DeliveryConfig delivery, UnitHardware hardware, Recipients recipients, AlarmMail mails,
                         Function<NewMail, CompletableFuture<?>> outbox, Supplier<AlarmEngine> engine, UnitClock clock) {
        this(delivery, hardware, recipients, mails, outbox, engine, clock, OccurrenceJournal.NONE);
    }

    /** As above, keeping the open occurrences in {@code journal}. */
    public AlarmDelivery(DeliveryConfig delivery, UnitHardware hardware, Recipients recipients, AlarmMail mails,
                         Function<NewMail, CompletableFuture<?>> outbox, Supplier<AlarmEngine> engine, UnitClock clock,
                         OccurrenceJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.intercallDelay = delivery.intercallDelay();
        this.maxRounds = delivery.maxRounds();
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.recipients = Objects.requireNonNull(recipients, "recipients");
        this.mails = Objects.requireNonNull(mails, "mails");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Cancels every pending round, for good (the unit stops). */
    public void stop() {
        stopped = true;
        calling.values().forEach(Calling::cancel);
        calling.clear();
        resumed.clear();
    }

    /** How many occurrences are being called now (for tests and status). */
    public int callingCount() {
        return calling.size();
    }

    @Override
    public void occurrenceStarted(Occurrence occurrence, StartReason reason) {
        if (stopped) {
            return;
        }
        Calling call = new Calling(occurrence);
        calling.put(occurrence.id(), call);
        List<Recipient> round1 = recipients.ofRound(occurrence, clock.now(), false);
        send(round1, to -> mails.alarm(occurrence, to, 1, maxRounds, false, clock.now()));
        rounds.put(occurrence.id(), 1);
        if (round1.stream().noneMatch(Recipient::untilAcknowledged)) {
            // stored by acknowledged(), which this calls
            engine.get().acknowledgeByUnit(occurrence.id(), UnitAcknowledgment.NO_UNTIL_ACKNOWLEDGED_CONTACT);
            endCalling(occurrence.id());
            return;
        }
        call.schedule();
        persist(occurrence);
    }

    @Override
    public void occurrenceResumed(Occurrence occurrence, int round, Instant nextRound) {
        if (stopped) {
            return;
        }
        rounds.put(occurrence.id(), round);
        if (!occurrence.isAcknowledgeable()) {
            return;
        }
        Calling call = new Calling(occurrence);
        call.round = round;
        call.due = nextRound == null ? clock.now() : nextRound;
        calling.put(occurrence.id(), call);
        resumed.add(call);
    }

    /**
     * After the engine resumed the stored occurrences and evaluated the inputs: each resumed
     * occurrence still being called gets its next round (or the unit's own acknowledgment) at its
     * stored time, at once when that time passed while the unit was down.
     */
    public void resumeRounds() {
        List<Calling> due = List.copyOf(resumed);
        resumed.clear();
        for (Calling call : due) {
            if (!stopped && calling.get(call.started.id()) == call) {
                call.resumeAt(call.due);
            }
        }
    }

    @Override
    public void acknowledged(Occurrence occurrence, Acknowledgment by) {
        endCalling(occurrence.id());
        if (occurrence.isOpen()) {
            persist(occurrence);
        } else {
            forget(occurrence.id());
        }
    }

    @Override
    public void closed(Occurrence occurrence, CloseReason why) {
        endCalling(occurrence.id());
        forget(occurrence.id());
    }

    @Override
    public void stateChanged(AlarmAddress address, AlarmState previous, AlarmState current) {
        engine.get().occurrence(address).ifPresent(this::persist);
    }

    @Override
    public void returnedToNormal(Occurrence occurrence, boolean acknowledged) {
        if (!occurrence.isOpen()) {
            endCalling(occurrence.id());
            forget(occurrence.id());
        } else {
            persist(occurrence);
        }
        if (stopped || !returnToNormalMail(occurrence)) {
            return;
        }
        Instant now = clock.now();
        Optional<String> acknowledger = acknowledged
                ? occurrence.acknowledgment().flatMap(Acknowledgment::username)
                : Optional.empty();
        send(recipients.ofReturnToNormal(occurrence, now, acknowledger), to -> mails.normal(occurrence, to, now));
    }

    private boolean returnToNormalMail(Occurrence occurrence) {
        return engine.get().mailsReturnToNormal(occurrence.address());
    }

    private void endCalling(String occurrenceId) {
        Calling call = calling.remove(occurrenceId);
        if (call != null) {
            call.cancel();
        }
    }

    /** Stores the open occurrence with its last round and next round's time. */
    private void persist(Occurrence occurrence) {
        if (stopped || !occurrence.isOpen()) {
            return;
        }
        Calling call = calling.get(occurrence.id());
        journal.save(StoredOccurrences.toStored(occurrence, rounds.getOrDefault(occurrence.id(), 0),
                call == null ? null : call.due));
    }

    private void forget(String occurrenceId) {
        rounds.remove(occurrenceId);
        if (!stopped) {
            journal.remove(occurrenceId);
        }
    }

    private void send(List<Recipient> to, Function<Recipient, NewMail> mail) {
        for (Recipient recipient : to) {
            NewMail m = mail.apply(recipient);
            outbox.apply(m).whenComplete((stored, failure) -> {
                if (failure != null) {
                    LOG.error("The mail \"{}\" to {} could not be put into the outbox", m.subject(), m.to(), failure);
                }
            });
        }
    }

    /** The calling of one occurrence: the last round sent and the timer of what comes next. */
    private final class Calling {
        private final Occurrence started;
        private int round = 1;
        /** When the next round or the unit's own acknowledgment is due. */
        private Instant due;
        private TimerHandle timer;

        Calling(Occurrence started) {
            this.started = started;
        }

        /** After the last round: the unit's own acknowledgment; before: the next round. */
        void schedule() {
            due = clock.now().plus(intercallDelay);
            timer = clock.schedule(intercallDelay, this::due);
        }

        /** Resumed: what comes next is due at {@code at}; now if that has passed. */
        void resumeAt(Instant at) {
            Duration left = Duration.between(clock.now(), at);
            if (left.isNegative() || left.isZero()) {
                due();
            } else {
                due = at;
                timer = clock.schedule(left, this::due);
            }
        }

        void cancel() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }

        private void due() {
            timer = null;
            if (stopped || calling.get(started.id()) != this) {
                return;
            }
            Optional<Occurrence> now = engine.get().occurrence(started.address())
                    .filter(o -> o.id().equals(started.id()) && o.isAcknowledgeable());
            if (now.isEmpty()) {
                calling.remove(started.id());
                return;
            }
            if (round >= maxRounds) {
                engine.get().acknowledgeByUnit(started.id(), UnitAcknowledgment.ROUNDS_USED_UP);
                endCalling(started.id());
                return;
            }
            round++;
            rounds.put(started.id(), round);
            int thisRound = round;
            boolean backInRange = now.get().state() == AlarmState.RTN_UNACKED;
            send(recipients.ofRound(now.get(), clock.now(), true),
                    to -> mails.alarm(now.get(), to, thisRound, maxRounds, backInRange, clock.now()));
            schedule();
            persist(now.get());
        }
    }
}
