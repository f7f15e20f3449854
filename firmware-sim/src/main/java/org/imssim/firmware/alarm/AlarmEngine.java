package org.imssim.firmware.alarm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.imssim.devices.unit.Input;
import org.imssim.devices.unit.InputAddress;
import org.imssim.devices.unit.Node;
import org.imssim.devices.unit.Unit;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.ScheduleConfig;
import org.imssim.firmware.hardware.InputSettings;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.firmware.store.StoredOccurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarms of one unit's inputs (SPEC §4): an alarm state machine for every input in use, on
 * the Host and its Nodes, fed by the inputs' changes and the unit's clock.
 *
 * <p>What it does: recognition time, occurrences with 8-digit acknowledgment codes unique among
 * open occurrences, acknowledgment, reset time (re-arm), sensor trouble, disabling and weekly
 * schedules in {@code unit.time-zone} with {@code holidays}, min and max. It records the events
 * of SPEC §8 through {@link AlarmEvents} and tells an {@link AlarmListener} about every occurrence,
 * so that delivery can mail, run alarm responses and store occurrences durably.
 *
 * <p>Threads: loop-confined. Every method must be called on the unit's event loop, the thread
 * that delivers the inputs' changes and runs the clock's timers. No locks.
 *
 * <p>Things that are not inputs alarm through the same machine under their own addresses
 * ({@link AlarmAddress}): every IP device, PowerGate and outlet of the configuration, the SMTP
 * server and, with two-way e-mail, the mailbox ({@link NonInputAlarms}). Their sources report
 * their level through {@link #report}.
 *
 * <p>Schedules are re-evaluated at every whole minute of the unit's clock (by a timer that exists
 * only while some input has a schedule); a schedule's ranges are whole minutes of local time.
 */
public final class AlarmEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmEngine.class);

    private final UnitHardware hardware;
    private final ImsConfig config;
    private final UnitClock clock;
    private final ScheduleCalendar calendar;
    private final AlarmContext context;
    private final Map<InputAddress, InputAlarm> alarms = new TreeMap<>();
    private final Map<String, FaultAlarm> faults = new LinkedHashMap<>();
    private final MinuteTimer minuteTimer;
    private boolean started;

    /**
     * An engine for every input of {@code hardware}; nothing happens before {@link #start()}.
     *
     * @param hardware the unit's inputs and their resolved settings
     * @param config   the configuration: unit name, time zone, holidays, Node names
     * @param clock    the unit's clock; its timers run on the unit's loop
     * @param events   where events are recorded ({@link AlarmEvents#into} the unit's history)
     * @param listener told about every occurrence
     */
    public AlarmEngine(UnitHardware hardware, ImsConfig config, UnitClock clock, AlarmEvents events,
                       AlarmListener listener) {
        this(hardware, config, clock, events, listener, new AcknowledgmentCodes());
    }

    /** With the caller's randomness for codes (tests). */
    AlarmEngine(UnitHardware hardware, ImsConfig config, UnitClock clock, AlarmEvents events,
                AlarmListener listener, RandomGenerator codeRandom) {
        this(hardware, config, clock, events, listener, new AcknowledgmentCodes(codeRandom));
    }

    private AlarmEngine(UnitHardware hardware, ImsConfig config, UnitClock clock, AlarmEvents events,
                        AlarmListener listener, AcknowledgmentCodes codes) {
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calendar = ScheduleCalendar.of(config);
        this.context = new AlarmContext(clock, Objects.requireNonNull(events, "events"),
                new GuardedListener(Objects.requireNonNull(listener, "listener")), codes);
        this.minuteTimer = new MinuteTimer(clock, this::minuteStruck);
    }

    /**
     * Starts watching every input in use: each is evaluated as it stands now (out of range:
     * {@code PENDING}; sensor missing: {@code TROUBLE} after 60 s; another sensor type:
     * {@code TROUBLE}), and from now on at each change.
     *
     * @throws IllegalStateException when already started (an engine is started once)
     */
    public void start() {
        start(List.of());
    }

    /**
     * Starts as {@link #start()} does, first resuming the occurrences found open in the store
     * (SPEC §4): each input with one takes its state and occurrence, its code is taken again, and
     * the listener is told ({@link AlarmListener#occurrenceResumed}); only then is every input
     * evaluated against its current reading. An occurrence whose input is no longer configured is
     * {@linkplain AlarmListener#closed closed} ({@link CloseReason#INPUT_REMOVED}) with a log line.
     * A row that is not an input's, or cannot be read, is left in the store and its code stays taken.
     *
     * @param stored the open occurrences as stored, oldest first
     * @throws IllegalStateException when already started (an engine is started once)
     */
    public void start(List<StoredOccurrence> stored) {
        if (started) {
            throw new IllegalStateException("The alarm engine is already started");
        }
        started = true;
        boolean anySchedule = false;
        for (FaultPoint point : NonInputAlarms.of(config, hardware)) {
            faults.put(point.address().text(), new FaultAlarm(point, context));
            anySchedule |= point.schedule() != null;
        }
        for (Unit unit : hardware.units()) {
            String unitName = unitName(unit);
            for (Input input : unit.inputs()) {
                InputSettings settings = hardware.settings(input.address());
                InputAlarm alarm = new InputAlarm(input, settings, unitName, context);
                alarms.put(input.address(), alarm);
                anySchedule |= schedule(settings) != null;
            }
        }
        stored.forEach(this::resume);
        for (InputAlarm alarm : alarms.values()) {
            alarm.start(calendar.isActive(schedule(alarm.settings()), clock.now()));
        }
        for (FaultAlarm fault : faults.values()) {
            fault.setInSchedule(calendar.isActive(fault.point().schedule(), clock.now()));
        }
        if (anySchedule) {
            minuteTimer.start();
        }
        LOG.info("Alarm engine watching {} inputs and {} other things", alarms.size(), faults.size());
    }

    private void resume(StoredOccurrence row) {
        Alarm alarm = faults.get(row.address());
        if (alarm == null) {
            try {
                alarm = alarms.get(InputAddress.parse(row.address()));
            } catch (RuntimeException e) {
                alarm = null;
            }
        }
        try {
            if (alarm == null) {
                AlarmAddress address = removedAddress(row.address());
                Occurrence gone = StoredOccurrences.fromStored(row, address, "", row.address()).ended(AlarmState.NOT_IN_USE);
                LOG.info("Open occurrence {} (code {}) of {} closed: that is no longer in the configuration",
                        row.id(), row.code(), row.address());
                context.listener().closed(gone, CloseReason.INPUT_REMOVED);
                return;
            }
            Occurrence occurrence = StoredOccurrences.fromStored(row, alarm.address(), alarm.unitName(), alarm.name());
            alarm.resume(occurrence);
            LOG.info("Resumed {} (round {}, next {})", occurrence, row.round(), row.nextRound());
            context.listener().occurrenceResumed(occurrence, row.round(), row.nextRound());
        } catch (RuntimeException e) {
            LOG.error("Stored occurrence {} of {} could not be resumed", row.id(), row.address(), e);
            keepCode(row);
        }
    }

    /** The address of a stored occurrence whose input or thing is gone: an input's if it reads as one. */
    private static AlarmAddress removedAddress(String text) {
        try {
            return AlarmAddress.of(InputAddress.parse(text));
        } catch (RuntimeException e) {
            return new AlarmAddress(text, org.imssim.devices.unit.UnitId.host(), null);
        }
    }

    private void keepCode(StoredOccurrence row) {
        try {
            context.codes().reserve(row.code(), null);
        } catch (IllegalStateException e) {
            LOG.warn("Stored occurrence {} shares its code with another", row.id());
        }
    }

    /**
     * Stops following the inputs and cancels every timer, for good. Open occurrences are left as
     * they are (they are resumed from the store after a restart, not closed by a stop).
     */
    public void stop() {
        minuteTimer.stop();
        alarms.values().forEach(InputAlarm::stop);
        faults.values().forEach(FaultAlarm::stop);
    }

    /**
     * The level a thing that is not an input is at now, as its source sees it (SPEC §4): faulty or
     * not. Sources may report the same level as often as they like; only a change moves the
     * machine. A report about an address this engine does not watch (the mailbox without two-way
     * e-mail, an IP device disabled) is ignored.
     *
     * @param address the thing: {@link AlarmAddress#smtp()}, {@link AlarmAddress#ipDevice}, …
     * @param fault   true while it is faulty
     * @param value   what the alarm mail shows as its value (a server, an address); may be empty
     */
    public void report(AlarmAddress address, boolean fault, String value) {
        FaultAlarm alarm = started ? faults.get(address.text()) : null;
        if (alarm == null) {
            LOG.debug("No alarm watches {}; its report is ignored", address);
            return;
        }
        alarm.report(fault, value);
    }

    /** The state of any alarm, an input's or a thing's; {@code NOT_IN_USE} for an address not watched. */
    public AlarmState state(AlarmAddress address) {
        Alarm alarm = find(address);
        return alarm == null ? AlarmState.NOT_IN_USE : alarm.state();
    }

    /** The open occurrence of any alarm, an input's or a thing's. */
    public Optional<Occurrence> occurrence(AlarmAddress address) {
        return Optional.ofNullable(find(address)).flatMap(Alarm::occurrence);
    }

    /** Whether the return to normal of {@code address} is mailed (an input's or IP device's {@code return-to-normal}). */
    public boolean mailsReturnToNormal(AlarmAddress address) {
        FaultAlarm fault = faults.get(address.text());
        if (fault != null) {
            return fault.point().returnToNormal();
        }
        return address.inputAddress().filter(alarms::containsKey)
                .map(a -> hardware.settings(a).config())
                .map(c -> c.returnToNormal()).orElse(true);
    }

    /** What a return to normal of {@code address} is called in mails: {@code Responding} for an IP device, else {@code Normal}. */
    public String normalWord(AlarmAddress address) {
        FaultAlarm fault = faults.get(address.text());
        return fault == null ? "Normal" : fault.point().normalWord();
    }

    private Alarm find(AlarmAddress address) {
        FaultAlarm fault = faults.get(address.text());
        if (fault != null) {
            return fault;
        }
        return address.inputAddress().map(alarms::get).orElse(null);
    }

    /** The input's alarm state; {@code NOT_IN_USE} for a channel with no input. */
    public AlarmState state(InputAddress address) {
        InputAlarm alarm = alarms.get(address);
        return alarm == null ? AlarmState.NOT_IN_USE : alarm.state();
    }

    /** The input's open occurrence, acknowledged or not. */
    public Optional<Occurrence> occurrence(InputAddress address) {
        InputAlarm alarm = alarms.get(address);
        return alarm == null ? Optional.empty() : alarm.occurrence();
    }

    /** Every open occurrence, by input address. */
    public List<Occurrence> openOccurrences() {
        List<Occurrence> open = new ArrayList<>();
        for (InputAlarm alarm : alarms.values()) {
            alarm.occurrence().ifPresent(open::add);
        }
        for (FaultAlarm alarm : faults.values()) {
            alarm.occurrence().ifPresent(open::add);
        }
        return Collections.unmodifiableList(open);
    }

    /**
     * The occurrence {@code code} would acknowledge now, for the caller's permission check (the
     * user must see its unit and have its class); empty when the code is no longer valid.
     */
    public Optional<Occurrence> acknowledgeable(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return context.codes().holder(code)
                .flatMap(Alarm::occurrence)
                .filter(o -> o.code().equals(code) && o.isAcknowledgeable());
    }

    /**
     * Acknowledges the occurrence whose code is {@code code}, once, while it waits for it
     * ({@code ALARM_UNACKED}, {@code RTN_UNACKED}, or a trouble), and records
     * {@code Acknowledged: <input name> by <username> via <via>}. Permissions are the caller's.
     *
     * @return {@link AcknowledgeOutcome.Acknowledged}, or {@link AcknowledgeOutcome.NoLongerValid}
     *         for a code unknown, used, or whose occurrence was acknowledged, closed or re-armed
     * @throws IllegalArgumentException for a blank username or {@link Via#UNIT} (see {@link #acknowledgeByUnit})
     */
    public AcknowledgeOutcome acknowledge(String code, String username, Via via) {
        Acknowledgment by = Acknowledgment.byUser(username, via, clock.now());
        return acknowledgeable(code)
                .flatMap(o -> find(o.address()).acknowledge(by))
                .<AcknowledgeOutcome>map(AcknowledgeOutcome.Acknowledged::new)
                .orElseGet(AcknowledgeOutcome.NoLongerValid::new);
    }

    /**
     * Acknowledges the input's open occurrence (the API's {@code POST /api/alarms/…/ack}).
     *
     * @return {@link AcknowledgeOutcome.Acknowledged}, or {@link AcknowledgeOutcome.NothingToAcknowledge}
     *         when the input has no occurrence waiting for acknowledgment
     * @throws IllegalArgumentException for a blank username or {@link Via#UNIT}
     */
    public AcknowledgeOutcome acknowledgeInput(InputAddress address, String username, Via via) {
        Acknowledgment by = Acknowledgment.byUser(username, via, clock.now());
        InputAlarm alarm = alarms.get(address);
        return Optional.ofNullable(alarm)
                .flatMap(a -> a.acknowledge(by))
                .<AcknowledgeOutcome>map(AcknowledgeOutcome.Acknowledged::new)
                .orElseGet(AcknowledgeOutcome.NothingToAcknowledge::new);
    }

    /**
     * The unit acknowledges the occurrence {@code occurrenceId} itself (rounds used up, or no
     * until-acknowledged contact), recording {@code Acknowledged by the unit: <reason>}.
     *
     * @return {@link AcknowledgeOutcome.Acknowledged}, or {@link AcknowledgeOutcome.NoLongerValid}
     *         when that occurrence is no longer open or already acknowledged
     */
    public AcknowledgeOutcome acknowledgeByUnit(String occurrenceId, UnitAcknowledgment reason) {
        Acknowledgment by = Acknowledgment.byUnit(reason, clock.now());
        return java.util.stream.Stream.concat(alarms.values().stream(), faults.values().stream())
                .filter(a -> a.occurrence().map(o -> o.id().equals(occurrenceId)).orElse(false))
                .findFirst()
                .flatMap(a -> a.acknowledge(by))
                .<AcknowledgeOutcome>map(AcknowledgeOutcome.Acknowledged::new)
                .orElseGet(AcknowledgeOutcome.NoLongerValid::new);
    }

    /** The input's min and max since start or reset; empty for a binary input or one never read. */
    public Optional<MinMax> minMax(InputAddress address) {
        InputAlarm alarm = alarms.get(address);
        return alarm == null ? Optional.empty() : alarm.minMax();
    }

    /**
     * Starts the input's min and max again from its current reading.
     *
     * @throws IllegalArgumentException for a channel with no input
     */
    public void resetMinMax(InputAddress address) {
        alarm(address).resetMinMax();
    }

    /**
     * Enables or disables the input. Disabling closes an open occurrence with the event
     * {@code Alarm closed: <input name>, input disabled}; a disabled input never alarms. Enabling
     * evaluates the input afresh.
     *
     * @throws IllegalArgumentException for a channel with no input
     */
    public void setEnabled(InputAddress address, boolean enabled) {
        alarm(address).setEnabled(enabled);
    }

    /** True when the input is in use, enabled and inside its schedule: only then can it alarm. */
    public boolean isWatching(InputAddress address) {
        InputAlarm alarm = alarms.get(address);
        return alarm != null && alarm.watching();
    }

    /** The calendar schedules are read in. */
    public ScheduleCalendar calendar() {
        return calendar;
    }

    private void minuteStruck() {
        for (InputAlarm alarm : alarms.values()) {
            alarm.setInSchedule(calendar.isActive(schedule(alarm.settings()), clock.now()));
        }
        for (FaultAlarm fault : faults.values()) {
            fault.setInSchedule(calendar.isActive(fault.point().schedule(), clock.now()));
        }
    }

    private InputAlarm alarm(InputAddress address) {
        InputAlarm alarm = alarms.get(address);
        if (alarm == null) {
            throw new IllegalArgumentException("No input at " + address);
        }
        return alarm;
    }

    private static ScheduleConfig schedule(InputSettings settings) {
        return settings.config() == null ? null : settings.config().schedule();
    }

    /** SPEC §2: {@code unit.name} for the Host, the Node's name or {@code Node <n>} for a Node. */
    private String unitName(Unit unit) {
        if (unit instanceof Node node) {
            return node.name().orElse("Node " + node.number());
        }
        return config.unit().name();
    }
}
