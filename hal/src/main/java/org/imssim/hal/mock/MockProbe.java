package org.imssim.hal.mock;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.imssim.hal.Subscription;

/**
 * The probe socket of a mock input: a probe of some kind plugged in, pulled out or swapped, the
 * value the simulation drives it to, and the sample that shows them. It starts attached.
 *
 * <p>Every change is made under the channel's lock and fires the listeners once if, and only if,
 * the sample changed: driving the same value again, or plugging back what is already there, fires
 * nothing. While unplugged the socket remembers the value it is driven to and shows it when a
 * probe is plugged again. Once closed it refuses to be driven.
 *
 * @param <V> the driven value: a level, a raw reading
 * @param <S> the sample the input shows
 * @param <L> the listener type of the input
 */
final class MockProbe<V, S, L> {

    /** How the owning input shows its socket as a sample. */
    @FunctionalInterface
    interface Sampler<V, S> {
        /** The sample of a probe of {@code probeKind} at {@code value}, or the absent one when not {@code attached}. */
        S sample(boolean attached, V value, String probeKind);
    }

    private final MockChannelState<L> state;
    private final Sampler<V, S> sampler;
    private final BiPredicate<S, S> sameReading;
    private final BiConsumer<L, S> notice;
    private V value;
    private boolean attached = true;
    private String probeKind;
    private S current;

    /**
     * An attached probe.
     *
     * @param state       the input's lock, listeners and closed flag
     * @param probeKind   what is attached (empty when it should not be identified)
     * @param initial     the starting value
     * @param sampler     makes the samples
     * @param sameReading true when the first sample reads the same as the second (nothing to tell)
     * @param notice      tells one listener of a new sample
     */
    MockProbe(MockChannelState<L> state, String probeKind, V initial, Sampler<V, S> sampler,
            BiPredicate<S, S> sameReading, BiConsumer<L, S> notice) {
        this.state = state;
        this.probeKind = Objects.requireNonNull(probeKind, "probeKind");
        this.value = initial;
        this.sampler = sampler;
        this.sameReading = sameReading;
        this.notice = notice;
        this.current = sampler.sample(true, initial, probeKind);
    }

    S sample() {
        synchronized (state.lock) {
            return current;
        }
    }

    Subscription onChange(L listener) {
        return state.add(listener);
    }

    void drive(V driven) {
        synchronized (state.lock) {
            state.requireOpen();
            value = driven;
            publish();
        }
    }

    void unplug() {
        synchronized (state.lock) {
            state.requireOpen();
            attached = false;
            publish();
        }
    }

    void plug() {
        synchronized (state.lock) {
            state.requireOpen();
            attached = true;
            publish();
        }
    }

    void plug(String kind) {
        synchronized (state.lock) {
            state.requireOpen();
            probeKind = Objects.requireNonNull(kind, "kind");
            attached = true;
            publish();
        }
    }

    int listenerCount() {
        return state.listenerCount();
    }

    boolean isClosed() {
        return state.isClosed();
    }

    void close() {
        state.close();
    }

    private void publish() {
        S next = sampler.sample(attached, value, probeKind);
        if (!sameReading.test(next, current)) {
            current = next;
            state.fire(l -> notice.accept(l, next));
        }
    }
}
