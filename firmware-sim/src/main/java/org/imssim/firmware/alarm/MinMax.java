package org.imssim.firmware.alarm;

import java.util.Objects;
import org.imssim.devices.sensor.Reading;

/**
 * The lowest and highest reading of an analog input since the unit started or since its min and
 * max were reset (SPEC §4), in the reading's unit.
 *
 * @param min  the lowest reading
 * @param max  the highest reading
 * @param unit the reading's unit ({@code F}, {@code %RH}, …)
 */
public record MinMax(double min, double max, String unit) {

    public MinMax {
        Objects.requireNonNull(unit, "unit");
        if (min > max) {
            throw new IllegalArgumentException("min must not exceed max");
        }
    }

    /** Min and max of the one reading {@code reading}. */
    public static MinMax of(Reading.Analog reading) {
        return new MinMax(reading.value(), reading.value(), reading.unit());
    }

    /** These extended to include {@code reading}. */
    public MinMax including(Reading.Analog reading) {
        return new MinMax(Math.min(min, reading.value()), Math.max(max, reading.value()), unit);
    }

    /** The lowest reading as written: {@code 65.3 F}. */
    public String minText() {
        return new Reading.Analog(min, unit).text();
    }

    /** The highest reading as written: {@code 90.5 F}. */
    public String maxText() {
        return new Reading.Analog(max, unit).text();
    }
}
