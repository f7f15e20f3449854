package org.imssim.hal;

/**
 * A byte link: one end of a serial line. Bytes written go to the far end; bytes from the far end
 * are handed to the receivers as they arrive, in chunks of any size (a frame may be split over
 * several calls, or several frames come in one). Framing and timeouts belong to the protocol
 * above, on its own clock.
 *
 * <p>Receivers may be called on any thread (a real backend calls from its reader thread; see the
 * package notes), and must not keep the array they are given past the call.
 */
public interface ByteLink extends AutoCloseable {

    /** Called with each chunk of bytes that arrives. */
    @FunctionalInterface
    interface Receiver {
        void received(byte[] bytes);
    }

    /**
     * Sends {@code bytes} to the far end. The array is not kept.
     *
     * @throws IllegalStateException when this end is closed
     * @throws java.io.UncheckedIOException when a real line fails
     */
    void write(byte[] bytes);

    /** Registers {@code receiver} for every later chunk. */
    Subscription onReceive(Receiver receiver);

    /** True until {@link #close()}, or until a real line is lost. */
    boolean isOpen();

    /** Closes this end; no receiver is called after it returns. Closing twice is harmless. */
    @Override
    void close();
}
