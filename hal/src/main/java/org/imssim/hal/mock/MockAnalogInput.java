package org.imssim.hal.mock;

import java.time.InstantSource;
import java.util.Objects;
import org.imssim.hal.AnalogInput;
import org.imssim.hal.AnalogSample;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;

/**
 * A probe driven by the simulation, in whatever raw units its user chooses. It starts attached,
 * with the probe kind and value it was made with.
 *
 * <p>{@link #mockValue(double)} sets the value; {@link #unplug()}, {@link #plug()} and
 * {@link #plug(String)} model a probe pulled out, put back, or swapped for another kind. The
 * sample is stamped, on the clock the mock was given, at the moment it changed; driving the same
 * value again changes nothing, not even the time. While unplugged the mock remembers the value
 * it is driven to and shows it when plugged again.
 */
public final class MockAnalogInput implements AnalogInput {

    private final Object lock = new Object();
    private final Listeners<Listener> listeners = new Listeners<>();
    private final InstantSource clock;
    private double value;
    private boolean attached = true;
    private String probeKind;
    private boolean closed;
    private AnalogSample current;

    /**
     * An attached probe.
     *
     * @param clock     stamps the samples; the unit's clock, never the system's in tests
     * @param probeKind what is attached (empty when it should not be identified)
     * @param initial   the starting value, in raw units
     */
    public MockAnalogInput(InstantSource clock, String probeKind, double initial) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.probeKind = Objects.requireNonNull(probeKind, "probeKind");
        this.value = requireFinite(initial);
        this.current = compute();
    }

    @Override
    public AnalogSample sample() {
        synchronized (lock) {
            return current;
        }
    }

    @Override
    public Subscription onChange(Listener listener) {
        return listeners.add(listener);
    }

    /** Drives the probe to {@code raw}, a finite number in raw units. */
    public void mockValue(double raw) {
        requireFinite(raw);
        synchronized (lock) {
            requireOpen();
            value = raw;
            publish();
        }
    }

    /** Pulls the probe out: the channel becomes absent. */
    public void unplug() {
        synchronized (lock) {
            requireOpen();
            attached = false;
            publish();
        }
    }

    /** Puts back a probe of the kind last plugged. */
    public void plug() {
        synchronized (lock) {
            requireOpen();
            attached = true;
            publish();
        }
    }

    /** Plugs a probe of {@code kind}: the same kind as before, or another one (a swap). */
    public void plug(String kind) {
        synchronized (lock) {
            requireOpen();
            probeKind = Objects.requireNonNull(kind, "kind");
            attached = true;
            publish();
        }
    }

    /** The number of listeners registered (a test helper). */
    public int listenerCount() {
        return listeners.size();
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            listeners.clear();
        }
    }

    private AnalogSample compute() {
        return attached ? AnalogSample.of(clock.instant(), value, probeKind) : AnalogSample.absent(clock.instant());
    }

    private void publish() {
        AnalogSample next = compute();
        if (!next.sameReadingAs(current)) {
            current = next;
            listeners.fire(l -> l.changed(next));
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This mock analog input is closed.");
        }
    }

    private static double requireFinite(double raw) {
        if (!Double.isFinite(raw)) {
            throw new IllegalArgumentException("A mock analog value must be a finite number, not " + raw + ".");
        }
        return raw;
    }

    @Override
    public String toString() {
        return "MockAnalogInput" + sample();
    }
}
