package org.imssim.devices.powergate;

import java.util.List;
import java.util.Objects;
import org.imssim.devices.unit.UnitId;
import org.imssim.hal.Subscription;

/**
 * A PowerGate outlet controller: outlets 1–N that the unit switches on, off, or cycles.
 *
 * <p>A PowerGate holds its outlets' states and reports changes; it owns no timer. A cycle is two
 * steps: {@code command(m, CYCLE, …)} switches the relay off and shows {@code CYCLING}; the
 * firmware calls {@link #finishCycle(int)} when the outlet's cycle time has passed on its own
 * clock, and the relay comes back on. An {@code ON} or {@code OFF} during a cycle ends it; a
 * {@code CYCLE} during a cycle leaves it alone. A {@code CYCLE} on an outlet that is off cycles it
 * all the same: refusing it is the firmware's reply to make.
 *
 * <p>All calls are made on the thread that owns the unit, where the listeners are called too.
 */
public interface PowerGate extends AutoCloseable {

    /** Called on the unit's thread once per change of an outlet. */
    @FunctionalInterface
    interface Listener {
        void outletChanged(OutletChange change);
    }

    /** Called on the unit's thread once per change of the link (see {@link #linkUp()}). */
    @FunctionalInterface
    interface LinkListener {
        void linkChanged(LinkChange change);
    }

    /** What this PowerGate is. */
    PowerGateSetup setup();

    /** Its number, 1–16. */
    default int number() {
        return setup().number();
    }

    /** Its name; empty when it has none. */
    default String name() {
        return setup().name();
    }

    /** The unit it hangs off. */
    default UnitId unit() {
        return setup().unit();
    }

    /** How many outlets it has, 1–8. */
    default int outletCount() {
        return setup().outlets();
    }

    /** {@code PowerGate <n> <name>}, or {@code PowerGate <n>}. */
    default String displayName() {
        return setup().displayName();
    }

    /**
     * Outlet {@code m} as it is now.
     *
     * @throws IllegalArgumentException {@code PowerGate <n> has outlets 1 to <N>.}
     */
    Outlet outlet(int m);

    /** Every outlet, in order. */
    List<Outlet> outlets();

    /**
     * Switches outlet {@code m}.
     *
     * @param m      the outlet
     * @param action on, off, or cycle
     * @param source who asks, for the log and the mock's record (a username, an input address)
     * @return the outlet's state afterwards
     * @throws IllegalArgumentException {@code PowerGate <n> has outlets 1 to <N>.}
     * @throws IllegalStateException    when the PowerGate is closed or its link is down
     */
    OutletState command(int m, OutletAction action, String source);

    /**
     * Ends the cycle of outlet {@code m}: the relay comes back on and the outlet shows {@code ON}.
     *
     * @return true when the outlet was cycling; false (and nothing done) when an {@code ON} or
     *         {@code OFF} ended the cycle before
     * @throws IllegalArgumentException {@code PowerGate <n> has outlets 1 to <N>.}
     */
    boolean finishCycle(int m);

    /**
     * True while the unit can talk to the PowerGate. While false its outlets show
     * {@link OutletState#UNKNOWN} and {@link #command} refuses; the firmware raises {@code Link
     * Down}. A PowerGate whose relays are driven directly is always up.
     */
    default boolean linkUp() {
        return true;
    }

    /** Registers {@code listener} for every later change of the link; never called for a PowerGate always up. */
    default Subscription onLinkChange(LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        return () -> { };
    }

    /** Registers {@code listener} for every later change of an outlet. */
    Subscription onOutletChange(Listener listener);

    /**
     * Shuts the PowerGate down: its relays do what its {@link ShutdownPolicy} says (by default
     * they stay as they are), then its channels are released. No listener is called afterwards.
     */
    @Override
    void close();
}
