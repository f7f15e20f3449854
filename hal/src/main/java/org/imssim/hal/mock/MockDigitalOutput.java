package org.imssim.hal.mock;

import org.imssim.hal.DigitalOutput;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;

/**
 * A relay in memory. Its contact follows the coil, unless it is {@linkplain #stick() stuck}: then
 * the read-back keeps the value it had, whatever is commanded, until {@link #free()}, when it
 * jumps to the commanded state. Read-back listeners fire once per real change of the contact.
 */
public final class MockDigitalOutput implements DigitalOutput {

    private final Object lock = new Object();
    private final Listeners<Listener> listeners = new Listeners<>();
    private boolean commanded;
    private boolean contact;
    private boolean stuck;
    private boolean closed;
    private int setCount;

    /** A healthy relay whose coil and contact start at {@code on}. */
    public MockDigitalOutput(boolean on) {
        this.commanded = on;
        this.contact = on;
    }

    @Override
    public void set(boolean on) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("This mock relay is closed.");
            }
            commanded = on;
            setCount++;
            if (!stuck) {
                moveContact(on);
            }
        }
    }

    @Override
    public boolean commanded() {
        synchronized (lock) {
            return commanded;
        }
    }

    @Override
    public boolean readBack() {
        synchronized (lock) {
            return contact;
        }
    }

    @Override
    public Subscription onReadBackChange(Listener listener) {
        return listeners.add(listener);
    }

    /** Sticks the contact where it is now: later commands no longer move it. */
    public void stick() {
        synchronized (lock) {
            stuck = true;
        }
    }

    /** Frees a stuck contact: it moves to the commanded state at once. */
    public void free() {
        synchronized (lock) {
            stuck = false;
            if (!closed) {
                moveContact(commanded);
            }
        }
    }

    /** True while stuck. */
    public boolean isStuck() {
        synchronized (lock) {
            return stuck;
        }
    }

    /** How many times {@link #set(boolean)} was called (a test helper). */
    public int setCount() {
        synchronized (lock) {
            return setCount;
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

    private void moveContact(boolean on) {
        if (contact != on) {
            contact = on;
            listeners.fire(l -> l.readBackChanged(on));
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "MockDigitalOutput[commanded=" + commanded + ", readBack=" + contact + (stuck ? ", stuck" : "") + "]";
        }
    }
}
