package org.imssim.firmware.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A weekly schedule of an input, a contact or an IP device (SPEC §12), as written under
 * {@code schedule:} with ranges of days already expanded and single days applied over them.
 *
 * <p>A day not in {@code days} is inactive, as is a day written {@code none}. A schedule that is not
 * written at all means always active: that is the caller's business, the records then hold
 * {@code null} and no {@code ScheduleConfig}.
 *
 * @param days     the active hours of each day the schedule names ({@link ActiveHours#NONE} for {@code none})
 * @param holidays the {@code holidays} entry, replacing the weekday's on a holiday; null when not written
 *                 (on a holiday the weekday's hours then apply)
 */
public record ScheduleConfig(Map<DayOfWeek, ActiveHours> days, ActiveHours holidays) {

    public ScheduleConfig {
        days = Map.copyOf(days);
    }

    /**
     * Whether the schedule is active at {@code now}, whose wall-clock date and time are read as they
     * are: pass it in {@code unit.time-zone} ({@code instant.atZone(unit.timeZone())}). On a date in
     * {@code holidayDates}, the {@code holidays} entry replaces the weekday's when written. The start
     * of a range is included, its end excluded.
     *
     * @param now          the moment, in the unit's time zone
     * @param holidayDates the configuration's holidays (top-level {@code holidays:})
     */
    public boolean isActive(ZonedDateTime now, Set<LocalDate> holidayDates) {
        Objects.requireNonNull(now, "now");
        LocalDate date = now.toLocalDate();
        ActiveHours hours = holidays != null && holidayDates.contains(date)
                ? holidays
                : days.get(date.getDayOfWeek());
        return hours != null && hours.contains(now.toLocalTime());
    }

    /** The hours that apply on {@code day} when it is not a holiday; {@link ActiveHours#NONE} when not named. */
    public ActiveHours hoursOn(DayOfWeek day) {
        return days.getOrDefault(day, ActiveHours.NONE);
    }
}
