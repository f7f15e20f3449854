package org.imssim.firmware.net;

import java.util.function.BiConsumer;
import java.util.Objects;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.imssim.firmware.config.IpDeviceConfig;
import org.imssim.firmware.loop.TimerHandle;
import org.imssim.firmware.loop.UnitClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IP device monitors (SPEC §4): every {@code interval} each enabled device is pinged once,
 * tried up to {@code retries} times with {@code timeout} each; a device that answers none is
 * {@code Ping Timeout}, one that answers again {@code Responding}. Probes run on the unit's
 * network threads; the states belong to the event loop.
 *
 * <p>This is the monitors' state, shown by the status; every result is also told to a listener,
 * for the device's {@code ip/<name>} alarm (SPEC §4).
 */
public final class IpDeviceMonitor {

    private static final Logger log = LoggerFactory.getLogger(IpDeviceMonitor.class);

    public static final String RESPONDING = "Responding";
    public static final String PING_TIMEOUT = "Ping Timeout";

    private final List<IpDeviceConfig> devices;
    private final NetworkProbe probe;
    private final Executor netThreads;
    private final Executor loop;
    private final UnitClock clock;
    private final Map<String, String> states = new LinkedHashMap<>();
    private final Map<String, TimerHandle> next = new LinkedHashMap<>();
    private final BiConsumer<IpDeviceConfig, Boolean> results;
    private boolean stopped;

    public IpDeviceMonitor(List<IpDeviceConfig> devices, NetworkProbe probe, Executor netThreads, Executor loop,
                           UnitClock clock) {
        this(devices, probe, netThreads, loop, clock, (device, answered) -> { });
    }

    /**
     * As above, telling {@code results} on the loop whether each device answered, after every probe.
     */
    public IpDeviceMonitor(List<IpDeviceConfig> devices, NetworkProbe probe, Executor netThreads, Executor loop,
                           UnitClock clock, BiConsumer<IpDeviceConfig, Boolean> results) {
        this.results = Objects.requireNonNull(results, "results");
        this.devices = devices.stream().filter(IpDeviceConfig::enabled).toList();
        this.probe = probe;
        this.netThreads = netThreads;
        this.loop = loop;
        this.clock = clock;
        this.devices.forEach(d -> states.put(d.name(), RESPONDING));
    }

    /** Probes every device now and then every interval. Loop only. */
    public void start() {
        devices.forEach(this::probe);
    }

    /** Loop only. */
    public void stop() {
        stopped = true;
        next.values().forEach(TimerHandle::cancel);
    }

    /** {@code Responding} or {@code Ping Timeout}; empty for a device not monitored. Loop only. */
    public Optional<String> state(String name) {
        return Optional.ofNullable(states.get(name));
    }

    /** Every monitored device's state. Loop only. */
    public Map<String, String> states() {
        return Collections.unmodifiableMap(states);
    }

    private void probe(IpDeviceConfig device) {
        if (stopped) {
            return;
        }
        Optional<Target> target = Target.parse(device.address());
        CompletableFuture.supplyAsync(() -> target.isPresent() && answersWithin(device, target.get()), netThreads)
                .whenCompleteAsync((answered, failure) -> {
                    if (stopped) {
                        return;
                    }
                    String now = failure == null && answered ? RESPONDING : PING_TIMEOUT;
                    String before = states.put(device.name(), now);
                    if (!now.equals(before)) {
                        log.info("IP device {} ({}): {}", device.name(), device.address(), now);
                    }
                    next.put(device.name(), clock.schedule(device.interval(), () -> probe(device)));
                    results.accept(device, RESPONDING.equals(now));
                }, loop);
    }

    private boolean answersWithin(IpDeviceConfig device, Target target) {
        for (int attempt = 0; attempt < Math.max(1, device.retries()); attempt++) {
            if (probe.answers(target, device.timeout())) {
                return true;
            }
        }
        return false;
    }
}
