package org.imssim.hal;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners registered on one channel or device, called in registration order.
 *
 * <p>Safe to use from several threads: registering or cancelling during a call does not disturb
 * the call under way. A listener that throws is logged and skipped, so one faulty listener never
 * keeps the others from hearing about a change.
 *
 * @param <L> the listener type
 */
public final class Listeners<L> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    /** Each registration in its own holder, so that registering one listener twice cancels exactly. */
    private static final class Entry<L> {
        final L listener;

        Entry(L listener) {
            this.listener = listener;
        }
    }

    private final CopyOnWriteArrayList<Entry<L>> entries = new CopyOnWriteArrayList<>();

    /** Registers {@code listener}; the returned subscription removes this registration only. */
    public Subscription add(L listener) {
        Entry<L> entry = new Entry<>(Objects.requireNonNull(listener, "listener"));
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    /** Calls {@code call} with each listener in turn; exceptions are logged, never rethrown. */
    public void fire(Consumer<? super L> call) {
        for (Entry<L> entry : entries) {
            try {
                call.accept(entry.listener);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed: {}", entry.listener, e);
            }
        }
    }

    /** The number of registrations. */
    public int size() {
        return entries.size();
    }

    /** Removes every registration. */
    public void clear() {
        entries.clear();
    }
}
