package org.imssim.devices.powergate.serial;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.devices.powergate.serial.PowerGateProtocol.ErrorCode;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PowerGate end of the line protocol ({@code docs/powergate-protocol.md}), without a port:
 * bytes in from the unit, reply bytes out. It holds N outlets, all off at its power-up, and is
 * <em>fresh</em> (its {@code HELLO} says powered-up) until it has answered a {@code GET} or
 * {@code SET} after a {@code HELLO}. {@code imssim powergate} puts one on a serial port; tests
 * feed it bytes.
 *
 * <p>A relay can be stuck ({@link #stick(int, boolean)}): its read-back then stays where it is,
 * whatever it is told, as a welded contact does.
 *
 * <p>Thread-safe: {@link #receive(byte[])} may be called from the port's reader thread while a
 * test sticks a relay. Switch listeners are called inside {@code receive}.
 */
public final class PowerGateDevice {

    private static final Logger LOG = LoggerFactory.getLogger(PowerGateDevice.class);

    /** Told of each outlet that switched, on the thread that fed the bytes. */
    @FunctionalInterface
    public interface SwitchListener {
        void switched(int outlet, boolean on);
    }

    private final int outletCount;
    private final boolean[] commanded;
    private final Boolean[] stuck;
    private final LineDecoder decoder = new LineDecoder();
    private final Listeners<SwitchListener> listeners = new Listeners<>();
    private boolean fresh = true;
    private boolean greeted;

    /**
     * A PowerGate just powered up with {@code outlets} outlets, all off.
     *
     * @throws IllegalArgumentException {@code A PowerGate has 1 to 8 outlets, not <n>.}
     */
    public PowerGateDevice(int outlets) {
        if (outlets < 1 || outlets > PowerGateSetup.MAX_OUTLETS) {
            throw new IllegalArgumentException("A PowerGate has 1 to 8 outlets, not " + outlets + ".");
        }
        this.outletCount = outlets;
        this.commanded = new boolean[outlets];
        this.stuck = new Boolean[outlets];
    }

    /** Registers {@code listener} for every later switch of an outlet. */
    public Subscription onSwitch(SwitchListener listener) {
        return listeners.add(listener);
    }

    /** Takes in bytes from the unit and returns the replies to the requests they completed (often none). */
    public synchronized byte[] receive(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Decoded decoded : decoder.feed(bytes)) {
            LineFrame reply = answer(decoded);
            if (reply != null) {
                out.writeBytes(reply.encode());
            }
        }
        return out.toByteArray();
    }

    /** How many outlets it has. */
    public int outletCount() {
        return outletCount;
    }

    /** Whether outlet {@code m} was last told on. */
    public synchronized boolean commanded(int m) {
        check(m);
        return commanded[m - 1];
    }

    /** What outlet {@code m}'s relay reads back: as commanded unless stuck. */
    public synchronized boolean readBack(int m) {
        check(m);
        return stuck[m - 1] != null ? stuck[m - 1] : commanded[m - 1];
    }

    /** Sticks outlet {@code m}'s relay reading {@code readBack} (a fault for tests). */
    public synchronized void stick(int m, boolean readBack) {
        check(m);
        stuck[m - 1] = readBack;
    }

    /** Frees outlet {@code m}'s relay: it reads back what it is told again. */
    public synchronized void free(int m) {
        check(m);
        stuck[m - 1] = null;
    }

    /** True until it has answered a {@code GET} or {@code SET} after a {@code HELLO}. */
    public synchronized boolean isFresh() {
        return fresh;
    }

    private LineFrame answer(Decoded decoded) {
        if (decoded instanceof LineError error) {
            LOG.debug("Dropped a line from the unit: {}", error.reason());
            return error.reason() == LineError.Reason.CHECKSUM && error.hasSeq()
                    ? err(error.seq(), ErrorCode.CHECKSUM) : null;
        }
        LineFrame request = (LineFrame) decoded;
        int seq = request.seq();
        switch (request.verb()) {
            case PowerGateProtocol.HELLO -> {
                if (request.args().size() != 1) {
                    return err(seq, ErrorCode.ARGUMENT);
                }
                if (!String.valueOf(PowerGateProtocol.VERSION).equals(request.arg(0))) {
                    return err(seq, ErrorCode.VERSION);
                }
                greeted = true;
                return LineFrame.of(seq, PowerGateProtocol.HELLO, String.valueOf(PowerGateProtocol.VERSION),
                        String.valueOf(outletCount), fresh ? "1" : "0");
            }
            case PowerGateProtocol.GET -> {
                if (!request.args().isEmpty()) {
                    return err(seq, ErrorCode.ARGUMENT);
                }
                if (!greeted) {
                    return err(seq, ErrorCode.HELLO);
                }
                fresh = false;
                return state(seq);
            }
            case PowerGateProtocol.SET -> {
                return set(request);
            }
            default -> {
                return err(seq, ErrorCode.UNKNOWN);
            }
        }
    }

    private LineFrame set(LineFrame request) {
        int seq = request.seq();
        if (request.args().size() != 2) {
            return err(seq, ErrorCode.ARGUMENT);
        }
        int m;
        try {
            m = Integer.parseInt(request.arg(0));
        } catch (NumberFormatException e) {
            return err(seq, ErrorCode.ARGUMENT);
        }
        boolean on;
        if (PowerGateProtocol.ON.equals(request.arg(1))) {
            on = true;
        } else if (PowerGateProtocol.OFF.equals(request.arg(1))) {
            on = false;
        } else {
            return err(seq, ErrorCode.ARGUMENT);
        }
        if (m < 1 || m > outletCount) {
            return err(seq, ErrorCode.RANGE);
        }
        if (!greeted) {
            return err(seq, ErrorCode.HELLO);
        }
        fresh = false;
        if (commanded[m - 1] != on) {
            commanded[m - 1] = on;
            listeners.fire(l -> l.switched(m, on));
        }
        return state(seq);
    }

    private LineFrame state(int seq) {
        boolean[] back = new boolean[outletCount];
        for (int m = 1; m <= outletCount; m++) {
            back[m - 1] = readBack(m);
        }
        return LineFrame.of(seq, PowerGateProtocol.STATE, PowerGateProtocol.outlets(commanded),
                PowerGateProtocol.outlets(back));
    }

    private static LineFrame err(int seq, ErrorCode code) {
        return LineFrame.of(seq, PowerGateProtocol.ERR, code.name());
    }

    private void check(int m) {
        if (m < 1 || m > outletCount) {
            throw new IllegalArgumentException("This PowerGate has outlets 1 to " + outletCount + ".");
        }
    }

    @Override
    public synchronized String toString() {
        return "PowerGateDevice" + Arrays.toString(commanded) + (fresh ? " fresh" : "");
    }
}
