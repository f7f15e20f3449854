package org.imssim.devices.powergate.serial;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the bytes of a PowerGate line, in chunks of any size, into {@link LineFrame}s and
 * {@link LineError}s, in order. A frame may arrive split over several chunks, or several frames
 * in one; garbage is dropped up to the next line end (see {@code docs/powergate-protocol.md},
 * "Garbage and resynchronisation"). Holds at most {@link LineFrame#MAX_BYTES} bytes.
 *
 * <p>Not thread-safe: feed it from one thread (the line's reader).
 */
public final class LineDecoder {

    private final byte[] line = new byte[LineFrame.MAX_BYTES];
    private int length;
    private boolean discarding;

    /** Takes in {@code chunk} and returns what the lines it completed hold, in order. */
    public List<Decoded> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Takes in {@code chunk[offset..offset+count)}; see {@link #feed(byte[])}. */
    public List<Decoded> feed(byte[] chunk, int offset, int count) {
        List<Decoded> out = new ArrayList<>(1);
        for (int i = offset; i < offset + count; i++) {
            byte b = chunk[i];
            if (discarding) {
                discarding = b != '\n';
            } else if (b == '\n') {
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                length = 0;
                if (end > 0) {
                    out.add(judge(line, end));
                }
            } else if (length == LineFrame.MAX_BYTES - 1) {
                // No room left for the LF: the line is too long whatever follows.
                out.add(new LineError(LineError.Reason.TOO_LONG, seqOf(line, length)));
                length = 0;
                discarding = true;
            } else {
                line[length++] = b;
            }
        }
        return out;
    }

    /** Forgets a line begun, as after the line was reopened. */
    public void reset() {
        length = 0;
        discarding = false;
    }

    private static Decoded judge(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7E) {
                return malformed(bytes, end);
            }
        }
        // "<body> *HH": at least "00 X *HH".
        if (end < 8 || bytes[end - 4] != ' ' || bytes[end - 3] != '*') {
            return malformed(bytes, end);
        }
        int given = hexByte(bytes[end - 2], bytes[end - 1]);
        int bodyLength = end - 4;
        if (given < 0) {
            return malformed(bytes, end);
        }
        String body = new String(bytes, 0, bodyLength, StandardCharsets.US_ASCII);
        String[] parts = body.split(" ", -1);
        int seq = parts[0].length() == 2 ? hexByte(bytes[0], bytes[1]) : -1;
        if (seq < 0 || parts.length < 2 || Arrays.stream(parts).anyMatch(String::isEmpty)
                || !parts[1].chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return malformed(bytes, end);
        }
        if (LineFrame.checksum(bytes, bodyLength) != given) {
            return new LineError(LineError.Reason.CHECKSUM, seq);
        }
        return new LineFrame(seq, parts[1], Arrays.asList(parts).subList(2, parts.length));
    }

    private static LineError malformed(byte[] bytes, int end) {
        return new LineError(LineError.Reason.MALFORMED, seqOf(bytes, end));
    }

    /** The sequence number at the start of a line ("HH "), or -1. */
    private static int seqOf(byte[] bytes, int end) {
        return end >= 3 && bytes[2] == ' ' ? hexByte(bytes[0], bytes[1]) : -1;
    }

    private static int hexByte(byte high, byte low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
