package org.imssim.devices.powergate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.imssim.hal.mock.MockDigitalOutput;
import org.junit.jupiter.api.Test;

class PowerGateTest {

    private static final Executor DIRECT = Runnable::run;

    private final MockPowerGate gate = new MockPowerGate(
            PowerGateSetup.of(1, "Rack A", 4).withOutletNames(List.of("Router", "Switch", "NAS", "Camera")), DIRECT);
    private final List<OutletChange> changes = new ArrayList<>();

    @Test
    void describesItself() {
        assertThat(gate.number()).isEqualTo(1);
        assertThat(gate.name()).isEqualTo("Rack A");
        assertThat(gate.displayName()).isEqualTo("PowerGate 1 Rack A");
        assertThat(gate.outletCount()).isEqualTo(4);
        assertThat(gate.outlets()).extracting(Outlet::name).containsExactly("Router", "Switch", "NAS", "Camera");
        assertThat(gate.outlets()).extracting(Outlet::state).containsOnly(OutletState.OFF);
    }

    @Test
    void commandsAreRecordedAndSwitchTheRelay() {
        assertThat(gate.command(2, OutletAction.ON, "alice")).isEqualTo(OutletState.ON);
        gate.command(3, OutletAction.OFF, "host/1");

        assertThat(gate.recordedCommands()).containsExactly(
                new OutletCommand(2, OutletAction.ON, "alice"),
                new OutletCommand(3, OutletAction.OFF, "host/1"));
        assertThat(gate.outlet(2).state()).isEqualTo(OutletState.ON);
        assertThat(gate.relay(2).readBack()).isTrue();
        assertThat(gate.outlet(3).state()).isEqualTo(OutletState.OFF);
        gate.clearRecordedCommands();
        assertThat(gate.recordedCommands()).isEmpty();
    }

    @Test
    void cycleSwitchesOffUntilTheFirmwareFinishesIt() {
        gate.command(1, OutletAction.ON, "alice");
        gate.onOutletChange(changes::add);

        assertThat(gate.command(1, OutletAction.CYCLE, "alice")).isEqualTo(OutletState.CYCLING);
        assertThat(gate.relay(1).commanded()).isFalse();
        assertThat(gate.finishCycle(1)).isTrue();

        assertThat(gate.outlet(1).state()).isEqualTo(OutletState.ON);
        assertThat(gate.relay(1).commanded()).isTrue();
        assertThat(changes).extracting(c -> c.current().state()).containsExactly(OutletState.CYCLING, OutletState.ON);
        assertThat(changes).allMatch(c -> c.powerGate() == 1 && c.stateChanged());
    }

    @Test
    void cycleWhileCyclingIsLeftAlone() {
        gate.command(1, OutletAction.CYCLE, "alice");
        gate.onOutletChange(changes::add);

        assertThat(gate.command(1, OutletAction.CYCLE, "bob")).isEqualTo(OutletState.CYCLING);

        assertThat(changes).isEmpty();
        assertThat(gate.relay(1).setCount()).isEqualTo(1);
        assertThat(gate.recordedCommands()).hasSize(2);
    }

    @Test
    void onOrOffEndsACycleAndALateFinishDoesNothing() {
        gate.command(1, OutletAction.CYCLE, "alice");
        gate.command(1, OutletAction.OFF, "bob");

        assertThat(gate.finishCycle(1)).isFalse();
        assertThat(gate.outlet(1).state()).isEqualTo(OutletState.OFF);
        assertThat(gate.relay(1).commanded()).isFalse();
    }

    @Test
    void sameCommandTwiceReportsOneChange() {
        gate.onOutletChange(changes::add);

        gate.command(4, OutletAction.ON, "alice");
        gate.command(4, OutletAction.ON, "alice");

        assertThat(changes).hasSize(1);
        assertThat(gate.recordedCommands()).hasSize(2);
    }

    @Test
    void stuckRelayShowsARelayFaultUntilFreed() {
        gate.onOutletChange(changes::add);
        MockDigitalOutput relay = gate.relay(2);
        relay.stick();

        gate.command(2, OutletAction.ON, "alice");

        assertThat(gate.outlet(2)).isEqualTo(new Outlet(2, "Switch", OutletState.ON, true));
        relay.free();
        assertThat(gate.outlet(2).relayFault()).isFalse();
        assertThat(changes).extracting(OutletChange::relayFaultChanged).containsExactly(true, true);
    }

    @Test
    void readBackChangesReachTheUnitsThreadThroughItsExecutor() {
        Queue<Runnable> loop = new ArrayDeque<>();
        MockPowerGate queued = new MockPowerGate(PowerGateSetup.of(2, "", 1), loop::add);
        queued.relay(1).stick();
        queued.command(1, OutletAction.ON, "alice");
        assertThat(queued.outlet(1).relayFault()).isTrue();

        queued.relay(1).free();
        assertThat(queued.outlet(1).relayFault()).isTrue();
        loop.remove().run();

        assertThat(queued.outlet(1).relayFault()).isFalse();
    }

    @Test
    void outletsOutOfRangeAreRefusedWithTheSpecSentence() {
        assertThatThrownBy(() -> gate.command(5, OutletAction.ON, "alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PowerGate 1 has outlets 1 to 4.");
        assertThatThrownBy(() -> gate.outlet(0)).hasMessage("PowerGate 1 has outlets 1 to 4.");
        assertThatThrownBy(() -> gate.finishCycle(9)).hasMessage("PowerGate 1 has outlets 1 to 4.");
        assertThat(gate.recordedCommands()).isEmpty();
    }

    @Test
    void shutdownKeepsTheRelaysByDefault() {
        gate.command(1, OutletAction.ON, "alice");

        gate.close();

        assertThat(gate.relay(1).readBack()).isTrue();
        assertThat(gate.relay(1).isClosed()).isTrue();
        assertThatThrownBy(() -> gate.command(1, OutletAction.OFF, "alice"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PowerGate 1 Rack A is closed.");
    }

    @Test
    void shutdownSwitchesEveryOutletWhenToldTo() {
        MockPowerGate off = new MockPowerGate(PowerGateSetup.of(3, "Shelf", 2).withShutdown(ShutdownPolicy.OFF), DIRECT);
        off.command(1, OutletAction.ON, "alice");
        off.command(2, OutletAction.ON, "alice");
        off.onOutletChange(changes::add);

        off.close();

        assertThat(off.relay(1).readBack()).isFalse();
        assertThat(off.relay(2).readBack()).isFalse();
        assertThat(off.outlets()).extracting(Outlet::state).containsOnly(OutletState.OFF);
        assertThat(changes).hasSize(2);
        assertThat(off.recordedCommands()).hasSize(2);
    }

    @Test
    void relayGateStartsAsItsRelaysAreCommanded() {
        RelayPowerGate relays = new RelayPowerGate(PowerGateSetup.of(4, "Desk", 2),
                List.of(new MockDigitalOutput(true), new MockDigitalOutput(false)), DIRECT);

        assertThat(relays.outlets()).extracting(Outlet::state).containsExactly(OutletState.ON, OutletState.OFF);
        assertThat(relays.outlets()).extracting(Outlet::name).containsExactly("Outlet 1", "Outlet 2");
    }

    @Test
    void relayGateNeedsOneRelayPerOutlet() {
        assertThatThrownBy(() -> new RelayPowerGate(PowerGateSetup.of(4, "Desk", 2),
                List.of(new MockDigitalOutput(false)), DIRECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PowerGate 4 Desk has 2 outlets but 1 relays.");
    }

    @Test
    void aSilentMockPowerGateShowsUnknownRefusesCommandsAndComesBackAsItWas() {
        gate.command(1, OutletAction.ON, "alice");
        List<LinkChange> links = new ArrayList<>();
        gate.onLinkChange(links::add);
        gate.onOutletChange(changes::add);

        gate.setSilent(true);

        assertThat(gate.linkUp()).isFalse();
        assertThat(gate.outlets()).extracting(Outlet::state).containsOnly(OutletState.UNKNOWN);
        assertThat(changes).hasSize(4).allMatch(c -> c.current().state() == OutletState.UNKNOWN);
        assertThatThrownBy(() -> gate.command(2, OutletAction.ON, "alice"))
                .isInstanceOf(IllegalStateException.class).hasMessage("PowerGate 1 Rack A is not answering.");
        assertThat(gate.relay(2).commanded()).isFalse();

        changes.clear();
        gate.setSilent(false);

        assertThat(links).containsExactly(new LinkChange(1, false, false), new LinkChange(1, true, false));
        assertThat(gate.outlets()).extracting(Outlet::state)
                .containsExactly(OutletState.ON, OutletState.OFF, OutletState.OFF, OutletState.OFF);
        assertThat(changes).hasSize(4);
    }

    @Test
    void aPowerGateThatPoweredUpHasItsLinkUp() {
        assertThatThrownBy(() -> new LinkChange(1, false, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
