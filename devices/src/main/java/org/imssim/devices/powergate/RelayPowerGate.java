package org.imssim.devices.powergate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.imssim.hal.DigitalOutput;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PowerGate whose outlets are relays driven directly, one {@link DigitalOutput} per outlet (the
 * {@code mock} and {@code gpio} backends).
 *
 * <p>An outlet's state is what it was last commanded; it starts as its relay's commanded state,
 * so the firmware applies the power-up policy by commanding each outlet at unit start. A relay
 * whose read-back differs from its command (a stuck relay) shows as {@link Outlet#relayFault()};
 * read-back changes from the HAL's threads are handed to the executor. Such a PowerGate never
 * shows {@code UNKNOWN}: its relays are always there to be read.
 *
 * <p>The PowerGate owns its relays: {@link #close()} closes them.
 */
public final class RelayPowerGate implements PowerGate {

    private static final Logger LOG = LoggerFactory.getLogger(RelayPowerGate.class);

    private final PowerGateSetup setup;
    private final List<DigitalOutput> relays;
    private final Executor executor;
    private final OutletState[] states;
    private final Outlet[] outlets;
    private final List<Subscription> relaySubscriptions = new ArrayList<>();
    private final Listeners<Listener> listeners = new Listeners<>();
    private boolean closed;

    /**
     * A PowerGate on {@code relays}, outlet 1 on the first.
     *
     * @param setup    what the PowerGate is
     * @param relays   one relay per outlet
     * @param executor the thread that owns the unit
     * @throws IllegalArgumentException when there are not as many relays as outlets
     */
    public RelayPowerGate(PowerGateSetup setup, List<? extends DigitalOutput> relays, Executor executor) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.relays = List.copyOf(relays);
        this.executor = Objects.requireNonNull(executor, "executor");
        if (this.relays.size() != setup.outlets()) {
            throw new IllegalArgumentException(setup.displayName() + " has " + setup.outlets() + " outlets but "
                    + this.relays.size() + " relays.");
        }
        int n = setup.outlets();
        this.states = new OutletState[n];
        this.outlets = new Outlet[n];
        for (int m = 1; m <= n; m++) {
            DigitalOutput relay = this.relays.get(m - 1);
            states[m - 1] = relay.commanded() ? OutletState.ON : OutletState.OFF;
            outlets[m - 1] = snapshot(m);
        }
        for (int m = 1; m <= n; m++) {
            int outlet = m;
            relaySubscriptions.add(this.relays.get(m - 1)
                    .onReadBackChange(on -> this.executor.execute(() -> refresh(outlet))));
        }
    }

    @Override
    public PowerGateSetup setup() {
        return setup;
    }

    @Override
    public Outlet outlet(int m) {
        setup.checkOutlet(m);
        return outlets[m - 1];
    }

    @Override
    public List<Outlet> outlets() {
        return List.of(outlets);
    }

    @Override
    public OutletState command(int m, OutletAction action, String source) {
        setup.checkOutlet(m);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        if (closed) {
            throw new IllegalStateException(setup.displayName() + " is closed.");
        }
        LOG.info("{} outlet {} {}: {} by {}", setup.displayName(), m, setup.outletName(m), action, source);
        switch (action) {
            case ON -> drive(m, true, OutletState.ON);
            case OFF -> drive(m, false, OutletState.OFF);
            case CYCLE -> {
                if (states[m - 1] != OutletState.CYCLING) {
                    drive(m, false, OutletState.CYCLING);
                }
            }
        }
        return states[m - 1];
    }

    @Override
    public boolean finishCycle(int m) {
        setup.checkOutlet(m);
        if (closed || states[m - 1] != OutletState.CYCLING) {
            return false;
        }
        drive(m, true, OutletState.ON);
        return true;
    }

    @Override
    public Subscription onOutletChange(Listener listener) {
        return listeners.add(listener);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        setup.onShutdown().actionAtShutdown().ifPresent(action -> {
            boolean on = action == OutletAction.ON;
            for (int m = 1; m <= setup.outlets(); m++) {
                drive(m, on, on ? OutletState.ON : OutletState.OFF);
            }
        });
        closed = true;
        relaySubscriptions.forEach(Subscription::cancel);
        listeners.clear();
        relays.forEach(DigitalOutput::close);
    }

    private void drive(int m, boolean on, OutletState state) {
        relays.get(m - 1).set(on);
        states[m - 1] = state;
        refresh(m);
    }

    private void refresh(int m) {
        if (closed) {
            return;
        }
        Outlet previous = outlets[m - 1];
        Outlet current = snapshot(m);
        if (current.equals(previous)) {
            return;
        }
        outlets[m - 1] = current;
        if (current.relayFault() && !previous.relayFault()) {
            LOG.warn("{} outlet {} {}: relay reads back {} but was commanded {}", setup.displayName(), m,
                    current.name(), onOff(relays.get(m - 1).readBack()), onOff(relays.get(m - 1).commanded()));
        }
        OutletChange change = new OutletChange(setup.number(), previous, current);
        listeners.fire(l -> l.outletChanged(change));
    }

    private Outlet snapshot(int m) {
        DigitalOutput relay = relays.get(m - 1);
        return new Outlet(m, setup.outletName(m), states[m - 1], relay.readBack() != relay.commanded());
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    @Override
    public String toString() {
        return setup.displayName() + List.of(outlets);
    }
}
