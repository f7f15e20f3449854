package org.imssim.hal.mock;

import java.time.InstantSource;
import java.util.Objects;
import org.imssim.hal.AnalogInput;
import org.imssim.hal.AnalogSample;
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

    private final InstantSource clock;
    private final MockProbe<Double, AnalogSample, Listener> probe;

    /**
     * An attached probe.
     *
     * @param clock     stamps the samples; the unit's clock, never the system's in tests
     * @param probeKind what is attached (empty when it should not be identified)
     * @param initial   the starting value, in raw units
     */
    public MockAnalogInput(InstantSource clock, String probeKind, double initial) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.probe = new MockProbe<>(new MockChannelState<>("This mock analog input is closed."),
                Objects.requireNonNull(probeKind, "probeKind"), requireFinite(initial), this::sampleOf,
                AnalogSample::sameReadingAs, Listener::changed);
    }

    @Override
    public AnalogSample sample() {
        return probe.sample();
    }

    @Override
    public Subscription onChange(Listener listener) {
        return probe.onChange(listener);
    }

    /** Drives the probe to {@code raw}, a finite number in raw units. */
    public void mockValue(double raw) {
        probe.drive(requireFinite(raw));
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

    /** Stamped at the moment of the change, so driving the same value again keeps the old time. */
    private AnalogSample sampleOf(boolean attached, double value, String probeKind) {
        return attached ? AnalogSample.of(clock.instant(), value, probeKind) : AnalogSample.absent(clock.instant());
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
