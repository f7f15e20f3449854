package org.imssim.hal.mock;

import org.imssim.hal.DigitalInput;
import org.imssim.hal.DigitalSample;
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

    private final MockProbe<Boolean, DigitalSample, Listener> probe;

    /**
     * An attached contact.
     *
     * @param probeKind what is attached (empty when it should not be identified)
     * @param high      the starting level: true for active (closed)
     */
    public MockDigitalInput(String probeKind, boolean high) {
        this.probe = new MockProbe<>(new MockChannelState<>("This mock digital input is closed."), probeKind, high,
                MockDigitalInput::sampleOf, DigitalSample::equals, Listener::changed);
    }

    @Override
    public DigitalSample sample() {
        return probe.sample();
    }

    @Override
    public Subscription onChange(Listener listener) {
        return probe.onChange(listener);
    }

    /** Drives the contact to {@code high} (true: active, closed). */
    public void mockLevel(boolean high) {
        probe.drive(high);
    }

    /** Pulls the probe out: the channel becomes absent. */
    public void unplug() {
        probe.unplug();
    }

    /** Puts back a probe of the kind last plugged. */
    public void plug() {
        probe.plug();
    }

    /** Plugs a probe of {@code kind}: the same kind as before, or another one (a swap). */
    public void plug(String kind) {
        probe.plug(kind);
    }

    /** The number of listeners registered (a test helper). */
    public int listenerCount() {
        return probe.listenerCount();
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return probe.isClosed();
    }

    @Override
    public void close() {
        probe.close();
    }

    private static DigitalSample sampleOf(boolean attached, boolean level, String probeKind) {
        return attached ? DigitalSample.of(level, probeKind) : DigitalSample.absent();
    }

    @Override
    public String toString() {
        return "MockDigitalInput" + sample();
    }
}
