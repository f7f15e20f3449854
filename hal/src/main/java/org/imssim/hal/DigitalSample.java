package org.imssim.hal;

import java.util.Objects;

/**
 * One state of a {@link DigitalInput}: whether something is attached, its level and its probe
 * kind.
 *
 * <p>{@code high} means the line is <em>active</em> after the backend's active-high/active-low
 * mapping: for a contact, closed. When nothing is attached the sample is {@link #absent()}: not
 * high, no probe kind, so that two absent samples are equal whatever the line floated to.
 *
 * @param present   something is attached
 * @param high      the line is active (a contact closed); always false when absent
 * @param probeKind what is attached, never null; empty when absent or unknown
 */
public record DigitalSample(boolean present, boolean high, String probeKind) {

    private static final DigitalSample ABSENT = new DigitalSample(false, false, "");

    public DigitalSample {
        Objects.requireNonNull(probeKind, "probeKind");
        if (!present) {
            high = false;
            probeKind = "";
        }
    }

    /** An attached channel at {@code high}, of probe kind {@code probeKind} (empty if unknown). */
    public static DigitalSample of(boolean high, String probeKind) {
        return new DigitalSample(true, high, probeKind);
    }

    /** Nothing attached. */
    public static DigitalSample absent() {
        return ABSENT;
    }
}
