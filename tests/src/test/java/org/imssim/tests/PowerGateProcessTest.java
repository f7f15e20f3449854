package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.imssim.devices.powergate.LinkChange;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.devices.powergate.serial.LineTimings;
import org.imssim.devices.powergate.serial.SerialPowerGate;
import org.imssim.hal.serial.SerialPortLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imssim powergate} as a real child process on one end of a socat pty pair, the unit's
 * {@link SerialPowerGate} on the other: it switches, prints, stops on SIGTERM (the unit sees the
 * link go down), and a new process is seen as a PowerGate that powered up.
 */
class PowerGateProcessTest {

    private static final LineTimings TIMINGS = new LineTimings(Duration.ofMillis(400), 3, Duration.ofMillis(200),
            Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(200));

    @TempDir
    Path dir;

    private final ExecutorService loop = Executors.newSingleThreadExecutor();
    private final List<LinkChange> linkChanges = new CopyOnWriteArrayList<>();
    private SocatPair socat;
    private SerialPowerGate gate;

    @AfterEach
    void tearDown() throws Exception {
        if (gate != null) {
            onLoop(() -> {
                gate.close();
                return null;
            });
        }
        loop.shutdown();
        loop.awaitTermination(5, TimeUnit.SECONDS);
        if (socat != null) {
            socat.close();
        }
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> work) throws Exception {
        try {
            return loop.submit(work).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void theDeviceEndSwitchesPrintsStopsAndIsSeenPoweredUpWhenStartedAgain() throws Exception {
        socat = SocatPair.in(dir).start();
        String b = socat.b().toString();
        try (ChildJvm device = ChildJvm.start(dir, Map.of(), "powergate", "--port", b, "--outlets", "4")) {
            gate = new SerialPowerGate(PowerGateSetup.of(2, "Bench", 4),
                    () -> SerialPortLink.open(socat.a().toString(), 9600), socat.a().toString(), loop, TIMINGS);
            onLoop(() -> gate.onLinkChange(linkChanges::add));
            gate.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> onLoop(gate::linkUp));
            assertThat(linkChanges).containsExactly(new LinkChange(2, true, true));

            assertThat(onLoop(() -> gate.command(3, OutletAction.ON, "test"))).isEqualTo(OutletState.ON);
            await().atMost(Duration.ofSeconds(5)).until(() -> device.stdout().contains("Outlet 3: ON"));
            onLoop(() -> gate.command(3, OutletAction.CYCLE, "test"));
            await().atMost(Duration.ofSeconds(5)).until(() -> device.stdout().contains("Outlet 3: OFF"));
            assertThat(device.stdout()).isEqualTo("Outlet 3: ON\nOutlet 3: OFF\n");

            device.terminate();
            device.waitForExit(10);
            await().atMost(Duration.ofSeconds(5)).until(() -> !onLoop(gate::linkUp));
            assertThat(onLoop(() -> gate.outlet(3).state())).isEqualTo(OutletState.UNKNOWN);
            assertThatThrownBy(() -> onLoop(() -> gate.command(1, OutletAction.ON, "test")))
                    .hasMessage("PowerGate 2 Bench is not answering.");
            assertThat(device.stderr()).doesNotContain("Exception");
        }
        try (ChildJvm again = ChildJvm.start(dir, Map.of(), "powergate", "--port", b, "--outlets", "4")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> onLoop(gate::linkUp));
            assertThat(linkChanges).containsExactly(new LinkChange(2, true, true), new LinkChange(2, false, false),
                    new LinkChange(2, true, true));
            assertThat(onLoop(() -> gate.outlet(3).state())).isEqualTo(OutletState.OFF);
            assertThat(again.stdout()).isEmpty();
        }
    }
}
