package org.imssim.devices.powergate.serial;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.imssim.hal.ByteLink;
import org.imssim.hal.Subscription;

/**
 * A test stand-in for an LCUS USB relay module: takes the 4-byte frames {@code A0 relay state sum}
 * off its end of the line, checks the sum, and switches its relays; it never answers. Bytes that
 * do not make a good frame are counted and skipped up to the next {@code A0}.
 */
final class FakeLcusBoard implements AutoCloseable {

    private final ByteLink link;
    private final boolean[] relays;
    private final byte[] frame = new byte[4];
    private final Subscription receiver;
    private final List<String> switched = new CopyOnWriteArrayList<>();
    private final AtomicInteger badFrames = new AtomicInteger();
    private int length;

    FakeLcusBoard(ByteLink link, int relays) {
        this.link = link;
        this.relays = new boolean[relays];
        this.receiver = link.onReceive(this::take);
    }

    private synchronized void take(byte[] bytes) {
        for (byte b : bytes) {
            if (length == 0 && (b & 0xFF) != 0xA0) {
                badFrames.incrementAndGet();
                continue;
            }
            frame[length++] = b;
            if (length == 4) {
                length = 0;
                int relay = frame[1] & 0xFF;
                int state = frame[2] & 0xFF;
                int sum = frame[3] & 0xFF;
                if (sum != ((0xA0 + relay + state) & 0xFF) || relay < 1 || relay > relays.length || state > 1) {
                    badFrames.incrementAndGet();
                    continue;
                }
                if (relays[relay - 1] != (state == 1)) {
                    relays[relay - 1] = state == 1;
                    switched.add("Relay " + relay + ": " + (state == 1 ? "ON" : "OFF"));
                }
            }
        }
    }

    synchronized boolean on(int relay) {
        return relays[relay - 1];
    }

    List<String> switched() {
        return List.copyOf(switched);
    }

    int badFrames() {
        return badFrames.get();
    }

    @Override
    public void close() {
        receiver.cancel();
        link.close();
    }
}
