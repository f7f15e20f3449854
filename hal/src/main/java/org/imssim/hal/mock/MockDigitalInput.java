package org.imssim.hal.mock;

import java.util.Objects;
import org.imssim.hal.DigitalInput;
import org.imssim.hal.DigitalSample;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;

/**
 * A contact driven by the simulation. It starts attached, with the probe kind and level it was
 * made with.
 *
 * <p>{@link #mockLevel(boolean)} moves the contact; {@link #unplug()}, {@link #plug()} and
 * {@link #plug(String)} model a probe pulled out, put back, or swapped for another kind. While
 * unplugged the contact still remembers the level it is driven to, and shows it when plugged
 * again. Each call fires the listeners once if, and only if, the {@link #sample()} changed.
 */
public final class MockDigitalInput implements DigitalInput {

    private final Object lock = new Object();
    private final Listeners<Listener> listeners = new Listeners<>();
    private boolean level;
    private boolean attached = true;
    private String probeKind;
    private boolean closed;
    private DigitalSample current;

    /**
     * An attached contact.
     *
     * @param probeKind what is attached (empty when it should not be identified)
     * @param high      the starting level: true for active (closed)
     */
    public MockDigitalInput(String probeKind, boolean high) {
        this.probeKind = Objects.requireNonNull(probeKind, "probeKind");
        this.level = high;
        this.current = compute();
    }

    @Override
    public DigitalSample sample() {
        synchronized (lock) {
            return current;
        }
    }

    @Override
    public Subscription onChange(Listener listener) {
        return listeners.add(listener);
    }

    /** Drives the contact to {@code high} (true: active, closed). */
    public void mockLevel(boolean high) {
        synchronized (lock) {
            requireOpen();
            level = high;
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

    private DigitalSample compute() {
        return attached ? DigitalSample.of(level, probeKind) : DigitalSample.absent();
    }

    private void publish() {
        DigitalSample next = compute();
        if (!next.equals(current)) {
            current = next;
            listeners.fire(l -> l.changed(next));
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This mock digital input is closed.");
        }
    }

    @Override
    public String toString() {
        return "MockDigitalInput" + sample();
    }
}
