package org.imssim.firmware.config;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Top-level {@code unit:}.
 *
 * @param name            {@code name}, required: the Host's name in mails and the status report
 * @param temperatureUnit {@code temperature-unit}, default {@code C}
 * @param timeZone        {@code time-zone}, default the machine's zone: schedules, holidays and mail times use it
 */
public record UnitSettings(String name, TemperatureUnit temperatureUnit, ZoneId timeZone) {

    public UnitSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(temperatureUnit, "temperatureUnit");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
