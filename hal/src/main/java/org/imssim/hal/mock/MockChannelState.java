package org.imssim.hal.mock;

import java.util.function.Consumer;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;

/**
 * What every mock channel keeps besides its own value: the lock that guards the mock, the
 * listeners told of its changes, and whether it is closed.
 *
 * <p>Closing drops every listener; a closed mock refuses to be driven, with the sentence this
 * state was made with. The owning mock fires its listeners while it holds {@link #lock}, so that
 * changes are heard in the order they were made (see the package notes).
 *
 * @param <L> the listener type of the channel
 */
final class MockChannelState<L> {

    /** Guards the owning mock's own fields as well as the closed flag. */
    final Object lock = new Object();
    private final Listeners<L> listeners = new Listeners<>();
    private final String closedSentence;
    private boolean closed;

    /** @param closedSentence the message of the exception a closed mock throws when driven */
    MockChannelState(String closedSentence) {
        this.closedSentence = closedSentence;
    }

    Subscription add(L listener) {
        return listeners.add(listener);
    }

    void fire(Consumer<? super L> call) {
        listeners.fire(call);
    }

    int listenerCount() {
        return listeners.size();
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    void close() {
        synchronized (lock) {
            closed = true;
            listeners.clear();
        }
    }

    /** Throws {@link IllegalStateException} once closed; the caller holds {@link #lock}. */
    void requireOpen() {
        if (closed) {
            throw new IllegalStateException(closedSentence);
        }
    }
}
