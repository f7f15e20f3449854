package org.imssim.devices.powergate.serial;

import java.util.ArrayList;
import java.util.List;
import org.imssim.devices.powergate.LinkChange;
import org.imssim.devices.powergate.Outlet;
import org.imssim.devices.powergate.OutletChange;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;

/**
 * The unit's view of the outlets of a PowerGate at the end of a line: their states and relay
 * faults, whether the link is up, and the listeners told of changes. Owned by the unit's thread;
 * while the link is down every outlet shows {@code UNKNOWN} (its last known state is kept, but
 * replaced by what is read back when the link comes up).
 */
final class LineOutlets {

    private final PowerGateSetup setup;
    private final OutletState[] states;
    private final boolean[] faults;
    private final boolean[] absent;
    private final Outlet[] shown;
    private final Listeners<PowerGate.Listener> outletListeners = new Listeners<>();
    private final Listeners<PowerGate.LinkListener> linkListeners = new Listeners<>();
    private boolean up;
    private boolean closed;

    LineOutlets(PowerGateSetup setup) {
        this.setup = setup;
        int n = setup.outlets();
        this.states = new OutletState[n];
        this.faults = new boolean[n];
        this.absent = new boolean[n];
        this.shown = new Outlet[n];
        for (int m = 1; m <= n; m++) {
            states[m - 1] = OutletState.OFF;
            shown[m - 1] = snapshot(m);
        }
    }

    boolean up() {
        return up;
    }

    boolean closed() {
        return closed;
    }

    /** Outlet {@code m} has a state the unit can use: link up and the PowerGate has it. */
    boolean usable(int m) {
        return up && !absent[m - 1];
    }

    OutletState state(int m) {
        return states[m - 1];
    }

    Outlet outlet(int m) {
        setup.checkOutlet(m);
        return shown[m - 1];
    }

    List<Outlet> outlets() {
        return List.of(shown);
    }

    Subscription onOutletChange(PowerGate.Listener listener) {
        return outletListeners.add(listener);
    }

    Subscription onLinkChange(PowerGate.LinkListener listener) {
        return linkListeners.add(listener);
    }

    /** Sets outlet {@code m} and tells the listeners if what it shows changed. */
    void set(int m, OutletState state, boolean fault) {
        states[m - 1] = state;
        faults[m - 1] = fault;
        refresh(m);
    }

    boolean fault(int m) {
        return faults[m - 1];
    }

    /**
     * The link came up (or the PowerGate restarted, {@code poweredUp}) with these outlet states:
     * the link listeners hear it first, then the outlet listeners each change. Outlets beyond
     * {@code present} show {@code UNKNOWN}: the PowerGate on the line has fewer than configured.
     */
    void linkUp(OutletState[] read, boolean[] readFaults, int present, boolean poweredUp) {
        boolean wasUp = up;
        up = true;
        for (int m = 1; m <= states.length; m++) {
            absent[m - 1] = m > present;
            if (m <= present) {
                states[m - 1] = read[m - 1];
                faults[m - 1] = readFaults[m - 1];
            }
        }
        if (!closed && (!wasUp || poweredUp)) {
            LinkChange change = new LinkChange(setup.number(), true, poweredUp);
            linkListeners.fire(l -> l.linkChanged(change));
        }
        refreshAll();
    }

    /** The link went down: the link listeners hear it, then every outlet shows {@code UNKNOWN}. */
    void linkDown() {
        if (!up) {
            return;
        }
        up = false;
        if (!closed) {
            LinkChange change = new LinkChange(setup.number(), false, false);
            linkListeners.fire(l -> l.linkChanged(change));
        }
        refreshAll();
    }

    /** No listener is called after this. */
    void close() {
        closed = true;
        outletListeners.clear();
        linkListeners.clear();
    }

    private void refreshAll() {
        for (int m = 1; m <= states.length; m++) {
            refresh(m);
        }
    }

    private void refresh(int m) {
        Outlet previous = shown[m - 1];
        Outlet current = snapshot(m);
        if (current.equals(previous)) {
            return;
        }
        shown[m - 1] = current;
        if (!closed) {
            OutletChange change = new OutletChange(setup.number(), previous, current);
            outletListeners.fire(l -> l.outletChanged(change));
        }
    }

    private Outlet snapshot(int m) {
        boolean usable = usable(m);
        return new Outlet(m, setup.outletName(m), usable ? states[m - 1] : OutletState.UNKNOWN,
                usable && faults[m - 1]);
    }

    @Override
    public String toString() {
        List<Outlet> all = new ArrayList<>(List.of(shown));
        return (up ? "up " : "down ") + all;
    }
}
