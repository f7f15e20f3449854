package org.imssim.firmware.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Reads top-level {@code unit:}: a required name, the temperature unit and the time zone. */
final class UnitReader {

    private UnitReader() {
    }

    static UnitSettings read(MappingCursor root) {
        MappingCursor m = root.child("unit");
        String name = m.required("name");
        TemperatureUnit temperatureUnit = m.choice("temperature-unit", TemperatureUnit.C,
                List.of(TemperatureUnit.values()), TemperatureUnit::name);
        ZoneId timeZone = ZoneId.systemDefault();
        String zone = m.text("time-zone");
        if (zone != null) {
            try {
                timeZone = ZoneId.of(zone);
            } catch (DateTimeException e) {
                m.error("time-zone", "must be a time zone such as UTC or Europe/Berlin");
            }
        }
        return name == null ? null : new UnitSettings(name, temperatureUnit, timeZone);
    }
}
