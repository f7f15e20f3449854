package org.imssim.firmware.alarm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.ScheduleConfig;

/**
 * The unit's calendar for schedules (SPEC §12): its time zone ({@code unit.time-zone}) and its
 * {@code holidays}. An instant is read as a wall-clock date and time in that zone, so a schedule
 * {@code "08-17"} follows the local clock across a daylight-saving change.
 */
public final class ScheduleCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public ScheduleCalendar(ZoneId zone, Collection<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Set.copyOf(holidays);
    }

    /** The calendar of {@code config}: its unit's time zone and its holidays. */
    public static ScheduleCalendar of(ImsConfig config) {
        return new ScheduleCalendar(config.unit().timeZone(), config.holidays());
    }

    /** Whether {@code schedule} is active at {@code now}; a schedule not written ({@code null}) always is. */
    public boolean isActive(ScheduleConfig schedule, Instant now) {
        return schedule == null || schedule.isActive(now.atZone(zone), holidays);
    }

    public ZoneId zone() {
        return zone;
    }
}
