package org.imssim.hal;

/**
 * A digital output driving a relay coil, with a read-back of the relay's contact.
 *
 * <p>{@link #commanded()} is what was last asked of the coil, {@link #readBack()} what the contact
 * really is. They agree on a healthy relay; a welded or stuck relay makes them differ, which is
 * how a relay fault shows. A backend without a read-back line reports the commanded state.
 * Read-back listeners may be called on any thread (see the package notes).
 */
public interface DigitalOutput extends AutoCloseable {

    /** Called once per real change of the read-back, with the new contact state. */
    @FunctionalInterface
    interface Listener {
        void readBackChanged(boolean on);
    }

    /**
     * Energises ({@code true}) or releases the coil.
     *
     * @throws IllegalStateException when the output is closed
     */
    void set(boolean on);

    /** What the coil was last asked to do. */
    boolean commanded();

    /** What the contact really is. */
    boolean readBack();

    /** Registers {@code listener} for every later change of the read-back. */
    Subscription onReadBackChange(Listener listener);

    /**
     * Releases the output. The contact stays as it is (a unit that shuts down leaves its relays
     * alone unless told otherwise); no listener is called after it returns.
     */
    @Override
    void close();
}
