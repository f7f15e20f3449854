package org.imssim.devices.unit;

import java.util.Objects;
import java.util.Optional;
import org.imssim.devices.sensor.Reading;

/**
 * An input's state at one moment: its presence and, when its sensor is connected, its reading.
 * An input that is missing its sensor, or has another probe plugged in, has no reading.
 */
public final class InputState {

    private static final InputState MISSING = new InputState(Presence.MISSING, null, "");

    private final Presence presence;
    private final Reading reading;
    private final String probeKind;

    private InputState(Presence presence, Reading reading, String probeKind) {
        this.presence = presence;
        this.reading = reading;
        this.probeKind = probeKind;
    }

    /** The sensor is connected and reads {@code reading}; {@code probeKind} as its channel names it. */
    public static InputState connected(Reading reading, String probeKind) {
        return new InputState(Presence.CONNECTED, Objects.requireNonNull(reading, "reading"),
                Objects.requireNonNull(probeKind, "probeKind"));
    }

    /** Nothing is plugged in. */
    public static InputState missing() {
        return MISSING;
    }

    /** A probe of kind {@code probeKind}, not the input's sensor, is plugged in. */
    public static InputState wrongProbe(String probeKind) {
        return new InputState(Presence.WRONG_PROBE, null, Objects.requireNonNull(probeKind, "probeKind"));
    }

    /** What is plugged in. */
    public Presence presence() {
        return presence;
    }

    /** The reading; present exactly when the sensor is {@link Presence#CONNECTED}. */
    public Optional<Reading> reading() {
        return Optional.ofNullable(reading);
    }

    /** What the channel says is plugged in; empty when missing or when it cannot tell. */
    public String probeKind() {
        return probeKind;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputState other
                && presence == other.presence
                && Objects.equals(reading, other.reading)
                && probeKind.equals(other.probeKind);
    }

    @Override
    public int hashCode() {
        return Objects.hash(presence, reading, probeKind);
    }

    @Override
    public String toString() {
        return switch (presence) {
            case CONNECTED -> reading.text();
            case MISSING -> "missing";
            case WRONG_PROBE -> "wrong probe " + probeKind;
        };
    }
}
