package org.imssim.devices.powergate.serial;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One frame of the PowerGate line protocol ({@code docs/powergate-protocol.md}): a sequence
 * number, a verb and its arguments, on the wire as {@code <seq> <VERB>[ <arg>]... *<CK>\r\n}
 * with {@code <CK>} the XOR of the body's bytes.
 *
 * @param seq  the sequence number, 0–255
 * @param verb upper-case letters: {@code HELLO}, {@code GET}, {@code SET}, {@code STATE}, {@code ERR}
 * @param args the arguments, each non-empty printable ASCII without spaces
 */
public record LineFrame(int seq, String verb, List<String> args) implements Decoded {

    /** The longest frame on the wire, CR LF included. */
    public static final int MAX_BYTES = 64;

    /**
     * @throws IllegalArgumentException when a part could not be put on the wire as it is, or the
     *                                  frame would be longer than {@link #MAX_BYTES}
     */
    public LineFrame {
        if (seq < 0 || seq > 0xFF) {
            throw new IllegalArgumentException("A sequence number is 0 to 255, not " + seq + ".");
        }
        Objects.requireNonNull(verb, "verb");
        if (verb.isEmpty() || !verb.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("A verb is upper-case letters, not \"" + verb + "\".");
        }
        args = List.copyOf(args);
        for (String arg : args) {
            if (arg.isEmpty() || !arg.chars().allMatch(c -> c > 0x20 && c <= 0x7E)) {
                throw new IllegalArgumentException("An argument is printable ASCII without spaces, not \"" + arg + "\".");
            }
        }
        if (body(seq, verb, args).length() + 6 > MAX_BYTES) {
            throw new IllegalArgumentException("A frame is at most " + MAX_BYTES + " bytes.");
        }
    }

    /** A frame of {@code verb} with {@code args}. */
    public static LineFrame of(int seq, String verb, String... args) {
        return new LineFrame(seq, verb, List.of(args));
    }

    /** Argument {@code i} (0-based), or null when there are fewer. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** The frame as it goes on the wire, CR LF included. */
    public byte[] encode() {
        String body = body(seq, verb, args);
        return (body + " *" + hex(checksum(body.getBytes(StandardCharsets.US_ASCII), body.length())) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The frame as text without CR LF, for logs. */
    @Override
    public String toString() {
        return new String(encode(), 0, encode().length - 2, StandardCharsets.US_ASCII);
    }

    /** The XOR of {@code bytes[0..length)}. */
    static int checksum(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum ^= bytes[i] & 0xFF;
        }
        return sum;
    }

    static String hex(int value) {
        return String.format(Locale.ROOT, "%02X", value);
    }

    private static String body(int seq, String verb, List<String> args) {
        StringBuilder b = new StringBuilder(hex(seq)).append(' ').append(verb);
        for (String arg : args) {
            b.append(' ').append(arg);
        }
        return b.toString();
    }
}
