package org.imssim.hal;

/**
 * A listener registration. Cancelling it stops further calls to that listener; a call already
 * under way on another thread may still finish. Cancelling twice is harmless.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Stops further calls to the listener. */
    void cancel();

    /** Same as {@link #cancel()}, so that a registration can sit in a try-with-resources. */
    @Override
    default void close() {
        cancel();
    }
}
