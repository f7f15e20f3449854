package org.imssim.devices.powergate.serial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.hal.ByteLink;
import org.imssim.hal.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PowerGate at the far end of a serial line, spoken to in the imssim PowerGate line protocol
 * ({@code backend: serial}; {@code docs/powergate-protocol.md}); {@code imssim powergate} plays
 * the far end.
 *
 * <p><b>Threads.</b> The state of the outlets belongs to the unit's thread (the {@code executor}),
 * where every method is called and every listener is told. The line is read and written on a
 * thread of the PowerGate's own ({@code imssim-powergate-<n>}), started by {@link #start()}, which
 * hands its results to the executor; nothing here blocks the unit.
 *
 * <p><b>Link.</b> Until {@code HELLO} and {@code GET} are answered the link is down and every
 * outlet shows {@code UNKNOWN}. When they are, the outlets take the states the PowerGate reports:
 * they are read back, not commanded, unless its {@code HELLO} says it has just powered up, in
 * which case the {@link org.imssim.devices.powergate.LinkChange} says {@code poweredUp} and the
 * firmware applies {@code power-up}. A PowerGate that restarts while the link is up is reported as
 * a link change up with {@code poweredUp} and no link-down before it. A request unanswered after
 * {@link LineTimings#tries()} tries takes the link down: the link listeners hear it, every outlet
 * shows {@code UNKNOWN}, {@link #command} refuses with {@code PowerGate <n> <name> is not
 * answering.}, and commands not yet sent are dropped. A port that cannot be opened, or is lost, is
 * opened again after a growing wait, and the unit runs on meanwhile.
 *
 * <p><b>Commands.</b> {@link #command} returns the commanded state at once and sends the
 * {@code SET}; a cycle is {@code OFF} now and {@code ON} at {@link #finishCycle}. An outlet whose
 * reported commanded state or read-back differs from what the unit commanded, once its
 * {@code SET}s are answered, shows a relay fault; so does one whose {@code SET} is refused.
 */
public final class SerialPowerGate extends LinePowerGate {

    private static final Logger LOG = LoggerFactory.getLogger(SerialPowerGate.class);

    /** Thrown inside the line thread when the port is gone. */
    private static final class LineLost extends Exception {
        private static final long serialVersionUID = 1L;

        LineLost(String message) {
            super(message, null, false, false);
        }
    }

    // The unit's thread.
    private final int[] pendingSets;
    private boolean presentWarned;

    // Shared between the threads.
    private final BlockingQueue<LineFrame> replies = new LinkedBlockingQueue<>();

    // The line thread.
    private ByteLink line;
    private Subscription lineReceiver;
    private int nextSeq;
    private boolean greeted;
    private boolean reportedUp;
    private boolean powerUpPending;
    private String lastOpenFailure;
    private boolean versionWarned;

    /**
     * A PowerGate on the line that {@code opener} opens; call {@link #start()} to start talking.
     *
     * @param setup    what the PowerGate is
     * @param opener   opens the line, again after it was lost
     * @param portName the port's name, for the log
     * @param executor the thread that owns the unit
     * @param timings  timeouts and intervals ({@link LineTimings#defaults()})
     */
    public SerialPowerGate(PowerGateSetup setup, LineOpener opener, String portName, Executor executor,
                           LineTimings timings) {
        super(setup, opener, portName, executor, timings);
        this.pendingSets = new int[setup.outlets()];
    }

    // ---- the unit's thread ----

    @Override
    long closeWaitMillis() {
        return timings.requestTimeout().toMillis() * timings.tries() * (setup.outlets() + 1L) + 1000;
    }

    @Override
    void send(int m, boolean on, OutletState state) {
        pendingSets[m - 1]++;
        requests.offer(new Request(loopEpoch, m, on));
        outlets.set(m, state, outlets.fault(m));
    }

    private void linkCameUp(int newEpoch, boolean[] commanded, boolean[] readBack, int present, boolean poweredUp) {
        if (outlets.closed()) {
            return;
        }
        loopEpoch = newEpoch;
        Arrays.fill(pendingSets, 0);
        int n = setup.outlets();
        int usable = Math.min(n, present);
        OutletState[] read = new OutletState[n];
        boolean[] faults = new boolean[n];
        for (int m = 1; m <= usable; m++) {
            read[m - 1] = commanded[m - 1] ? OutletState.ON : OutletState.OFF;
            faults[m - 1] = commanded[m - 1] != readBack[m - 1];
        }
        if (present < n && !presentWarned) {
            presentWarned = true;
            LOG.warn("{}: the PowerGate on {} has {} outlets, not {}; outlets {} to {} show UNKNOWN",
                    setup.displayName(), portName, present, n, present + 1, n);
        }
        outlets.linkUp(read, faults, usable, poweredUp);
    }

    private void linkWentDown(int newEpoch) {
        if (outlets.closed()) {
            return;
        }
        loopEpoch = newEpoch;
        Arrays.fill(pendingSets, 0);
        outlets.linkDown();
    }

    private void stateRead(int stateEpoch, int setOutlet, boolean[] commanded, boolean[] readBack) {
        if (outlets.closed() || stateEpoch != loopEpoch || !outlets.up()) {
            return;
        }
        if (setOutlet > 0 && pendingSets[setOutlet - 1] > 0) {
            pendingSets[setOutlet - 1]--;
        }
        int n = Math.min(setup.outlets(), commanded.length);
        for (int m = 1; m <= n; m++) {
            if (pendingSets[m - 1] > 0 || !outlets.usable(m)) {
                continue;
            }
            boolean expected = outlets.state(m) == OutletState.ON;
            boolean fault = commanded[m - 1] != expected || readBack[m - 1] != expected;
            if (fault && !outlets.fault(m)) {
                LOG.warn("{} outlet {} {}: commanded {}, the PowerGate reports {} and its relay reads back {}",
                        setup.displayName(), m, setup.outletName(m), onOff(expected), onOff(commanded[m - 1]),
                        onOff(readBack[m - 1]));
            }
            outlets.set(m, outlets.state(m), fault);
        }
    }

    private void setRefused(int stateEpoch, int m, String code) {
        if (outlets.closed() || stateEpoch != loopEpoch || !outlets.up()) {
            return;
        }
        if (pendingSets[m - 1] > 0) {
            pendingSets[m - 1]--;
        }
        LOG.warn("{} outlet {} {}: the PowerGate refused the command ({})", setup.displayName(), m,
                setup.outletName(m), code);
        outlets.set(m, outlets.state(m), true);
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
                        pause(reopen);
                        reopen = timings.nextReopen(reopen);
                    }
                    continue;
                }
                try {
                    if (!greeted) {
                        if (!greet() && line != null) {
                            pause(timings.retryInterval());
                        }
                        continue;
                    }
                    Request request = requests.poll(timings.keepAlive().toNanos(), TimeUnit.NANOSECONDS);
                    if (request == STOP) {
                        break;
                    }
                    perform(request == null ? new Request(epoch.get(), 0, false) : request);
                } catch (LineLost e) {
                    dropLine(e.getMessage());
                } catch (RuntimeException e) {
                    // Never let the line thread die quietly: the outlets would stay as last seen forever.
                    LOG.error("{}: unexpected failure on the line; it is opened again", setup.displayName(), e);
                    dropLine("an unexpected failure");
                    pause(timings.retryInterval());
                }
            }
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeLine();
        }
    }

    /** At close: what the unit sent last (the on-shutdown commands) goes out before the port is released. */
    private void drain() throws InterruptedException {
        Request request;
        while (line != null && greeted && (request = requests.poll()) != null) {
            if (request == STOP) {
                continue;
            }
            try {
                perform(request);
            } catch (LineLost e) {
                return;
            }
        }
    }

    private boolean openLine() {
        try {
            ByteLink opened = opener.open();
            LineDecoder decoder = new LineDecoder();
            replies.clear();
            lineReceiver = opened.onReceive(bytes -> {
                for (Decoded decoded : decoder.feed(bytes)) {
                    if (decoded instanceof LineFrame frame) {
                        replies.offer(frame);
                    } else {
                        LOG.debug("{}: dropped a line from the PowerGate ({})", setup.displayName(),
                                ((LineError) decoded).reason());
                    }
                }
            });
            line = opened;
            if (lastOpenFailure != null) {
                LOG.info("{}: serial port {} open", setup.displayName(), portName);
            }
            lastOpenFailure = null;
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

    /** HELLO then GET; true when the link is up. */
    private boolean greet() throws LineLost, InterruptedException {
        LineFrame hello = exchange(LineFrame.of(0, PowerGateProtocol.HELLO, String.valueOf(PowerGateProtocol.VERSION)));
        if (hello == null) {
            linkDown("it does not answer HELLO");
            return false;
        }
        int present = helloOutlets(hello);
        if (present < 0) {
            if (!versionWarned) {
                versionWarned = true;
                LOG.error("{}: the PowerGate on {} does not speak protocol version {} (it answered {})",
                        setup.displayName(), portName, PowerGateProtocol.VERSION, hello);
            }
            linkDown("it speaks another protocol");
            return false;
        }
        versionWarned = false;
        if ("1".equals(hello.arg(2))) {
            powerUpPending = true;
        }
        LineFrame state = exchange(LineFrame.of(0, PowerGateProtocol.GET));
        boolean[][] read = state == null ? null : stateOf(state, present);
        if (read == null) {
            linkDown(state == null ? "it does not answer GET" : "it answered GET with " + state);
            return false;
        }
        // Commands accepted before this point were for a PowerGate the unit no longer knows.
        requests.removeIf(r -> r != STOP);
        int upEpoch = epoch.get();
        boolean poweredUp = powerUpPending;
        powerUpPending = false;
        greeted = true;
        reportedUp = true;
        LOG.info("{}: link up on {} ({} outlets{})", setup.displayName(), portName, present,
                poweredUp ? ", just powered up" : "");
        toUnit(() -> linkCameUp(upEpoch, read[0], read[1], present, poweredUp));
        return true;
    }

    private void perform(Request request) throws LineLost, InterruptedException {
        if (request.epoch() != epoch.get()) {
            return; // accepted for a link since gone: never sent, so nothing switches by surprise
        }
        LineFrame sent = request.outlet() == 0
                ? LineFrame.of(0, PowerGateProtocol.GET)
                : LineFrame.of(0, PowerGateProtocol.SET, String.valueOf(request.outlet()),
                        request.on() ? PowerGateProtocol.ON : PowerGateProtocol.OFF);
        LineFrame reply = exchange(sent);
        if (reply == null) {
            linkDown("it does not answer " + sent.verb());
            return;
        }
        if (PowerGateProtocol.ERR.equals(reply.verb())) {
            String code = String.valueOf(reply.arg(0));
            if (PowerGateProtocol.ErrorCode.HELLO.name().equals(code)) {
                LOG.warn("{}: the PowerGate on {} has restarted", setup.displayName(), portName);
                greeted = false;
                powerUpPending = true;
                epoch.incrementAndGet();
            } else if (request.outlet() > 0) {
                int e = request.epoch();
                toUnit(() -> setRefused(e, request.outlet(), code));
            } else {
                LOG.warn("{}: the PowerGate answered GET with {}", setup.displayName(), reply);
            }
            return;
        }
        boolean[][] read = stateOf(reply, -1);
        if (read == null) {
            LOG.warn("{}: the PowerGate answered {} with {}", setup.displayName(), sent.verb(), reply);
            return;
        }
        int e = request.epoch();
        toUnit(() -> stateRead(e, request.outlet(), read[0], read[1]));
    }

    /**
     * Sends {@code request} (under a new sequence number each try) and waits for its reply.
     *
     * @return the reply, or null when none came after every try
     */
    private LineFrame exchange(LineFrame request) throws LineLost, InterruptedException {
        long timeout = timings.requestTimeout().toNanos();
        for (int attempt = 1; attempt <= timings.tries(); attempt++) {
            int seq = nextSeq;
            nextSeq = (nextSeq + 1) & 0xFF;
            LineFrame frame = new LineFrame(seq, request.verb(), request.args());
            write(frame.encode());
            long deadline = System.nanoTime() + timeout;
            while (true) {
                long left = deadline - System.nanoTime();
                LineFrame reply = left > 0 ? replies.poll(left, TimeUnit.NANOSECONDS) : null;
                if (reply == null) {
                    LOG.debug("{}: no answer to {} (try {})", setup.displayName(), frame, attempt);
                    break;
                }
                if (reply.seq() != seq) {
                    LOG.debug("{}: dropped a stale reply {}", setup.displayName(), reply);
                    continue;
                }
                if (PowerGateProtocol.ERR.equals(reply.verb())
                        && PowerGateProtocol.ErrorCode.CHECKSUM.name().equals(reply.arg(0))) {
                    LOG.debug("{}: {} arrived damaged (try {})", setup.displayName(), frame, attempt);
                    break;
                }
                return reply;
            }
            if (!line.isOpen()) {
                throw new LineLost("the port was lost");
            }
        }
        return null;
    }

    private void write(byte[] bytes) throws LineLost {
        try {
            line.write(bytes);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new LineLost("the port was lost");
        }
    }

    /** Link down (if it was up): the unit is told, waiting commands are dropped. */
    private void linkDown(String why) {
        greeted = false;
        int downEpoch = epoch.incrementAndGet();
        requests.removeIf(r -> r != STOP);
        if (reportedUp) {
            reportedUp = false;
            LOG.warn("{}: link down on {}: {}", setup.displayName(), portName, why);
            toUnit(() -> linkWentDown(downEpoch));
        }
    }

    private void dropLine(String why) {
        LOG.warn("{}: serial port {}: {}", setup.displayName(), portName, why);
        closeLine();
        linkDown(why);
    }

    private void closeLine() {
        if (lineReceiver != null) {
            lineReceiver.cancel();
            lineReceiver = null;
        }
        if (line != null) {
            line.close();
            line = null;
        }
    }

    private void pause(Duration wait) throws InterruptedException {
        stopSignal.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The outlet count of a good HELLO reply, or -1. */
    private static int helloOutlets(LineFrame hello) {
        if (!PowerGateProtocol.HELLO.equals(hello.verb()) || hello.args().size() != 3
                || !String.valueOf(PowerGateProtocol.VERSION).equals(hello.arg(0))) {
            return -1;
        }
        try {
            int n = Integer.parseInt(hello.arg(1));
            return n >= 1 && n <= PowerGateSetup.MAX_OUTLETS ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Commanded and read-back of a STATE reply (of {@code outlets} outlets, or any count for -1), or null. */
    private static boolean[][] stateOf(LineFrame reply, int outlets) {
        if (!PowerGateProtocol.STATE.equals(reply.verb()) || reply.args().size() != 2) {
            return null;
        }
        boolean[] commanded = PowerGateProtocol.outlets(reply.arg(0));
        boolean[] readBack = PowerGateProtocol.outlets(reply.arg(1));
        if (commanded == null || readBack == null || commanded.length != readBack.length
                || (outlets > 0 && commanded.length != outlets)) {
            return null;
        }
        return new boolean[][] {commanded, readBack};
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    @Override
    public String toString() {
        return "Serial" + setup.displayName() + outlets;
    }
}
