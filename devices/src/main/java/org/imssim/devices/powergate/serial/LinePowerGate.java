package org.imssim.devices.powergate.serial;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.imssim.devices.powergate.Outlet;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.hal.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PowerGate at the end of a line shares, whatever the line speaks ({@link SerialPowerGate},
 * {@link LcusPowerGate}): its outlets' state on the unit's thread ({@link LineOutlets}), the
 * {@link PowerGate} calls that read and switch them, the queue of switch requests to the line
 * thread (each stamped with the link's epoch, so that one accepted before the link was lost is
 * never sent), and the shutdown that sends the {@code on-shutdown} commands before the port is
 * released. A subclass talks on the line, on the thread this class starts.
 *
 * <p>Threads: every {@link PowerGate} method is called on the unit's thread (the {@code executor});
 * the line thread hands its results back with {@link #toUnit}.
 */
abstract class LinePowerGate implements PowerGate {

    private static final Logger LOG = LoggerFactory.getLogger(LinePowerGate.class);

    /** A switch of one outlet (or, for a line that polls, outlet 0: a read), accepted in {@code epoch}. */
    record Request(int epoch, int outlet, boolean on) {
    }

    /** Tells the line thread to finish. */
    static final Request STOP = new Request(-1, -1, false);

    final PowerGateSetup setup;
    final LineOpener opener;
    final String portName;
    final Executor executor;
    final LineTimings timings;
    final LineOutlets outlets;
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    /** Bumped by the line thread whenever what the unit knows of the PowerGate became void. */
    final AtomicInteger epoch = new AtomicInteger();
    final CountDownLatch stopSignal = new CountDownLatch(1);
    volatile boolean stopping;
    /** The epoch the unit's thread last heard of. The unit's thread. */
    int loopEpoch;
    private final Thread lineThread;

    LinePowerGate(PowerGateSetup setup, LineOpener opener, String portName, Executor executor, LineTimings timings) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.portName = Objects.requireNonNull(portName, "portName");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.outlets = new LineOutlets(setup);
        this.lineThread = new Thread(this::talk, "imssim-powergate-" + setup.number());
        this.lineThread.setDaemon(true);
    }

    /** Talks on the line until {@link #stopping}; the line thread's whole life. */
    abstract void talk();

    /**
     * Records on the unit's thread that outlet {@code m} was commanded {@code on}, showing
     * {@code state}, and queues its request for the line.
     */
    abstract void send(int m, boolean on, OutletState state);

    /** How long {@link #close()} waits for the line thread to send the last requests and finish. */
    abstract long closeWaitMillis();

    /** Opens the line and starts talking, on the PowerGate's own thread. Once. */
    public final void start() {
        lineThread.start();
    }

    @Override
    public final PowerGateSetup setup() {
        return setup;
    }

    @Override
    public final Outlet outlet(int m) {
        return outlets.outlet(m);
    }

    @Override
    public final List<Outlet> outlets() {
        return outlets.outlets();
    }

    @Override
    public final boolean linkUp() {
        return outlets.up();
    }

    @Override
    public final Subscription onLinkChange(LinkListener listener) {
        return outlets.onLinkChange(listener);
    }

    @Override
    public final Subscription onOutletChange(Listener listener) {
        return outlets.onOutletChange(listener);
    }

    @Override
    public final OutletState command(int m, OutletAction action, String source) {
        setup.checkOutlet(m);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        if (outlets.closed()) {
            throw new IllegalStateException(setup.displayName() + " is closed.");
        }
        if (!outlets.up()) {
            throw new IllegalStateException(setup.displayName() + " is not answering.");
        }
        if (!outlets.usable(m)) {
            throw new IllegalStateException(setup.displayName() + " has no outlet " + m + " on its line.");
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
    public final boolean finishCycle(int m) {
        setup.checkOutlet(m);
        if (outlets.closed() || !outlets.usable(m) || outlets.state(m) != OutletState.CYCLING) {
            return false;
        }
        send(m, true, OutletState.ON);
        return true;
    }

    /**
     * Sends the {@code on-shutdown} commands, if any and if the link is up, waits (boundedly) for
     * them to go out, then releases the port. No listener is called afterwards.
     */
    @Override
    public final void close() {
        if (outlets.closed()) {
            return;
        }
        if (outlets.up()) {
            setup.onShutdown().actionAtShutdown().ifPresent(action -> {
                for (int m = 1; m <= setup.outlets(); m++) {
                    if (outlets.usable(m)) {
                        requests.offer(new Request(loopEpoch, m, action == OutletAction.ON));
                    }
                }
            });
        }
        outlets.close();
        stopping = true;
        requests.offer(STOP);
        stopSignal.countDown();
        if (lineThread.isAlive() && Thread.currentThread() != lineThread) {
            long bound = closeWaitMillis();
            try {
                lineThread.join(bound);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (lineThread.isAlive()) {
                LOG.warn("{}: the line did not finish within {} ms; closing it", setup.displayName(), bound);
                lineThread.interrupt();
            }
        }
    }

    /** Hands a result of the line thread to the unit's thread; dropped once the unit's thread is gone. */
    final void toUnit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: the unit's thread is gone; a line result is dropped", setup.displayName());
        }
    }
}
