package org.imssim.hal;

import java.time.Instant;
import java.util.Objects;

/**
 * One sample of an {@link AnalogInput}: a value in the channel's raw units with the time it was
 * taken, or "absent" when nothing is attached.
 *
 * <p>An absent sample has the value {@code NaN} and no probe kind; a present one has a finite
 * value. Compare readings with {@link #sameReadingAs(AnalogSample)}, which leaves out the time.
 *
 * @param time      when the sample was taken, on the clock the channel was given
 * @param present   something is attached
 * @param value     the raw value; finite when present, {@code NaN} when absent
 * @param probeKind what is attached, never null; empty when absent or unknown
 */
public record AnalogSample(Instant time, boolean present, double value, String probeKind) {

    public AnalogSample {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(probeKind, "probeKind");
        if (present && !Double.isFinite(value)) {
            throw new IllegalArgumentException("An analog sample must be a finite number, not " + value + ".");
        }
        if (!present) {
            value = Double.NaN;
            probeKind = "";
        }
    }

    /** A present sample. */
    public static AnalogSample of(Instant time, double value, String probeKind) {
        return new AnalogSample(time, true, value, probeKind);
    }

    /** Nothing attached at {@code time}. */
    public static AnalogSample absent(Instant time) {
        return new AnalogSample(time, false, Double.NaN, "");
    }

    /** True when presence, value and probe kind are the same; the time is left out. */
    public boolean sameReadingAs(AnalogSample other) {
        return present == other.present
                && Double.compare(value, other.value) == 0
                && probeKind.equals(other.probeKind);
    }
}
