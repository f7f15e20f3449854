package org.imssim.devices.sensor;

/**
 * The range of a {@code current} sensor ({@code range: 15} or {@code 20}), in amperes. Its default
 * high limit is the full range.
 */
public enum CurrentRange {
    A15(15), A20(20);

    /**
     * The range assumed when none is given. SPEC §3 names both ranges but no default; 20 A is the
     * one its example configuration uses.
     */
    public static final CurrentRange DEFAULT = A20;

    private final int amperes;

    CurrentRange(int amperes) {
        this.amperes = amperes;
    }

    /** The full range in amperes. */
    public int amperes() {
        return amperes;
    }

    /**
     * The range of {@code amperes}.
     *
     * @throws IllegalArgumentException when it is neither 15 nor 20
     */
    public static CurrentRange ofAmperes(int amperes) {
        for (CurrentRange range : values()) {
            if (range.amperes == amperes) {
                return range;
            }
        }
        throw new IllegalArgumentException("A current range is 15 or 20 A, not " + amperes + ".");
    }
}
