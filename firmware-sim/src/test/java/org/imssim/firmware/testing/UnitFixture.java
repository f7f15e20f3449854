package org.imssim.firmware.testing;

import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.loop.VirtualClock;
import org.imssim.firmware.store.StoreWorker;

/** A unit on its own event loop and a virtual clock, built from YAML text, for tests. */
public final class UnitFixture implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-29T15:04:05Z");

    private final EventExecutor loop = new DefaultEventExecutor();
    private final VirtualClock clock;
    private final UnitFirmware unit;
    private final StoreWorker store;

    private final Path storage;
    /** Whether the storage is this fixture's own temporary folder, deleted at close. */
    private final boolean ownStorage;

    private UnitFixture(ImsConfig config, Path storage, Instant start) {
        this(config, storage, start, store -> { });
    }

    private UnitFixture(ImsConfig config, Path storage, Instant start, java.util.function.Consumer<StoreWorker> beforeStart) {
        this.clock = new VirtualClock(loop, start);
        this.ownStorage = storage == null;
        try {
            this.storage = ownStorage ? java.nio.file.Files.createTempDirectory("imssim-unit-") : storage;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.store = StoreWorker.open(this.storage, config.unit().name());
        beforeStart.accept(store);
        this.unit = new UnitFirmware(config, loop, clock, store);
        unit.start().join();
    }

    /** A started unit with this configuration; environment variables come from {@code env}. */
    public static UnitFixture start(String yaml, Map<String, String> env) {
        return new UnitFixture(load(yaml, env), null, START);
    }

    /**
     * A started unit on {@code storage}, which the caller owns (it may hold what an earlier run, or
     * the test through {@link org.imssim.firmware.store.Store}, left there) and which is kept at close.
     */
    public static UnitFixture startOn(Path storage, String yaml) {
        return startOn(storage, yaml, START);
    }

    /**
     * As {@link #startOn(Path, String)}, with the clock starting at {@code start}: a restart later
     * than an earlier run's clock models the time the unit was down.
     */
    public static UnitFixture startOn(Path storage, String yaml, Instant start) {
        return startOn(storage, yaml, Map.of(), start);
    }

    /** As {@link #startOn(Path, String, Instant)}, with environment variables from {@code env}. */
    public static UnitFixture startOn(Path storage, String yaml, Map<String, String> env, Instant start) {
        return new UnitFixture(load(yaml, env), storage, start);
    }

    public static UnitFixture start(String yaml) {
        return start(yaml, Map.of());
    }

    /**
     * A started unit whose store {@code beforeStart} has seen first (to add a rider, say), before
     * the unit ran anything: with IMAP IDLE, the first poll starts with the unit, not with the clock.
     */
    public static UnitFixture start(String yaml, java.util.function.Consumer<StoreWorker> beforeStart) {
        return new UnitFixture(load(yaml, Map.of()), null, START, beforeStart);
    }

    /**
     * The configuration of a unit named Lab that sends mail through the SMTP server on loopback
     * port {@code smtpPort} (no security) as {@code ims@example.com}, and has nothing else.
     */
    public static String smtpOnly(int smtpPort) {
        return """
                unit: {name: Lab, time-zone: UTC}
                email:
                  smtp: {server: 127.0.0.1, port: %d, security: none}
                  return-address: ims@example.com
                """.formatted(smtpPort);
    }

    /** Loads YAML text that must be valid; a failure names every error. */
    public static ImsConfig load(String yaml, Map<String, String> env) {
        ConfigResult result = ConfigLoader.load(yaml, Path.of("."), env::get);
        if (!result.ok()) {
            throw new IllegalArgumentException("Test configuration has errors: " + result.errors());
        }
        return result.config();
    }

    public UnitFirmware unit() {
        return unit;
    }

    public VirtualClock clock() {
        return clock;
    }

    /**
     * The unit's store thread, to look at what the unit stored (its outbox, its seen messages). Calls
     * queue behind the unit's own, so a read sees every write the unit made before it.
     */
    public StoreWorker store() {
        return store;
    }

    /** Runs {@code work} on the unit's loop and waits for its result. */
    public <T> T onLoop(Supplier<T> work) {
        return unit.onLoop(work).join();
    }

    /** Runs {@code work} on the loop, waits for the stage it returns, and gives its result. */
    public <T> T await(Supplier<? extends java.util.concurrent.CompletionStage<T>> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        unit.onLoop(() -> work.get().whenComplete((v, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(v);
            }
        }));
        return done.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        unit.stop();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (!ownStorage) {
            return;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(storage)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    /** The unit's newest events' texts, newest first. */
    public java.util.List<String> eventTexts() {
        return await(() -> unit.events().newest(1000)).stream().map(org.imssim.firmware.event.Event::text).toList();
    }
}
