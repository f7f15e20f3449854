package org.imssim.devices.powergate.serial;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.imssim.hal.ByteLink;
import org.imssim.hal.Subscription;

/**
 * The far end of a test line: a {@link PowerGateDevice} answering on a {@link ByteLink}, with the
 * faults tests need — silent, restarted (a fresh device), a damaged reply, noise before replies.
 */
final class DeviceEnd implements AutoCloseable {

    private final ByteLink link;
    private final int outlets;
    private final AtomicReference<PowerGateDevice> device = new AtomicReference<>();
    private final Subscription receiver;
    private final List<String> switched = new CopyOnWriteArrayList<>();
    private final AtomicInteger damageNext = new AtomicInteger();
    private volatile boolean silent;
    private volatile byte[] noise = new byte[0];

    DeviceEnd(ByteLink link, int outlets) {
        this.link = link;
        this.outlets = outlets;
        restart();
        this.receiver = link.onReceive(bytes -> {
            byte[] reply = device.get().receive(bytes);
            if (silent || reply.length == 0 || !link.isOpen()) {
                return;
            }
            if (damageNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply = reply.clone();
                reply[3] ^= 0x01; // the verb's first letter: the checksum no longer matches
            }
            byte[] garbage = noise;
            if (garbage.length > 0) {
                link.write(garbage);
            }
            link.write(reply);
        });
    }

    /** The device now answering. */
    PowerGateDevice device() {
        return device.get();
    }

    /** A fresh device (all off, powered up) takes over the line, as after a restart. */
    void restart() {
        PowerGateDevice fresh = new PowerGateDevice(outlets);
        fresh.onSwitch((m, on) -> switched.add("Outlet " + m + ": " + (on ? "ON" : "OFF")));
        device.set(fresh);
    }

    /** Stops answering (true), or answers again. The device keeps taking in requests. */
    void silent(boolean quiet) {
        this.silent = quiet;
    }

    /** Damages the next {@code count} replies. */
    void damageNext(int count) {
        damageNext.set(count);
    }

    /** Puts {@code garbage} on the line before each reply. */
    void noise(byte[] garbage) {
        this.noise = garbage.clone();
    }

    /** Puts {@code garbage} on the line towards the unit once. */
    void send(byte[] garbage) {
        link.write(garbage);
    }

    /** Every switch of every device so far, as {@code imssim powergate} prints them. */
    List<String> switched() {
        return List.copyOf(switched);
    }

    @Override
    public void close() {
        receiver.cancel();
        link.close();
    }
}
