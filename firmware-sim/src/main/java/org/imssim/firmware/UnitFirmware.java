package org.imssim.firmware;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.event.EventHistory;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.status.StatusReader;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.event.MemoryEventHistory;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.firmware.profile.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The firmware of one IMS-4000 unit: its configuration, hardware, event history and, as they are
 * built, its alarms, mail and commands.
 *
 * <p>One event loop owns it, as one CPU runs a unit's firmware: every method that reads or changes
 * state must run on {@link #loop()}; other threads go through {@link #onLoop(Supplier)}. Nothing
 * here is static, so many units can run side by side on one event loop group.
 */
public final class UnitFirmware {

    private static final Logger log = LoggerFactory.getLogger(UnitFirmware.class);

    /** How many events the in-memory history keeps until the durable store exists. */
    private static final int EVENTS_KEPT = 10_000;

    private final ImsConfig config;
    private final EventExecutor loop;
    private final UnitClock clock;
    private final EventHistory events;
    private final Profiles profiles;
    private final UnitHardware hardware;
    private final StatusReader status;
    private boolean started;

    public UnitFirmware(ImsConfig config, EventExecutor loop, UnitClock clock) {
        this.config = config;
        this.loop = loop;
        this.clock = clock;
        this.events = new MemoryEventHistory(clock::now, EVENTS_KEPT);
        this.profiles = new Profiles(config.profiles());
        this.hardware = UnitHardware.build(config, loop, clock);
        this.status = new StatusReader(config, hardware);
    }

    /** Starts the unit on its loop: records {@code Configuration loaded} and {@code Unit started}. */
    public CompletableFuture<Void> start() {
        return onLoop(() -> {
            if (started) {
                throw new IllegalStateException("The unit is already started");
            }
            started = true;
            String source = config.sourceFile() == null ? "(built in)" : config.sourceFile().toString();
            events.record("host", EventSource.SYSTEM, "Configuration loaded: " + source);
            events.record("host", EventSource.SYSTEM, config.email().twoWay().requirePassword()
                    ? "Unit started"
                    : "Unit started; outlet and ack commands need no password");
            log.info("Unit {} started", config.unit().name());
            return null;
        });
    }

    /** Stops the unit on its loop; what is running finishes, nothing new starts. */
    public CompletableFuture<Void> stop() {
        return onLoop(() -> {
            started = false;
            hardware.close();
            log.info("Unit {} stopped", config.unit().name());
            return null;
        });
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

    /** The health of the unit's mail paths (loop only). */
    public Health health() {
        String mailbox = config.email().twoWay().enabled() ? "ok" : "off";
        return new Health("up", "ok", mailbox, new Health.Outbox(0, 0));
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

    /** The event history (loop only). */
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
}
