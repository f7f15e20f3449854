package org.imssim.hal.mock;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import org.imssim.hal.ByteLink;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;

/**
 * One end of an in-memory serial line; {@link #pair()} makes two connected ends. What one end
 * writes is handed at once, on the writer's thread, to the receivers of the other end.
 *
 * <p>Faults, set on the end that misbehaves:
 * <ul>
 *   <li>{@linkplain #silent(boolean) silent}: what this end writes is dropped, as from a device
 *       that stopped talking;</li>
 *   <li>{@linkplain #noise(byte...) noise}: each later write of this end reaches the far end
 *       preceded by the given garbage bytes; {@link #injectNoise(byte...)} puts garbage on the
 *       line once, even from a silent end.</li>
 * </ul>
 * Bytes sent to a closed end are lost, as on a line with nobody listening. Each end keeps what it
 * received, for tests ({@link #received()}). Writes from two threads at once may interleave, as
 * on a real line.
 */
public final class MockByteLink implements ByteLink {

    /** Two connected ends of one line. */
    public record Pair(MockByteLink first, MockByteLink second) {
    }

    private final String label;
    private final Listeners<Receiver> receivers = new Listeners<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private MockByteLink peer;
    private volatile boolean open = true;
    private volatile boolean silent;
    private volatile byte[] noise = new byte[0];

    private MockByteLink(String label) {
        this.label = label;
    }

    /** Two connected, open ends. */
    public static Pair pair() {
        MockByteLink first = new MockByteLink("first");
        MockByteLink second = new MockByteLink("second");
        first.peer = second;
        second.peer = first;
        return new Pair(first, second);
    }

    /** The other end of this line. */
    public MockByteLink peer() {
        return peer;
    }

    @Override
    public void write(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (!open) {
            throw new IllegalStateException("This mock byte link is closed.");
        }
        if (silent || bytes.length == 0) {
            return;
        }
        byte[] garbage = noise;
        byte[] onTheLine = new byte[garbage.length + bytes.length];
        System.arraycopy(garbage, 0, onTheLine, 0, garbage.length);
        System.arraycopy(bytes, 0, onTheLine, garbage.length, bytes.length);
        peer.deliver(onTheLine);
    }

    @Override
    public Subscription onReceive(Receiver receiver) {
        return receivers.add(receiver);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        receivers.clear();
    }

    /** Makes this end drop ({@code true}) or send again ({@code false}) what it writes. */
    public void silent(boolean dropWrites) {
        this.silent = dropWrites;
    }

    /** True while this end drops what it writes. */
    public boolean isSilent() {
        return silent;
    }

    /**
     * Precedes each later write of this end with {@code garbage} on the line; no bytes turn the
     * noise off.
     */
    public void noise(byte... garbage) {
        this.noise = garbage.clone();
    }

    /** Puts {@code garbage} on the line towards the far end once, whether this end is silent or not. */
    public void injectNoise(byte... garbage) {
        if (garbage.length > 0) {
            peer.deliver(garbage.clone());
        }
    }

    /** Every byte this end has received so far (a test helper). */
    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** Forgets what this end has received so far (a test helper). */
    public void clearReceived() {
        synchronized (received) {
            received.reset();
        }
    }

    /** The number of receivers registered (a test helper). */
    public int receiverCount() {
        return receivers.size();
    }

    private void deliver(byte[] bytes) {
        if (!open) {
            return;
        }
        synchronized (received) {
            received.writeBytes(bytes);
        }
        receivers.fire(r -> r.received(Arrays.copyOf(bytes, bytes.length)));
    }

    @Override
    public String toString() {
        return "MockByteLink[" + label + (open ? "" : ", closed") + (silent ? ", silent" : "")
                + (noise.length > 0 ? ", noisy" : "") + "]";
    }
}
