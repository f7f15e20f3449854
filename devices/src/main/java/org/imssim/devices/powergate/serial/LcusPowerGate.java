package org.imssim.devices.powergate.serial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.imssim.devices.powergate.Outlet;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.hal.ByteLink;
import org.imssim.hal.Subscription;
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
public final class LcusPowerGate implements PowerGate {

    private static final Logger LOG = LoggerFactory.getLogger(LcusPowerGate.class);

    private record Request(int epoch, int relay, boolean on) {
    }

    private static final Request STOP = new Request(-1, -1, false);

    private final PowerGateSetup setup;
    private final LineOpener opener;
    private final String portName;
    private final Executor executor;
    private final LineTimings timings;
    private final LineOutlets outlets;
    private final Thread lineThread;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger epoch = new AtomicInteger();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopping;

    // The unit's thread.
    private int loopEpoch;

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
        this.setup = Objects.requireNonNull(setup, "setup");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.portName = Objects.requireNonNull(portName, "portName");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.outlets = new LineOutlets(setup);
        this.lineThread = new Thread(this::talk, "imssim-powergate-" + setup.number());
        this.lineThread.setDaemon(true);
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

    /** Opens the port and starts, on the PowerGate's own thread. Once. */
    public void start() {
        lineThread.start();
    }

    @Override
    public PowerGateSetup setup() {
        return setup;
    }

    @Override
    public Outlet outlet(int m) {
        return outlets.outlet(m);
    }

    @Override
    public List<Outlet> outlets() {
        return outlets.outlets();
    }

    @Override
    public boolean linkUp() {
        return outlets.up();
    }

    @Override
    public Subscription onLinkChange(LinkListener listener) {
        return outlets.onLinkChange(listener);
    }

    @Override
    public Subscription onOutletChange(Listener listener) {
        return outlets.onOutletChange(listener);
    }

    @Override
    public OutletState command(int m, OutletAction action, String source) {
        setup.checkOutlet(m);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        if (outlets.closed()) {
            throw new IllegalStateException(setup.displayName() + " is closed.");
        }
        if (!outlets.up()) {
            throw new IllegalStateException(setup.displayName() + " is not answering.");
        }
        LOG.info("{} outlet {} {}: {} by {}", setup.displayName(), m, setup.outletName(m), action, source);
        switch (action) {
            case ON -> send(m, true, OutletState.ON);
            case OFF -> send(m, false, OutletState.OFF);
            case CYCLE -> {
                if (outlets.state(m) != OutletState.CYCLING) {
                    send(m, false, OutletState.CYCLING);
                }
            }
        }
        return outlets.state(m);
    }

    @Override
    public boolean finishCycle(int m) {
        setup.checkOutlet(m);
        if (outlets.closed() || !outlets.up() || outlets.state(m) != OutletState.CYCLING) {
            return false;
        }
        send(m, true, OutletState.ON);
        return true;
    }

    /** Writes the {@code on-shutdown} commands, if any and if the port is open, then releases the port. */
    @Override
    public void close() {
        if (outlets.closed()) {
            return;
        }
        if (outlets.up()) {
            setup.onShutdown().actionAtShutdown().ifPresent(action -> {
                for (int m = 1; m <= setup.outlets(); m++) {
                    requests.offer(new Request(loopEpoch, m, action == OutletAction.ON));
                }
            });
        }
        outlets.close();
        stopping = true;
        requests.offer(STOP);
        stopSignal.countDown();
        if (lineThread.isAlive() && Thread.currentThread() != lineThread) {
            try {
                lineThread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (lineThread.isAlive()) {
                lineThread.interrupt();
            }
        }
    }

    // ---- the unit's thread ----

    private void send(int m, boolean on, OutletState state) {
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

    private void toUnit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: the unit's thread is gone; a port change is dropped", setup.displayName());
        }
    }

    // ---- the line thread ----

    private void talk() {
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
            line.write(frame(request.relay(), request.on()));
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
