package org.imssim.hal.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.imssim.hal.ByteLink;
import org.imssim.hal.Listeners;
import org.imssim.hal.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ByteLink} on a real serial port (jSerialComm), opened by its path ({@code /dev/ttyUSB0},
 * or a pty such as a socat link, which jSerialComm does not list but opens by path): 8 data bits,
 * no parity, one stop bit, no flow control, so the line is binary-clean.
 *
 * <p>A reader thread of its own hands each chunk that arrives to the receivers. When the port is
 * lost (a USB adapter pulled, the far end of a pty gone) the link closes itself: {@link #isOpen()}
 * turns false and {@link #write(byte[])} throws; whoever owns it opens a new one.
 */
public final class SerialPortLink implements ByteLink {

    private static final Logger LOG = LoggerFactory.getLogger(SerialPortLink.class);
    /** How long a read waits for a first byte, so the reader notices close() in time. */
    private static final int READ_WAIT_MS = 100;
    /** The longest close() waits for written bytes to leave. */
    private static final int DRAIN_MS = 500;
    /** How long after its last write a port is closed at the earliest. */
    private static final int SETTLE_MS = 50;

    private final String path;
    private final SerialPort port;
    private final Listeners<Receiver> receivers = new Listeners<>();
    private final Thread reader;
    private final Object writeLock = new Object();
    private volatile boolean open = true;
    private volatile long lastWrite = System.nanoTime() - SETTLE_MS * 2_000_000L;

    private SerialPortLink(String path, SerialPort port) {
        this.path = path;
        this.port = port;
        this.reader = new Thread(this::read, "imssim-serial-" + path);
        this.reader.setDaemon(true);
    }

    /**
     * Opens the serial port at {@code path}.
     *
     * @param path the device path
     * @param baud the baud rate (a pty ignores it)
     * @throws IOException {@code The serial port <path> cannot be opened.} when it does not exist
     *                     or is busy
     */
    public static SerialPortLink open(String path, int baud) throws IOException {
        Objects.requireNonNull(path, "path");
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("The serial port " + path + " cannot be opened.", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_WAIT_MS, 1000);
        // On a pty openPort() succeeds although an ioctl fails (ENOTTY): trust the return value only.
        if (!port.openPort()) {
            throw new IOException("The serial port " + path + " cannot be opened.");
        }
        SerialPortLink link = new SerialPortLink(path, port);
        link.reader.start();
        LOG.debug("Serial port {} open", path);
        return link;
    }

    /** The path it was opened by. */
    public String path() {
        return path;
    }

    @Override
    public void write(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (!open) {
            throw new IllegalStateException("The serial port " + path + " is closed.");
        }
        synchronized (writeLock) {
            int done = 0;
            while (done < bytes.length) {
                int n = port.writeBytes(bytes, bytes.length - done, done);
                if (n <= 0) {
                    lost("a write failed");
                    throw new UncheckedIOException(new IOException("The serial port " + path + " was lost."));
                }
                done += n;
            }
            lastWrite = System.nanoTime();
        }
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
        if (!open) {
            return;
        }
        open = false;
        receivers.clear();
        drainOutput();
        port.closePort();
        if (Thread.currentThread() != reader) {
            try {
                reader.join(READ_WAIT_MS * 10L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.debug("Serial port {} closed", path);
    }

    /**
     * Waits (at most {@link #DRAIN_MS}) until what was written has left: closing the port discards
     * bytes still queued (jSerialComm flushes; on a pty that flush empties the far side's unread
     * input too), and the last command before a close (an on-shutdown switch) must go out. A port
     * that cannot say what is queued (a pty says 0) gets {@link #SETTLE_MS} after its last write.
     */
    private void drainOutput() {
        long now = System.nanoTime();
        long deadline = now + DRAIN_MS * 1_000_000L;
        long settled = lastWrite + SETTLE_MS * 1_000_000L;
        while ((port.bytesAwaitingWrite() > 0 || System.nanoTime() - settled < 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void read() {
        byte[] buffer = new byte[256];
        while (open) {
            int n = port.readBytes(buffer, buffer.length);
            if (!open) {
                return;
            }
            if (n < 0) {
                lost("a read failed");
                return;
            }
            if (n > 0) {
                byte[] chunk = Arrays.copyOf(buffer, n);
                receivers.fire(r -> r.received(chunk));
            } else if (port.bytesAvailable() < 0) {
                // A read that times out with nothing is normal; a port that cannot say what is waiting is gone.
                lost("the port no longer answers");
                return;
            }
        }
    }

    private void lost(String why) {
        if (open) {
            LOG.warn("Serial port {} lost: {}", path, why);
            open = false;
            receivers.clear();
            port.closePort();
        }
    }

    @Override
    public String toString() {
        return "SerialPortLink[" + path + (open ? "" : ", closed") + "]";
    }
}
