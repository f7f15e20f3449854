package org.imssim.devices.powergate.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imssim.devices.powergate.LinkChange;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletChange;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.devices.powergate.ShutdownPolicy;
import org.imssim.hal.ByteLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link SerialPowerGate} does against a {@link PowerGateDevice} at the far end of a line;
 * subclasses give the line (in memory, or a real pty pair).
 */
abstract class SerialPowerGateContract {

    /** Both ends of a line. */
    interface Lines extends AutoCloseable {
        LineOpener unitSide();

        ByteLink deviceSide() throws Exception;

        @Override
        void close();
    }

    static final LineTimings FAST = new LineTimings(Duration.ofMillis(100), 3, Duration.ofMillis(150),
            Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(200));
    static final Duration WAIT = Duration.ofSeconds(5);

    protected final UnitLoop loop = new UnitLoop();
    protected final List<LinkChange> linkChanges = new CopyOnWriteArrayList<>();
    protected final List<OutletChange> outletChanges = new CopyOnWriteArrayList<>();
    protected Lines lines;
    protected DeviceEnd far;
    protected SerialPowerGate gate;

    protected abstract Lines lines() throws Exception;

    /** How patiently the unit end talks: short, so that a silent PowerGate is noticed quickly. */
    protected LineTimings timings() {
        return FAST;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (gate != null) {
            loop.run(gate::close);
        }
        if (far != null) {
            far.close();
        }
        if (lines != null) {
            lines.close();
        }
        loop.close();
    }

    /** Opens the line and the far end (4 outlets), without starting the unit end. */
    protected void farEnd() throws Exception {
        lines = lines();
        far = new DeviceEnd(lines.deviceSide(), 4);
    }

    /** Starts the unit end on the line, its listeners registered first. */
    protected void startGate(PowerGateSetup setup) throws Exception {
        gate = new SerialPowerGate(setup, lines.unitSide(), "test line", loop.executor(), timings());
        loop.run(() -> {
            gate.onLinkChange(linkChanges::add);
            gate.onOutletChange(outletChanges::add);
        });
        gate.start();
    }

    protected void startGate() throws Exception {
        startGate(PowerGateSetup.of(1, "Rack A", 4));
    }

    /** Greets the device and switches outlet 2 on, as a unit before this one did. */
    protected void deviceAlreadyRunningWithOutlet2On() {
        far.device().receive(LineFrame.of(0xF0, "HELLO", "1").encode());
        far.device().receive(LineFrame.of(0xF1, "SET", "2", "ON").encode());
    }

    protected void awaitLink(boolean up) {
        await().atMost(WAIT).until(() -> loop.call(gate::linkUp) == up);
    }

    protected OutletState state(int m) throws Exception {
        return loop.call(() -> gate.outlet(m).state());
    }

    protected boolean fault(int m) throws Exception {
        return loop.call(() -> gate.outlet(m).relayFault());
    }

    protected OutletState command(int m, OutletAction action) throws Exception {
        return loop.call(() -> gate.command(m, action, "test"));
    }

    @Test
    void atStartTheOutletsAreReadBackAndNothingIsCommanded() throws Exception {
        farEnd();
        deviceAlreadyRunningWithOutlet2On();
        startGate();
        awaitLink(true);
        assertThat(linkChanges).containsExactly(new LinkChange(1, true, false));
        assertThat(loop.call(() -> gate.outlets().stream().map(o -> o.state()).toList()))
                .containsExactly(OutletState.OFF, OutletState.ON, OutletState.OFF, OutletState.OFF);
        assertThat(far.switched()).containsExactly("Outlet 2: ON");
    }

    @Test
    void aFreshPowerGateIsReportedPoweredUp() throws Exception {
        farEnd();
        startGate();
        awaitLink(true);
        assertThat(linkChanges).containsExactly(new LinkChange(1, true, true));
        assertThat(far.switched()).isEmpty();
    }

    @Test
    void switchesOnOffAndCycles() throws Exception {
        farEnd();
        startGate();
        awaitLink(true);
        assertThat(command(3, OutletAction.ON)).isEqualTo(OutletState.ON);
        await().atMost(WAIT).until(() -> far.device().commanded(3));
        assertThat(command(3, OutletAction.CYCLE)).isEqualTo(OutletState.CYCLING);
        await().atMost(WAIT).until(() -> !far.device().commanded(3));
        assertThat(command(3, OutletAction.CYCLE)).isEqualTo(OutletState.CYCLING);
        assertThat(loop.call(() -> gate.finishCycle(3))).isTrue();
        assertThat(state(3)).isEqualTo(OutletState.ON);
        await().atMost(WAIT).until(() -> far.device().commanded(3));
        assertThat(command(3, OutletAction.OFF)).isEqualTo(OutletState.OFF);
        await().atMost(WAIT).until(() -> !far.device().commanded(3));
        assertThat(far.switched()).containsExactly("Outlet 3: ON", "Outlet 3: OFF", "Outlet 3: ON", "Outlet 3: OFF");
        assertThat(fault(3)).isFalse();
        assertThat(loop.call(() -> gate.finishCycle(3))).isFalse();
    }

    @Test
    void aStuckRelayShowsARelayFaultUntilItIsFree() throws Exception {
        farEnd();
        startGate();
        awaitLink(true);
        far.device().stick(1, false);
        command(1, OutletAction.ON);
        await().atMost(WAIT).until(() -> fault(1));
        assertThat(state(1)).isEqualTo(OutletState.ON);
        far.device().free(1);
        await().atMost(WAIT).until(() -> !fault(1));
        assertThat(outletChanges).anyMatch(c -> c.relayFaultChanged() && c.current().relayFault());
    }

    @Test
    void aSilentPowerGateTakesTheLinkDownAndComesBackReadNotCommanded() throws Exception {
        farEnd();
        deviceAlreadyRunningWithOutlet2On();
        startGate();
        awaitLink(true);
        far.silent(true);
        awaitLink(false);
        assertThat(linkChanges).containsExactly(new LinkChange(1, true, false), new LinkChange(1, false, false));
        assertThat(loop.call(() -> gate.outlets().stream().map(o -> o.state()).distinct().toList()))
                .containsExactly(OutletState.UNKNOWN);
        assertThat(outletChanges).anyMatch(c -> c.current().number() == 2
                && c.previous().state() == OutletState.ON && c.current().state() == OutletState.UNKNOWN);
        assertThatThrownBy(() -> command(1, OutletAction.ON)).isInstanceOf(IllegalStateException.class)
                .hasMessage("PowerGate 1 Rack A is not answering.");
        far.silent(false);
        awaitLink(true);
        assertThat(linkChanges).last().isEqualTo(new LinkChange(1, true, false));
        assertThat(state(2)).isEqualTo(OutletState.ON);
        assertThat(state(1)).isEqualTo(OutletState.OFF);
        assertThat(far.switched()).containsExactly("Outlet 2: ON");
    }

    @Test
    void aRestartedPowerGateIsReportedPoweredUp() throws Exception {
        farEnd();
        deviceAlreadyRunningWithOutlet2On();
        startGate();
        awaitLink(true);
        far.restart();
        await().atMost(WAIT).until(() -> linkChanges.size() == 2);
        assertThat(linkChanges).containsExactly(new LinkChange(1, true, false), new LinkChange(1, true, true));
        await().atMost(WAIT).until(() -> state(2) == OutletState.OFF);
        assertThat(fault(2)).isFalse();
        assertThat(far.switched()).containsExactly("Outlet 2: ON");
    }

    @Test
    void noiseOnTheLineSwitchesNothingAndTheLinkStaysUp() throws Exception {
        farEnd();
        startGate();
        awaitLink(true);
        command(1, OutletAction.ON);
        await().atMost(WAIT).until(() -> far.device().commanded(1));
        Random random = new Random(7);
        byte[] garbage = new byte[300];
        for (int i = 0; i < 20; i++) {
            random.nextBytes(garbage);
            far.send(garbage);
            far.device().receive(garbage); // and garbage towards the PowerGate
        }
        far.send("\r\n01 STATE 0000 0000 *00\r\n".getBytes(StandardCharsets.US_ASCII));
        far.noise("xx\u0000\u0001\u00ff\r\n".getBytes(StandardCharsets.ISO_8859_1)); // a burst, then the line end
        command(2, OutletAction.ON);
        await().atMost(WAIT).until(() -> far.device().commanded(2));
        far.noise(new byte[0]);
        command(2, OutletAction.OFF);
        await().atMost(WAIT).until(() -> !far.device().commanded(2));
        assertThat(far.switched()).containsExactly("Outlet 1: ON", "Outlet 2: ON", "Outlet 2: OFF");
        assertThat(linkChanges).containsExactly(new LinkChange(1, true, true));
        assertThat(state(1)).isEqualTo(OutletState.ON);
        assertThat(fault(1)).isFalse();
    }

    @Test
    void aDamagedReplyIsRetriedAndTheCommandHolds() throws Exception {
        farEnd();
        startGate();
        awaitLink(true);
        far.damageNext(2);
        command(4, OutletAction.ON);
        await().atMost(WAIT).until(() -> far.device().commanded(4));
        // Two damaged replies, the third try gets through. Requests go one at a time, so once a
        // later command has arrived the first one's exchange is over: the link stayed up, no fault.
        command(3, OutletAction.ON);
        await().atMost(WAIT).until(() -> far.device().commanded(3));
        assertThat(linkChanges).containsExactly(new LinkChange(1, true, true));
        assertThat(state(4)).isEqualTo(OutletState.ON);
        assertThat(fault(4)).isFalse();
        assertThat(far.switched()).containsExactly("Outlet 4: ON", "Outlet 3: ON");
    }

    @Test
    void closeSwitchesAsOnShutdownSaysThenReleasesThePort() throws Exception {
        farEnd();
        startGate(PowerGateSetup.of(1, "Rack A", 4).withShutdown(ShutdownPolicy.OFF));
        awaitLink(true);
        command(1, OutletAction.ON);
        command(2, OutletAction.ON);
        await().atMost(WAIT).until(() -> far.device().commanded(1) && far.device().commanded(2));
        int changes = outletChanges.size();
        loop.run(gate::close);
        assertThat(far.device().commanded(1)).isFalse();
        assertThat(far.device().commanded(2)).isFalse();
        assertThat(outletChanges).hasSize(changes);
        assertThatThrownBy(() -> command(1, OutletAction.ON)).hasMessage("PowerGate 1 Rack A is closed.");
        gate = null;
    }

    @Test
    void aPowerGateWithFewerOutletsShowsTheRestUnknown() throws Exception {
        farEnd();
        startGate(PowerGateSetup.of(2, "", 6));
        awaitLink(true);
        assertThat(state(4)).isEqualTo(OutletState.OFF);
        assertThat(state(5)).isEqualTo(OutletState.UNKNOWN);
        assertThatThrownBy(() -> command(5, OutletAction.ON)).hasMessage("PowerGate 2 has no outlet 5 on its line.");
        assertThatThrownBy(() -> command(7, OutletAction.ON)).hasMessage("PowerGate 2 has outlets 1 to 6.");
    }
}
