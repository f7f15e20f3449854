package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.config.ConfigTexts.config;
import static org.imssim.firmware.config.ConfigTexts.errors;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading schedules (SPEC §12) and evaluating them, across a change of daylight saving time too. */
class ScheduleConfigTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25); // a Friday

    private static ScheduleConfig schedule(String flowMapping) {
        return config("unit: {name: X}\ninputs:\n  - {channel: 1, type: water, schedule: " + flowMapping + "}\n")
                .inputs().get(0).schedule();
    }

    private static ZonedDateTime berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN);
    }

    @Test
    void rangeStartIncludedEndExcluded() {
        ScheduleConfig s = schedule("{mon-fri: \"08-17\"}");
        assertThat(s.isActive(berlin("2026-06-01T07:59:59"), Set.of())).isFalse();
        assertThat(s.isActive(berlin("2026-06-01T08:00:00"), Set.of())).isTrue();
        assertThat(s.isActive(berlin("2026-06-05T16:59:59"), Set.of())).isTrue();
        assertThat(s.isActive(berlin("2026-06-05T17:00:00"), Set.of())).isFalse();
    }

    @Test
    void daysNotNamedAreInactive() {
        ScheduleConfig s = schedule("{mon-fri: \"08-17\"}");
        assertThat(s.isActive(berlin("2026-06-06T12:00:00"), Set.of())).as("Saturday").isFalse();
        assertThat(s.hoursOn(DayOfWeek.SUNDAY)).isEqualTo(ActiveHours.NONE);
    }

    @Test
    void minutesAndTheWholeDay() {
        ScheduleConfig s = schedule("{mon: \"08:30-17:45\", sun: \"00-24\"}");
        assertThat(s.isActive(berlin("2026-06-01T08:29:00"), Set.of())).isFalse();
        assertThat(s.isActive(berlin("2026-06-01T08:30:00"), Set.of())).isTrue();
        assertThat(s.isActive(berlin("2026-06-01T17:44:59"), Set.of())).isTrue();
        assertThat(s.isActive(berlin("2026-06-01T17:45:00"), Set.of())).isFalse();
        assertThat(s.isActive(berlin("2026-06-07T00:00:00"), Set.of())).isTrue();
        assertThat(s.isActive(berlin("2026-06-07T23:59:59"), Set.of())).isTrue();
    }

    @Test
    void singleDayOverridesTheRangeThatContainsIt() {
        ScheduleConfig s = schedule("{mon-fri: \"08-17\", wed: none, fri: \"10-12\"}");
        assertThat(s.isActive(berlin("2026-06-02T09:00:00"), Set.of())).as("Tuesday").isTrue();
        assertThat(s.isActive(berlin("2026-06-03T09:00:00"), Set.of())).as("Wednesday").isFalse();
        assertThat(s.isActive(berlin("2026-06-05T09:00:00"), Set.of())).as("Friday").isFalse();
        assertThat(s.isActive(berlin("2026-06-05T11:00:00"), Set.of())).as("Friday").isTrue();
    }

    @Test
    void holidaysEntryReplacesTheWeekdayOnAHoliday() {
        ScheduleConfig s = schedule("{mon-fri: \"08-17\", holidays: \"10-12\"}");
        assertThat(s.isActive(berlin("2026-12-25T09:00:00"), Set.of(CHRISTMAS))).isFalse();
        assertThat(s.isActive(berlin("2026-12-25T11:00:00"), Set.of(CHRISTMAS))).isTrue();
        assertThat(s.isActive(berlin("2026-12-25T09:00:00"), Set.of())).as("not listed as a holiday").isTrue();

        ScheduleConfig off = schedule("{mon-sun: \"00-24\", holidays: none}");
        assertThat(off.isActive(berlin("2026-12-25T11:00:00"), Set.of(CHRISTMAS))).isFalse();
        assertThat(off.isActive(berlin("2026-12-24T11:00:00"), Set.of(CHRISTMAS))).isTrue();
    }

    @Test
    void withoutAHolidaysEntryTheWeekdayApplies() {
        ScheduleConfig s = schedule("{fri: \"08-17\"}");
        assertThat(s.holidays()).isNull();
        assertThat(s.isActive(berlin("2026-12-25T09:00:00"), Set.of(CHRISTMAS))).isTrue();
    }

    @Test
    void springForwardDayUsesTheWallClock() {
        // 2026-03-29, Europe/Berlin: 02:00 CET jumps to 03:00 CEST; the day has 23 hours.
        ScheduleConfig s = schedule("{sun: \"02-03\", sat: \"08-17\"}");
        assertThat(s.isActive(Instant.parse("2026-03-29T00:59:59Z").atZone(BERLIN), Set.of()))
                .as("01:59:59 CET").isFalse();
        assertThat(Instant.parse("2026-03-29T01:00:00Z").atZone(BERLIN).toLocalTime()).hasToString("03:00");
        assertThat(s.isActive(Instant.parse("2026-03-29T01:00:00Z").atZone(BERLIN), Set.of()))
                .as("the hour 02-03 does not exist that day").isFalse();

        ScheduleConfig office = schedule("{sun: \"08-17\"}");
        assertThat(office.isActive(Instant.parse("2026-03-29T06:00:00Z").atZone(BERLIN), Set.of()))
                .as("08:00 CEST is 06:00 UTC").isTrue();
        assertThat(office.isActive(Instant.parse("2026-03-29T05:59:59Z").atZone(BERLIN), Set.of()))
                .as("07:59:59 CEST").isFalse();
        assertThat(office.isActive(Instant.parse("2026-03-29T15:00:00Z").atZone(BERLIN), Set.of()))
                .as("17:00 CEST is 15:00 UTC").isFalse();
    }

    @Test
    void fallBackDayRepeatsTheHour() {
        // 2026-10-25, Europe/Berlin: 03:00 CEST falls back to 02:00 CET; 02:xx happens twice.
        ScheduleConfig s = schedule("{sun: \"02-03\"}");
        assertThat(s.isActive(Instant.parse("2026-10-25T00:30:00Z").atZone(BERLIN), Set.of()))
                .as("02:30 CEST").isTrue();
        assertThat(s.isActive(Instant.parse("2026-10-25T01:30:00Z").atZone(BERLIN), Set.of()))
                .as("02:30 CET").isTrue();
        assertThat(s.isActive(Instant.parse("2026-10-25T02:00:00Z").atZone(BERLIN), Set.of()))
                .as("03:00 CET").isFalse();
    }

    @Test
    void unquotedRangesAreTextToo() {
        ScheduleConfig s = schedule("{mon-fri: 08-17, sat: 8-12}");
        assertThat(s.hoursOn(DayOfWeek.MONDAY)).isEqualTo(new ActiveHours(8 * 60, 17 * 60));
        assertThat(s.hoursOn(DayOfWeek.SATURDAY)).isEqualTo(new ActiveHours(8 * 60, 12 * 60));
    }

    @Test
    void scheduleErrors() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - channel: 1
                    type: water
                    schedule:
                      fri-mon: "08-17"
                      mon-wed: "08-17"
                      tue-thu: "08-17"
                      sat: "24-24"
                      sun: "17-08"
                      weekend: none
                      holidays: "08:00-24:30"
                  - channel: 2
                    type: water
                    schedule: {mon: "8 to 17", tue: "08:60-09", wed: "25-26", thu: "", fri: "09-09"}
                """)).containsExactly(
                "inputs[0].schedule.fri-mon: must not wrap past sun: write it as two ranges, such as fri-sun and mon-tue (line 6)",
                "inputs[0].schedule.tue-thu: overlaps another range of days (line 8)",
                "inputs[0].schedule.sat: may use 24 only as the end of a range (line 9)",
                "inputs[0].schedule.sun: must start before it ends; no range runs past midnight (line 10)",
                "inputs[0].schedule.weekend: is not a day: write mon to sun, a range such as mon-fri, or holidays (line 11)",
                "inputs[0].schedule.holidays: must end at 24 at the latest (line 12)",
                "inputs[1].schedule.fri: must start before it ends; no range runs past midnight (line 15)",
                "inputs[1].schedule.mon: must be none or a time range such as \"08-17\" or \"08:30-17:00\" (line 15)",
                "inputs[1].schedule.thu: must be none or a time range such as \"08-17\" or \"08:30-17:00\" (line 15)",
                "inputs[1].schedule.tue: must use hours 00 to 24 and minutes 00 to 59 (line 15)",
                "inputs[1].schedule.wed: must use hours 00 to 24 and minutes 00 to 59 (line 15)");
    }

    @Test
    void contactAndIpDeviceSchedulesAreReadAlike() {
        ImsConfig config = config("""
                unit: {name: X}
                profiles:
                  - {username: bob, password: pw, level: user, contacts: [{email: b@example.com, schedule: {sat-sun: "00-24"}}]}
                ip-devices:
                  - {name: Gw, address: 10.0.0.1, schedule: {mon-fri: "06-22"}}
                """);
        assertThat(config.profiles().get(0).contacts().get(0).schedule().hoursOn(DayOfWeek.SATURDAY))
                .isEqualTo(ActiveHours.ALL_DAY);
        assertThat(config.ipDevices().get(0).schedule().hoursOn(DayOfWeek.FRIDAY))
                .isEqualTo(new ActiveHours(6 * 60, 22 * 60));
    }
}
