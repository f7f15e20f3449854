package org.imssim.devices.powergate.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imssim.devices.powergate.LinkChange;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.devices.powergate.ShutdownPolicy;
import org.imssim.hal.serial.SerialPortLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LcusPowerGate} over a socat pty pair, a fake LCUS board at the far end. */
class LcusPowerGateTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final UnitLoop loop = new UnitLoop();
    private final List<LinkChange> linkChanges = new CopyOnWriteArrayList<>();
    private SocatPair socat;
    private FakeLcusBoard board;
    private LcusPowerGate gate;

    @AfterEach
    void tearDown() throws Exception {
        if (gate != null) {
            loop.run(gate::close);
        }
        if (board != null) {
            board.close();
        }
        if (socat != null) {
            socat.close();
        }
        loop.close();
    }

    @Test
    void framesAreA0RelayStateAndTheirSum() {
        assertThat(LcusPowerGate.frame(1, true)).containsExactly(0xA0, 0x01, 0x01, 0xA2);
        assertThat(LcusPowerGate.frame(2, false)).containsExactly(0xA0, 0x02, 0x00, 0xA2);
        assertThat(LcusPowerGate.frame(8, true)).containsExactly(0xA0, 0x08, 0x01, 0xA9);
        assertThatThrownBy(() -> LcusPowerGate.frame(0, true)).isInstanceOf(IllegalArgumentException.class);
    }

    private void start(PowerGateSetup setup) throws Exception {
        socat = SocatPair.in(dir).start();
        board = new FakeLcusBoard(SerialPortLink.open(socat.b().toString(), 9600), setup.outlets());
        gate = new LcusPowerGate(setup, () -> SerialPortLink.open(socat.a().toString(), 9600), "test line",
                loop.executor(), SerialPowerGateContract.FAST);
        loop.run(() -> gate.onLinkChange(linkChanges::add));
        gate.start();
        awaitLink(true);
    }

    private void awaitLink(boolean up) {
        await().atMost(WAIT).until(() -> loop.call(gate::linkUp) == up);
    }

    private OutletState command(int m, OutletAction action) throws Exception {
        return loop.call(() -> gate.command(m, action, "test"));
    }

    @Test
    void theModuleOpensPoweredUpWithEveryOutletOff() throws Exception {
        start(PowerGateSetup.of(4, "Desk", 2));
        assertThat(linkChanges).containsExactly(new LinkChange(4, true, true));
        assertThat(loop.call(() -> gate.outlets().stream().map(o -> o.state()).toList()))
                .containsExactly(OutletState.OFF, OutletState.OFF);
    }

    @Test
    void switchesOnOffAndCyclesWithGoodFrames() throws Exception {
        start(PowerGateSetup.of(4, "Desk", 2));
        assertThat(command(2, OutletAction.ON)).isEqualTo(OutletState.ON);
        await().atMost(WAIT).until(() -> board.on(2));
        assertThat(command(2, OutletAction.CYCLE)).isEqualTo(OutletState.CYCLING);
        await().atMost(WAIT).until(() -> !board.on(2));
        assertThat(loop.call(() -> gate.finishCycle(2))).isTrue();
        await().atMost(WAIT).until(() -> board.on(2));
        command(1, OutletAction.ON);
        command(1, OutletAction.OFF);
        command(2, OutletAction.OFF);
        await().atMost(WAIT).until(() -> board.switched().size() == 6);
        assertThat(board.switched()).containsExactly("Relay 2: ON", "Relay 2: OFF", "Relay 2: ON", "Relay 1: ON",
                "Relay 1: OFF", "Relay 2: OFF");
        assertThat(board.badFrames()).isZero();
        assertThat(loop.call(() -> gate.outlet(1).relayFault())).isFalse();
    }

    @Test
    void aModulePulledOutTakesTheLinkDownAndIsPoweredUpWhenBack() throws Exception {
        start(PowerGateSetup.of(4, "Desk", 2));
        command(1, OutletAction.ON);
        await().atMost(WAIT).until(() -> board.on(1));
        board.close();
        socat.stop();
        awaitLink(false);
        assertThat(loop.call(() -> gate.outlet(1).state())).isEqualTo(OutletState.UNKNOWN);
        assertThatThrownBy(() -> command(1, OutletAction.OFF)).hasMessage("PowerGate 4 Desk is not answering.");
        socat.start();
        board = new FakeLcusBoard(SerialPortLink.open(socat.b().toString(), 9600), 2);
        awaitLink(true);
        assertThat(linkChanges).containsExactly(new LinkChange(4, true, true), new LinkChange(4, false, false),
                new LinkChange(4, true, true));
        assertThat(loop.call(() -> gate.outlet(1).state())).isEqualTo(OutletState.OFF);
    }

    @Test
    void closeSwitchesAsOnShutdownSays() throws Exception {
        start(PowerGateSetup.of(4, "Desk", 2).withShutdown(ShutdownPolicy.ON));
        loop.run(gate::close);
        await().atMost(WAIT).until(() -> board.on(1) && board.on(2));
        gate = null;
    }
}
