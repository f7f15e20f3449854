package org.imssim.firmware;

import io.netty.util.concurrent.EventExecutor;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.imssim.firmware.sim.SimulatedFaults;
import org.imssim.devices.unit.UnitId;
import org.imssim.firmware.alarm.PowerGateFaults;
import org.imssim.firmware.alarm.AlarmAddress;
import org.imssim.firmware.alarm.AlarmEngine;
import org.imssim.firmware.alarm.AlarmEvents;
import org.imssim.firmware.alarm.ScheduleCalendar;
import org.imssim.firmware.alarm.delivery.AlarmDelivery;
import org.imssim.firmware.alarm.delivery.AlarmListeners;
import org.imssim.firmware.alarm.delivery.AlarmMail;
import org.imssim.firmware.alarm.delivery.AlarmResponses;
import org.imssim.firmware.alarm.delivery.Recipients;
import org.imssim.firmware.command.CommandRegistry;
import org.imssim.firmware.command.MailCommandHandler;
import org.imssim.firmware.config.EmailConfig;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.ProbeMode;
import org.imssim.firmware.event.EventHistory;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.event.StoredEventHistory;
import org.imssim.firmware.hardware.OutletPowerUp;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.firmware.mail.IdleWatcher;
import org.imssim.firmware.mail.MailDelivery;
import org.imssim.firmware.mail.MailboxPoller;
import org.imssim.firmware.mail.ReplyMail;
import org.imssim.firmware.mail.mailbox.ImapMailbox;
import org.imssim.firmware.mail.mailbox.Mailbox;
import org.imssim.firmware.mail.outbound.SmtpMailer;
import org.imssim.firmware.net.IpDeviceMonitor;
import org.imssim.firmware.net.NetworkProbe;
import org.imssim.firmware.net.ProbeRunner;
import org.imssim.firmware.net.SimulatedProbe;
import org.imssim.firmware.net.SystemProbe;
import org.imssim.firmware.outlet.OutletControl;
import org.imssim.firmware.profile.Profiles;
import org.imssim.firmware.status.StatusReader;
import org.imssim.firmware.store.Retention;
import org.imssim.firmware.store.StoreWorker;
import org.imssim.firmware.store.StoredOccurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The firmware of one IMS-4000 unit: its configuration, hardware, durable store, event history,
 * mail out and two-way e-mail, and, as they are built, its alarms and outlets.
 *
 * <p>One event loop owns it, as one CPU runs a unit's firmware: every method that reads or changes
 * state must run on {@link #loop()}; other threads go through {@link #onLoop(Supplier)}. Blocking
 * work runs on the unit's own threads — the store thread, the mail-out thread and the mailbox
 * thread — and posts its results back to the loop. Nothing here is static, so many units can run
 * side by side on one event loop group.
 */
public final class UnitFirmware {

    private static final Logger log = LoggerFactory.getLogger(UnitFirmware.class);

    private final ImsConfig config;
    private final EventExecutor loop;
    private final UnitClock clock;
    private final StoreWorker store;
    private final EventHistory events;
    private final Profiles profiles;
    private final UnitHardware hardware;
    private final StatusReader status;
    private final ExecutorService mailOutThread;
    private final ExecutorService mailboxThread;
    private final ExecutorService netThreads;
    private final ProbeRunner probes;
    private final IpDeviceMonitor ipDevices;
    private final SmtpMailer mailer;
    private final MailDelivery delivery;
    private final MailboxPoller poller;
    private final IdleWatcher idle;
    private final Retention retention;
    private final AlarmEngine alarms;
    private final AlarmDelivery alarmDelivery;
    private final AlarmResponses alarmResponses;
    private final PowerGateFaults powerGateFaults;
    private final SimulatedFaults faults = new SimulatedFaults();
    private final SimulatedProbe simulatedProbe;
    private final OutletControl outlets;
    private boolean started;

    /** A unit on {@code loop} with {@code clock}; it takes over {@code store} and closes it when stopped. */
    public UnitFirmware(ImsConfig config, EventExecutor loop, UnitClock clock, StoreWorker store) {
        this.config = config;
        this.loop = loop;
        this.clock = clock;
        this.store = store;
        this.events = new StoredEventHistory(store, clock::now, loop);
        this.profiles = new Profiles(config.profiles());
        this.hardware = UnitHardware.build(config, loop, clock);
        String name = config.unit().name();
        this.mailOutThread = Executors.newSingleThreadExecutor(daemon("imssim-mail-out-" + name));
        this.mailboxThread = Executors.newSingleThreadExecutor(daemon("imssim-mailbox-" + name));
        this.netThreads = Executors.newFixedThreadPool(2, daemon("imssim-net-" + name));
        this.simulatedProbe = config.network().probe() == ProbeMode.SIMULATED
                ? new SimulatedProbe(config.network().simulatedHosts()) : null;
        NetworkProbe probe = simulatedProbe != null ? simulatedProbe : new SystemProbe();
        this.probes = new ProbeRunner(probe, netThreads, loop);
        this.ipDevices = new IpDeviceMonitor(config.ipDevices(), probe, netThreads, loop, clock,
                (device, answered) -> alarms().report(AlarmAddress.ipDevice(device.name(), UnitId.parse(device.unit())),
                        !answered, device.address()));
        EmailConfig email = config.email();
        this.mailer = SmtpMailer.isConfigured(email.smtp(), email.returnAddress()) ? new SmtpMailer(email.smtp(), faults::smtpRefusing) : null;
        this.retention = new Retention(clock, store, config.events().retention());
        String smtpServer = email.smtp().server() + ":" + email.smtp().port();
        this.delivery = new MailDelivery(loop, clock, events, store, mailOutThread, mailer,
                failing -> alarms().report(AlarmAddress.smtp(), failing, smtpServer));
        this.outlets = new OutletControl(config, hardware, clock, store, events, loop);
        this.alarmResponses = new AlarmResponses(hardware, outlets);
        this.alarmDelivery = new AlarmDelivery(config.delivery(), hardware,
                new Recipients(config.profiles(), ScheduleCalendar.of(config)), new AlarmMail(config, hardware),
                delivery::send, this::alarms, clock, new StoredOccurrenceJournal(store));
        this.alarms = new AlarmEngine(hardware, config, clock, AlarmEvents.into(events),
                AlarmListeners.of(alarmResponses, alarmDelivery));
        this.powerGateFaults = new PowerGateFaults(hardware, alarms, clock);
        this.status = new StatusReader(config, hardware, alarms::state,
                device -> ipDevices.state(device).orElse(IpDeviceMonitor.RESPONDING));
        if (email.twoWay().enabled() && Mailbox.isConfigured(email.twoWay())) {
            Set<String> own = new LinkedHashSet<>();
            own.add(email.twoWay().address());
            if (email.returnAddress() != null) {
                own.add(email.returnAddress());
            }
            own.remove(null);
            Mailbox mailbox = Mailbox.of(email.twoWay(), email.smtp().trust());
            this.poller = new MailboxPoller(loop, clock, events, store, mailboxThread,
                    faults.mailbox(mailbox), email.twoWay().pollInterval(), own,
                    new MailCommandHandler(this, CommandRegistry.standard()), new ReplyMail(email), delivery,
                    failing -> alarms().report(AlarmAddress.mailbox(), failing,
                            email.twoWay().server() + ":" + email.twoWay().port()));
            this.idle = mailbox instanceof ImapMailbox imap ? new IdleWatcher(imap, poller, loop, name) : null;
        } else {
            this.poller = null;
            this.idle = null;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Starts the unit on its loop: records {@code Configuration loaded} and {@code Unit started},
     * powers up the outlets, resumes delivering the outbox and starts reading the mailbox. The
     * future completes once the outlets are in their power-up state.
     */
    public CompletableFuture<Void> start() {
        return onLoop(() -> {
            if (started) {
                throw new IllegalStateException("The unit is already started");
            }
            started = true;
            return null;
        }).thenCompose(ignored -> store.call(s -> s.occurrences().open())
                .exceptionally(failure -> {
                    log.error("The open alarm occurrences could not be read; none is resumed", failure);
                    return List.of();
                }))
                .thenComposeAsync(this::startOnLoop, loop);
    }

    /**
     * The rest of {@link #start()}, on the loop, once the open occurrences are read: they are
     * resumed before any input is evaluated, and their due rounds go out.
     */
    private CompletableFuture<Void> startOnLoop(List<StoredOccurrence> openOccurrences) {
        String source = config.sourceFile() == null ? "(built in)" : config.sourceFile().toString();
        events.record("host", EventSource.SYSTEM, "Configuration loaded: " + source);
        events.record("host", EventSource.SYSTEM, config.email().twoWay().requirePassword()
                ? "Unit started"
                : "Unit started; outlet and ack commands need no password");
        CompletableFuture<Void> outlets = powerUpOutlets();
        retention.start();
        ipDevices.start();
        alarms.start(openOccurrences);
        powerGateFaults.start();
        alarmDelivery.resumeRounds();
        delivery.start();
        if (poller != null) {
            poller.start();
            if (idle != null) {
                idle.start();
            }
        } else if (config.email().twoWay().enabled()) {
            log.warn("Two-way e-mail is enabled but email.two-way has no server; the mailbox is not read");
        }
        log.info("Unit {} started", config.unit().name());
        return outlets;
    }

    /**
     * Powers up the outlets of the PowerGates whose relays power up with the unit, and starts the
     * PowerGates on lines talking: each of those is powered up when its link says it has just
     * powered up, and otherwise only read (SPEC §11).
     */
    private CompletableFuture<Void> powerUpOutlets() {
        hardware.startLines(number -> powerUp(List.of(number)));
        return powerUp(hardware.powerUpAtStart());
    }

    private CompletableFuture<Void> powerUp(Iterable<Integer> gates) {
        return store.call(s -> OutletPowerUp.decideAndStore(config, gates, s, clock.now()))
                .handleAsync((actions, failure) -> {
                    if (failure != null) {
                        log.error("The outlets' stored states could not be read; their relays stay as they are", failure);
                    } else {
                        OutletPowerUp.apply(hardware, actions);
                    }
                    return null;
                }, loop);
    }

    /**
     * Stops the unit: no new poll or delivery starts, running work finishes, the hardware and the
     * store are closed. Blocks until done; call it from outside the loop.
     */
    public void stop() {
        onLoop(() -> {
            started = false;
            retention.stop();
            ipDevices.stop();
            powerGateFaults.stop();
            alarms.stop();
            alarmDelivery.stop();
            alarmResponses.stop();
            outlets.stop();
            delivery.stop();
            if (poller != null) {
                poller.stop();
            }
            return null;
        }).join();
        if (idle != null) {
            idle.stop();
        }
        shutdown(mailboxThread);
        shutdown(mailOutThread);
        netThreads.shutdownNow();
        if (mailer != null) {
            mailer.close();
        }
        onLoop(() -> {
            hardware.close();
            return null;
        }).join();
        // Events recorded until now are handed to the store by tasks already on the loop.
        onLoopLater(() -> null).join();
        store.close();
        log.info("Unit {} stopped", config.unit().name());
    }

    private static void shutdown(ExecutorService thread) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(15, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code work} on the unit's loop and completes with its result (or failure). */
    public <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
        return result;
    }

    /**
     * Runs {@code work} on the unit's loop after every task already queued there (never inline),
     * e.g. after the tasks in which devices take in a change just made.
     */
    public <T> CompletableFuture<T> onLoopLater(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The simulation's mail faults (SPEC §10); they may be set only where the mail server is embedded. */
    public SimulatedFaults simulatedFaults() {
        return faults;
    }

    /** The simulated network, when {@code network.probe: simulated}. */
    public Optional<SimulatedProbe> simulatedProbe() {
        return Optional.ofNullable(simulatedProbe);
    }

    /** The health of the unit's mail paths (loop only). */
    public Health health() {
        String mailbox = poller == null ? "off" : poller.health();
        return new Health("up", delivery.smtpHealth(), mailbox,
                new Health.Outbox(delivery.pending(), delivery.oldestSeconds()));
    }

    public ImsConfig config() {
        return config;
    }

    public EventExecutor loop() {
        return loop;
    }

    public UnitClock clock() {
        return clock;
    }

    /** The event history (record on the loop only). */
    public EventHistory events() {
        return events;
    }

    public Profiles profiles() {
        return profiles;
    }

    /** The Host, Nodes and PowerGates (loop only). */
    public UnitHardware hardware() {
        return hardware;
    }

    /** Snapshots of what a profile may see (loop only). */
    public StatusReader status() {
        return status;
    }

    /** The per-input alarm state machines (loop only). */
    public AlarmEngine alarms() {
        return alarms;
    }

    /** Switching outlets: the one path of commands, the API and alarm responses (loop only). */
    public OutletControl outlets() {
        return outlets;
    }

    /** Ping and trace, on the unit's network threads (loop only). */
    public ProbeRunner probes() {
        return probes;
    }

    /** Mail out through the durable outbox. */
    public MailDelivery delivery() {
        return delivery;
    }
}
