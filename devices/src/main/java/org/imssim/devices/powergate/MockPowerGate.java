package org.imssim.devices.powergate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.imssim.hal.Subscription;
import org.imssim.hal.mock.MockDigitalOutput;

/**
 * A PowerGate in memory ({@code backend: mock}): a {@link RelayPowerGate} on mock relays, all off
 * at first, that also records every command it carries out, for tests and the simulation.
 * {@link #relay(int)} gives an outlet's mock relay, to stick or free it.
 */
public final class MockPowerGate implements PowerGate {

    private final List<MockDigitalOutput> relays;
    private final RelayPowerGate gate;
    private final List<OutletCommand> recorded = new CopyOnWriteArrayList<>();

    /**
     * A mock PowerGate with every relay off.
     *
     * @param setup    what the PowerGate is
     * @param executor the thread that owns the unit
     */
    public MockPowerGate(PowerGateSetup setup, Executor executor) {
        List<MockDigitalOutput> made = new ArrayList<>();
        for (int m = 1; m <= setup.outlets(); m++) {
            made.add(new MockDigitalOutput(false));
        }
        this.relays = List.copyOf(made);
        this.gate = new RelayPowerGate(setup, relays, executor);
    }

    /** The commands carried out so far, oldest first (a test helper). */
    public List<OutletCommand> recordedCommands() {
        return List.copyOf(recorded);
    }

    /** Forgets the commands recorded so far (a test helper). */
    public void clearRecordedCommands() {
        recorded.clear();
    }

    /**
     * The mock relay of outlet {@code m}, to inject a fault.
     *
     * @throws IllegalArgumentException {@code PowerGate <n> has outlets 1 to <N>.}
     */
    public MockDigitalOutput relay(int m) {
        setup().checkOutlet(m);
        return relays.get(m - 1);
    }

    @Override
    public PowerGateSetup setup() {
        return gate.setup();
    }

    @Override
    public Outlet outlet(int m) {
        return gate.outlet(m);
    }

    @Override
    public List<Outlet> outlets() {
        return gate.outlets();
    }

    @Override
    public OutletState command(int m, OutletAction action, String source) {
        OutletState state = gate.command(m, action, source);
        recorded.add(new OutletCommand(m, action, source));
        return state;
    }

    @Override
    public boolean finishCycle(int m) {
        return gate.finishCycle(m);
    }

    @Override
    public Subscription onOutletChange(Listener listener) {
        return gate.onOutletChange(listener);
    }

    @Override
    public void close() {
        gate.close();
    }

    @Override
    public String toString() {
        return "Mock" + gate;
    }
}
