package org.imssim.devices.powergate.serial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.hal.ByteLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PowerGate made of a common USB relay module of the LCUS kind ({@code backend: usb-relay},
 * {@code driver: lcus}): outlet m is relay m, switched by the 4 bytes {@code A0 <m> <00|01> <sum>}
 * where sum = (0xA0 + m + state) &amp; 0xFF.
 *
 * <p>These modules do not answer, so an outlet's state is what it was last commanded, and no
 * relay fault can be seen. The link is up while the port is open; a write that fails (the module
 * pulled out) takes it down — outlets {@code UNKNOWN}, commands refused with {@code PowerGate <n>
 * <name> is not answering.} — and the port is opened again after a growing wait. A module powers up
 * with every relay off, and opening its port is the only sign of that, so each time the port opens
 * the outlets show {@code OFF} and the link change says {@code poweredUp}: the firmware applies
 * {@code power-up} (at unit start, and after the module was plugged back in).
 *
 * <p>Threads as {@link SerialPowerGate}: the state belongs to the unit's thread (the
 * {@code executor}); the port is opened and written on a thread of the PowerGate's own, started
 * by {@link #start()}.
 */
public final class LcusPowerGate extends LinePowerGate {

    private static final Logger LOG = LoggerFactory.getLogger(LcusPowerGate.class);

    // The line thread.
    private ByteLink line;
    private String lastOpenFailure;

    /**
     * A module on the port that {@code opener} opens; call {@link #start()} to open it.
     *
     * @param setup    what the PowerGate is; its outlet count is the module's relay count
     * @param opener   opens the port, again after it was lost
     * @param portName the port's name, for the log
     * @param executor the thread that owns the unit
     * @param timings  {@link LineTimings#keepAlive()}: how often an idle port is checked;
     *                 {@link LineTimings#reopenFirst()}, {@link LineTimings#reopenMax()}: the waits
     *                 before opening it again
     */
    public LcusPowerGate(PowerGateSetup setup, LineOpener opener, String portName, Executor executor,
                         LineTimings timings) {
        super(setup, opener, portName, executor, timings);
    }

    /**
     * The frame that switches {@code relay} on or off.
     *
     * @throws IllegalArgumentException when the relay is not 1–255
     */
    public static byte[] frame(int relay, boolean on) {
        if (relay < 1 || relay > 0xFF) {
            throw new IllegalArgumentException("An LCUS relay is 1 to 255, not " + relay + ".");
        }
        int state = on ? 1 : 0;
        return new byte[] {(byte) 0xA0, (byte) relay, (byte) state, (byte) ((0xA0 + relay + state) & 0xFF)};
    }

    // ---- the unit's thread ----

    @Override
    long closeWaitMillis() {
        return 2000;
    }

    @Override
    void send(int m, boolean on, OutletState state) {
        requests.offer(new Request(loopEpoch, m, on));
        outlets.set(m, state, false);
    }

    private void opened(int newEpoch) {
        if (outlets.closed()) {
            return;
        }
        loopEpoch = newEpoch;
        OutletState[] off = new OutletState[setup.outlets()];
        Arrays.fill(off, OutletState.OFF);
        outlets.linkUp(off, new boolean[setup.outlets()], setup.outlets(), true);
    }

    private void lost(int newEpoch) {
        if (outlets.closed()) {
            return;
        }
        loopEpoch = newEpoch;
        outlets.linkDown();
    }

    // ---- the line thread ----

    @Override
    void talk() {
        Duration reopen = timings.reopenFirst();
        try {
            while (!stopping) {
                if (line == null) {
                    if (openLine()) {
                        reopen = timings.reopenFirst();
                    } else {
                        stopSignal.await(reopen.toNanos(), TimeUnit.NANOSECONDS);
                        reopen = timings.nextReopen(reopen);
                    }
                    continue;
                }
                Request request = requests.poll(timings.keepAlive().toNanos(), TimeUnit.NANOSECONDS);
                if (request == STOP) {
                    break;
                }
                if (request == null) {
                    if (!line.isOpen()) {
                        dropLine("the port was lost");
                    }
                    continue;
                }
                try {
                    write(request);
                } catch (RuntimeException e) {
                    // Never let the line thread die quietly: the outlets would stay as last seen forever.
                    LOG.error("{}: unexpected failure on the port; it is opened again", setup.displayName(), e);
                    dropLine("an unexpected failure");
                    stopSignal.await(timings.retryInterval().toNanos(), TimeUnit.NANOSECONDS);
                }
            }
            Request request;
            while (line != null && (request = requests.poll()) != null) {
                if (request != STOP) {
                    write(request);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (line != null) {
                line.close();
                line = null;
            }
        }
    }

    private boolean openLine() {
        try {
            line = opener.open();
            int upEpoch = epoch.incrementAndGet();
            requests.removeIf(r -> r != STOP);
            LOG.info("{}: USB relay module on {} open; its relays start off", setup.displayName(), portName);
            lastOpenFailure = null;
            toUnit(() -> opened(upEpoch));
            return true;
        } catch (IOException | RuntimeException e) {
            String sentence = e instanceof IOException && e.getMessage() != null ? e.getMessage()
                    : "The serial port " + portName + " cannot be opened.";
            if (!sentence.equals(lastOpenFailure)) {
                LOG.warn("{}: {} Trying again, less and less often.", setup.displayName(), sentence);
            }
            lastOpenFailure = sentence;
            return false;
        }
    }

    private void write(Request request) {
        if (request.epoch() != epoch.get()) {
            return; // accepted before the port was lost: never written, so nothing switches by surprise
        }
        try {
            line.write(frame(request.outlet(), request.on()));
        } catch (UncheckedIOException | IllegalStateException e) {
            dropLine("a write failed");
        }
    }

    private void dropLine(String why) {
        LOG.warn("{}: USB relay module on {} lost ({}); its outlets show UNKNOWN", setup.displayName(), portName, why);
        line.close();
        line = null;
        int downEpoch = epoch.incrementAndGet();
        requests.removeIf(r -> r != STOP);
        toUnit(() -> lost(downEpoch));
    }

    @Override
    public String toString() {
        return "Lcus" + setup.displayName() + outlets;
    }
}
