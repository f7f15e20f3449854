package org.imssim.devices.unit;

import java.util.Objects;

/**
 * One change of an input: its state before and after. At least one of presence and reading
 * differs.
 *
 * @param input    the input that changed
 * @param previous its state before
 * @param current  its state now
 */
public record InputChange(Input input, InputState previous, InputState current) {

    public InputChange {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }

    /** True when what is plugged in changed (connected, missing, another probe, or its kind). */
    public boolean presenceChanged() {
        return previous.presence() != current.presence() || !previous.probeKind().equals(current.probeKind());
    }

    /** True when the reading changed, appeared or disappeared. */
    public boolean readingChanged() {
        return !previous.reading().equals(current.reading());
    }
}
