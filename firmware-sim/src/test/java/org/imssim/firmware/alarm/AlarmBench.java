package org.imssim.firmware.alarm;

import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.imssim.devices.unit.Input;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.loop.VirtualClock;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;

/**
 * An alarm engine on a unit's hardware, its own event loop and a virtual clock that starts when
 * the test says (schedules, DST), with every event and listener call recorded. Mock channels are
 * driven on the loop, and each drive waits until the input has told the engine.
 */
final class AlarmBench implements AutoCloseable {

    /** A Monday, 10:00 UTC. */
    static final Instant MONDAY_10 = Instant.parse("2026-11-30T10:00:00Z");

    private final EventExecutor loop = new DefaultEventExecutor();
    private final VirtualClock clock;
    private final UnitHardware hardware;
    private final AlarmEngine engine;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> eventUnits = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> stateChanges = new CopyOnWriteArrayList<>();
    private final List<Occurrence> started = new CopyOnWriteArrayList<>();

    private AlarmBench(ImsConfig config, Instant start, RandomGenerator codes, AlarmListener extra) {
        this(config, start, codes, extra, true);
    }

    private AlarmBench(ImsConfig config, Instant start, RandomGenerator codes, AlarmListener extra,
                       boolean startEngine) {
        this.clock = new VirtualClock(loop, start);
        this.hardware = UnitHardware.build(config, loop, clock);
        AlarmEvents recorder = (unit, text) -> {
            eventUnits.add(unit.id());
            events.add(text);
        };
        AlarmListener listener = new Recorder(extra);
        this.engine = codes == null
                ? new AlarmEngine(hardware, config, clock, recorder, listener)
                : new AlarmEngine(hardware, config, clock, recorder, listener, codes);
        if (startEngine) {
            startEngine();
        }
    }

    /** A bench whose engine is not started yet: drive the hardware, then {@link #startEngine()}. */
    static AlarmBench unstarted(String yaml) {
        return new AlarmBench(load(yaml), MONDAY_10, null, null, false);
    }

    void startEngine() {
        onLoop(() -> {
            engine.start();
            return null;
        });
    }

    static AlarmBench start(String yaml) {
        return start(yaml, MONDAY_10);
    }

    static AlarmBench start(String yaml, Instant start) {
        return new AlarmBench(load(yaml), start, null, null);
    }

    static AlarmBench start(String yaml, Instant start, RandomGenerator codes) {
        return new AlarmBench(load(yaml), start, codes, null);
    }

    static AlarmBench start(String yaml, AlarmListener extra) {
        return new AlarmBench(load(yaml), MONDAY_10, null, extra);
    }

    static ImsConfig load(String yaml) {
        ConfigResult result = ConfigLoader.load(yaml, Path.of("."), Map.<String, String>of()::get);
        if (!result.ok()) {
            throw new IllegalArgumentException("Test configuration has errors: " + result.errors());
        }
        return result.config();
    }

    AlarmEngine engine() {
        return engine;
    }

    VirtualClock clock() {
        return clock;
    }

    /** Drives an analog mock channel to {@code value} (raw units, before calibration). */
    void set(String address, double value) {
        MockAnalogInput mock = (MockAnalogInput) channel(address);
        drive(() -> mock.mockValue(value));
    }

    /** Drives a binary mock channel to the level that reads {@code word}. */
    void set(String address, String word) {
        Input input = hardware.input(InputAddress.parse(address)).orElseThrow();
        boolean level = input.type().levelForWord(word);
        MockDigitalInput mock = (MockDigitalInput) channel(address);
        drive(() -> mock.mockLevel(level));
    }

    void unplug(String address) {
        Object mock = channel(address);
        drive(() -> {
            if (mock instanceof MockAnalogInput analog) {
                analog.unplug();
            } else {
                ((MockDigitalInput) mock).unplug();
            }
        });
    }

    void plug(String address) {
        Object mock = channel(address);
        drive(() -> {
            if (mock instanceof MockAnalogInput analog) {
                analog.plug();
            } else {
                ((MockDigitalInput) mock).plug();
            }
        });
    }

    void plug(String address, String kind) {
        Object mock = channel(address);
        drive(() -> {
            if (mock instanceof MockAnalogInput analog) {
                analog.plug(kind);
            } else {
                ((MockDigitalInput) mock).plug(kind);
            }
        });
    }

    void advance(Duration step) {
        clock.advance(step);
    }

    /** Advances the clock to {@code instant}. */
    void advanceTo(Instant instant) {
        clock.advance(Duration.between(clock.now(), instant));
    }

    Instant now() {
        return clock.now();
    }

    AlarmState state(String address) {
        return onLoop(() -> engine.state(InputAddress.parse(address)));
    }

    Optional<Occurrence> occurrence(String address) {
        return onLoop(() -> engine.occurrence(InputAddress.parse(address)));
    }

    /** The code of the input's open occurrence. */
    String code(String address) {
        return occurrence(address).orElseThrow().code();
    }

    AcknowledgeOutcome acknowledge(String code, String username, Via via) {
        return onLoop(() -> engine.acknowledge(code, username, via));
    }

    /** The events' texts, oldest first. */
    List<String> events() {
        return new ArrayList<>(events);
    }

    /** The unit of each event, oldest first. */
    List<String> eventUnits() {
        return new ArrayList<>(eventUnits);
    }

    /** The listener's occurrence calls, oldest first, as {@code started NEW host/1 High 90.5 F} and the like. */
    List<String> calls() {
        return new ArrayList<>(calls);
    }

    /** The listener's state changes, as {@code host/1 NORMAL>PENDING}. */
    List<String> stateChanges() {
        return new ArrayList<>(stateChanges);
    }

    /** Every occurrence as it was when it started. */
    List<Occurrence> started() {
        return new ArrayList<>(started);
    }

    <T> T onLoop(Supplier<T> work) {
        try {
            return loop.submit(work::get).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The loop did not answer", e);
        }
    }

    @Override
    public void close() {
        onLoop(() -> {
            engine.stop();
            hardware.close();
            return null;
        });
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * The mock channel behind an input; for a fixed channel the file does not mention (which
     * UnitHardware does not list as a mock channel) the one the Host or Node made for it.
     */
    private Object channel(String address) {
        InputAddress at = InputAddress.parse(address);
        return hardware.mockChannel(at)
                .or(() -> hardware.input(at).map(Input::halChannel))
                .orElseThrow();
    }

    /** Runs {@code drive} on the loop, then waits for the input's change, which it posts to the loop. */
    private void drive(Runnable drive) {
        onLoop(() -> {
            drive.run();
            return null;
        });
        onLoop(() -> null);
    }

    private final class Recorder implements AlarmListener {
        private final AlarmListener extra;

        Recorder(AlarmListener extra) {
            this.extra = extra == null ? new AlarmListener() { } : extra;
        }

        @Override
        public void occurrenceStarted(Occurrence occurrence, StartReason reason) {
            started.add(occurrence);
            calls.add("started " + reason + " " + occurrence.address() + " " + occurrence.condition().text()
                    + (occurrence.valueText().isEmpty() ? "" : " " + occurrence.valueText()));
            extra.occurrenceStarted(occurrence, reason);
        }

        @Override
        public void returnedToNormal(Occurrence occurrence, boolean acknowledged) {
            calls.add("returned " + occurrence.address() + " acknowledged=" + acknowledged + " open="
                    + occurrence.isOpen());
            extra.returnedToNormal(occurrence, acknowledged);
        }

        @Override
        public void acknowledged(Occurrence occurrence, Acknowledgment by) {
            calls.add("acknowledged " + occurrence.address() + " " + by + " open=" + occurrence.isOpen());
            extra.acknowledged(occurrence, by);
        }

        @Override
        public void closed(Occurrence occurrence, CloseReason why) {
            calls.add("closed " + occurrence.address() + " " + why + " open=" + occurrence.isOpen());
            extra.closed(occurrence, why);
        }

        @Override
        public void stateChanged(AlarmAddress address, AlarmState previous, AlarmState current) {
            stateChanges.add(address + " " + previous + ">" + current);
            extra.stateChanged(address, previous, current);
        }
    }
}
