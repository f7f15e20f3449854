package org.imssim.hal.mock;

import org.imssim.hal.DigitalOutput;
import org.imssim.hal.Subscription;

/**
 * A relay in memory. Its contact follows the coil, unless it is {@linkplain #stick() stuck}: then
 * the read-back keeps the value it had, whatever is commanded, until {@link #free()}, when it
 * jumps to the commanded state. Read-back listeners fire once per real change of the contact.
 */
public final class MockDigitalOutput implements DigitalOutput {

    private final MockChannelState<Listener> state = new MockChannelState<>("This mock relay is closed.");
    private boolean commanded;
    private boolean contact;
    private boolean stuck;
    private int setCount;

    /** A healthy relay whose coil and contact start at {@code on}. */
    public MockDigitalOutput(boolean on) {
        this.commanded = on;
        this.contact = on;
    }

    @Override
    public void set(boolean on) {
        synchronized (state.lock) {
            state.requireOpen();
            commanded = on;
            setCount++;
            if (!stuck) {
                moveContact(on);
            }
        }
    }

    @Override
    public boolean commanded() {
        synchronized (state.lock) {
            return commanded;
        }
    }

    @Override
    public boolean readBack() {
        synchronized (state.lock) {
            return contact;
        }
    }

    @Override
    public Subscription onReadBackChange(Listener listener) {
        return state.add(listener);
    }

    /** Sticks the contact where it is now: later commands no longer move it. */
    public void stick() {
        synchronized (state.lock) {
            stuck = true;
        }
    }

    /** Frees a stuck contact: it moves to the commanded state at once. */
    public void free() {
        synchronized (state.lock) {
            stuck = false;
            if (!state.isClosed()) {
                moveContact(commanded);
            }
        }
    }

    /** True while stuck. */
    public boolean isStuck() {
        synchronized (state.lock) {
            return stuck;
        }
    }

    /** How many times {@link #set(boolean)} was called (a test helper). */
    public int setCount() {
        synchronized (state.lock) {
            return setCount;
        }
    }

    /** The number of listeners registered (a test helper). */
    public int listenerCount() {
        return state.listenerCount();
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return state.isClosed();
    }

    @Override
    public void close() {
        state.close();
    }

    private void moveContact(boolean on) {
        if (contact != on) {
            contact = on;
            state.fire(l -> l.readBackChanged(on));
        }
    }

    @Override
    public String toString() {
        synchronized (state.lock) {
            return "MockDigitalOutput[commanded=" + commanded + ", readBack=" + contact + (stuck ? ", stuck" : "") + "]";
        }
    }
}
