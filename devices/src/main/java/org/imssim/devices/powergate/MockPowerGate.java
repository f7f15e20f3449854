package org.imssim.devices.powergate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;
import org.imssim.hal.mock.MockDigitalOutput;

/**
 * A PowerGate in memory ({@code backend: mock}): a {@link RelayPowerGate} on mock relays, all off
 * at first, that also records every command it carries out, for tests and the simulation.
 * {@link #relay(int)} gives an outlet's mock relay, to stick or free it; {@link #setSilent(boolean)}
 * plays a PowerGate whose serial link went quiet (SPEC §10): its link goes down, its outlets show
 * {@code UNKNOWN} and it refuses commands until it talks again, its relays unchanged.
 */
public final class MockPowerGate implements PowerGate {

    private final List<MockDigitalOutput> relays;
    private final RelayPowerGate gate;
    private final List<OutletCommand> recorded = new CopyOnWriteArrayList<>();
    private final Listeners<Listener> outletListeners = new Listeners<>();
    private final Listeners<LinkListener> linkListeners = new Listeners<>();
    private final Subscription relayChanges;
    private boolean silent;

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
        this.relayChanges = gate.onOutletChange(change -> {
            if (!silent) {
                outletListeners.fire(l -> l.outletChanged(change));
            }
        });
    }

    /**
     * Silences the PowerGate ({@code true}) or lets it talk again ({@code false}), as a serial
     * PowerGate whose line went quiet and came back without a power-up. Call on the unit's thread;
     * the link and outlet listeners are told of every change.
     */
    public void setSilent(boolean silence) {
        if (silence == silent) {
            return;
        }
        List<Outlet> before = outlets();
        silent = silence;
        List<Outlet> after = outlets();
        linkListeners.fire(l -> l.linkChanged(new LinkChange(number(), !silence, false)));
        for (int i = 0; i < after.size(); i++) {
            OutletChange change = new OutletChange(number(), before.get(i), after.get(i));
            if (!change.previous().equals(change.current())) {
                outletListeners.fire(l -> l.outletChanged(change));
            }
        }
    }

    /** True while {@link #setSilent(boolean) silenced}. */
    public boolean isSilent() {
        return silent;
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
        Outlet outlet = gate.outlet(m);
        return silent ? new Outlet(outlet.number(), outlet.name(), OutletState.UNKNOWN, false) : outlet;
    }

    @Override
    public List<Outlet> outlets() {
        List<Outlet> all = new ArrayList<>();
        for (int m = 1; m <= outletCount(); m++) {
            all.add(outlet(m));
        }
        return List.copyOf(all);
    }

    @Override
    public boolean linkUp() {
        return !silent;
    }

    @Override
    public Subscription onLinkChange(LinkListener listener) {
        return linkListeners.add(listener);
    }

    @Override
    public OutletState command(int m, OutletAction action, String source) {
        setup().checkOutlet(m);
        if (silent) {
            throw new IllegalStateException(displayName() + " is not answering.");
        }
        OutletState state = gate.command(m, action, source);
        recorded.add(new OutletCommand(m, action, source));
        return state;
    }

    @Override
    public boolean finishCycle(int m) {
        return !silent && gate.finishCycle(m);
    }

    @Override
    public Subscription onOutletChange(Listener listener) {
        return outletListeners.add(listener);
    }

    @Override
    public void close() {
        gate.close();
        relayChanges.cancel();
        outletListeners.clear();
        linkListeners.clear();
    }

    @Override
    public String toString() {
        return "Mock" + gate;
    }
}
