package org.imssim.devices.powergate.serial;

import java.util.Objects;

/**
 * A line that {@link LineDecoder} dropped, and why. Nothing in it is acted on, except that a
 * PowerGate answers {@code ERR CHECKSUM} to a {@link Reason#CHECKSUM} line whose sequence number
 * could be read.
 *
 * @param reason why the line was dropped
 * @param seq    the sequence number at the start of the line, when it could be read; else -1
 */
public record LineError(Reason reason, int seq) implements Decoded {

    /** Why a line was dropped. */
    public enum Reason {
        /** Well formed, but the checksum does not match the body. */
        CHECKSUM,
        /** 64 bytes or more without a line end; the rest up to the next line end was dropped too. */
        TOO_LONG,
        /** Not a frame: a byte that is not printable ASCII, no {@code *<CK>}, a bad sequence number or verb. */
        MALFORMED
    }

    public LineError {
        Objects.requireNonNull(reason, "reason");
    }

    /** True when the line's sequence number could be read. */
    public boolean hasSeq() {
        return seq >= 0;
    }
}
