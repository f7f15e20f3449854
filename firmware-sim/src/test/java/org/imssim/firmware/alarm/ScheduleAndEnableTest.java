package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.imssim.devices.unit.InputAddress;
import org.junit.jupiter.api.Test;

/**
 * Disabling and weekly schedules (SPEC §4, §12): an input disabled or outside its schedule never
 * alarms, and its open occurrence is closed with an event. Schedules follow {@code unit.time-zone}
 * and {@code holidays}, across daylight-saving changes.
 */
class ScheduleAndEnableTest {

    private static final InputAddress ROOM_TEMP = InputAddress.parse("host/1");

    private static String config(String zone, String holidays, String schedule) {
        return """
                unit: {name: Server Room, temperature-unit: F, time-zone: %s}
                holidays: [%s]
                inputs:
                  - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
                  - {channel: 2, type: water, name: Leak, backend: mock, schedule: %s}
                """.formatted(zone, holidays, schedule);
    }

    private static final String WEEKDAYS = config("UTC", "", "{mon-fri: \"08-17\"}");

    @Test
    void disablingClosesTheOpenOccurrenceWithAnEventAndNoReturnToNormal() {
        try (AlarmBench bench = AlarmBench.start(WEEKDAYS)) {
            bench.set("host/1", 90.5);
            bench.advance(Duration.ofSeconds(60));
            String code = bench.code("host/1");

            bench.onLoop(() -> {
                bench.engine().setEnabled(ROOM_TEMP, false);
                return null;
            });

            assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
            assertThat(bench.occurrence("host/1")).isEmpty();
            assertThat(bench.events()).containsExactly("Alarm: Room Temp High 90.5 F",
                    "Alarm closed: Room Temp, input disabled");
            assertThat(bench.calls()).containsExactly("started NEW host/1 High 90.5 F",
                    "closed host/1 INPUT_DISABLED open=false");
            assertThat(bench.acknowledge(code, "alice", Via.EMAIL)).isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);
        }
    }

    @Test
    void disablingWhilePendingIsSilent() {
        try (AlarmBench bench = AlarmBench.start(WEEKDAYS)) {
            bench.set("host/1", 90.5);
            bench.onLoop(() -> {
                bench.engine().setEnabled(ROOM_TEMP, false);
                return null;
            });
            bench.advance(Duration.ofMinutes(5));

            assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
            assertThat(bench.events()).isEmpty();
        }
    }

    @Test
    void aDisabledInputNeverAlarmsNorGoesIntoTroubleUntilEnabled() {
        String disabled = """
                unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
                inputs:
                  - {channel: 1, type: temperature, name: Room Temp, high: 85, enabled: false, backend: mock, initial: 72}
                """;
        try (AlarmBench bench = AlarmBench.start(disabled)) {
            assertThat(bench.onLoop(() -> bench.engine().isWatching(ROOM_TEMP))).isFalse();
            bench.set("host/1", 95);
            bench.advance(Duration.ofMinutes(10));
            bench.unplug("host/1");
            bench.advance(Duration.ofMinutes(10));
            bench.plug("host/1");
            assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
            assertThat(bench.events()).isEmpty();

            bench.onLoop(() -> {
                bench.engine().setEnabled(ROOM_TEMP, true);
                return null;
            });
            assertThat(bench.state("host/1")).isEqualTo(AlarmState.PENDING);
            bench.advance(Duration.ofSeconds(60));

            assertThat(bench.events()).containsExactly("Alarm: Room Temp High 95.0 F");
        }
    }

    @Test
    void theEndOfAWeeklyScheduleClosesTheOccurrenceAndTheNextStartEvaluatesAfresh() {
        try (AlarmBench bench = AlarmBench.start(WEEKDAYS, Instant.parse("2026-11-30T16:55:00Z"))) {
            bench.set("host/2", "wet");
            bench.advance(Duration.ofSeconds(3));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_UNACKED);

            bench.advanceTo(Instant.parse("2026-11-30T16:59:59Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_UNACKED);
            bench.advanceTo(Instant.parse("2026-11-30T17:00:00Z"));

            assertThat(bench.state("host/2")).isEqualTo(AlarmState.NORMAL);
            assertThat(bench.events()).containsExactly("Alarm: Leak Wet wet", "Alarm closed: Leak, outside schedule");
            assertThat(bench.calls()).endsWith("closed host/2 OUTSIDE_SCHEDULE open=false");

            bench.advanceTo(Instant.parse("2026-12-01T07:59:59Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.NORMAL);
            bench.advanceTo(Instant.parse("2026-12-01T08:00:00Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.PENDING);
            bench.advance(Duration.ofSeconds(3));

            assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_UNACKED);
            assertThat(bench.occurrence("host/2").orElseThrow().openedAt()).isEqualTo(Instant.parse("2026-12-01T08:00:03Z"));
            assertThat(bench.events()).endsWith("Alarm: Leak Wet wet");
        }
    }

    @Test
    void outsideItsScheduleAnInputNeverAlarmsAllWeekend() {
        try (AlarmBench bench = AlarmBench.start(WEEKDAYS, Instant.parse("2026-12-05T10:00:00Z"))) {
            bench.set("host/2", "wet");
            bench.advanceTo(Instant.parse("2026-12-07T07:59:59Z"));

            assertThat(bench.state("host/2")).isEqualTo(AlarmState.NORMAL);
            assertThat(bench.events()).isEmpty();
            assertThat(bench.onLoop(() -> bench.engine().isWatching(InputAddress.parse("host/2")))).isFalse();

            bench.advanceTo(Instant.parse("2026-12-07T08:00:03Z"));
            assertThat(bench.events()).containsExactly("Alarm: Leak Wet wet");
        }
    }

    @Test
    void onAHolidayTheHolidaysEntryReplacesTheWeekdays() {
        String yaml = config("UTC", "2026-12-25", "{mon-fri: \"08-17\", holidays: none}");
        try (AlarmBench bench = AlarmBench.start(yaml, Instant.parse("2026-12-25T09:00:00Z"))) {
            bench.set("host/2", "wet");
            bench.advanceTo(Instant.parse("2026-12-25T16:00:00Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.NORMAL);
            assertThat(bench.events()).isEmpty();

            bench.advanceTo(Instant.parse("2026-12-28T08:00:03Z"));
            assertThat(bench.events()).containsExactly("Alarm: Leak Wet wet");
        }
    }

    @Test
    void onAHolidayWithoutAHolidaysEntryTheWeekdaysHoursApply() {
        String yaml = config("UTC", "2026-12-25", "{mon-fri: \"08-17\"}");
        try (AlarmBench bench = AlarmBench.start(yaml, Instant.parse("2026-12-25T09:00:00Z"))) {
            bench.set("host/2", "wet");
            bench.advance(Duration.ofSeconds(3));

            assertThat(bench.events()).containsExactly("Alarm: Leak Wet wet");
        }
    }

    @Test
    void aScheduleFollowsTheLocalClockIntoSummerTime() {
        // Europe/Berlin, Sunday 2026-03-29: 02:00 CET becomes 03:00 CEST, so 08:00 is 06:00Z (07:00Z the day before)
        String yaml = config("Europe/Berlin", "", "{mon-sun: \"08-17\"}");
        try (AlarmBench bench = AlarmBench.start(yaml, Instant.parse("2026-03-28T17:00:00Z"))) {
            bench.set("host/2", "wet");
            bench.advanceTo(Instant.parse("2026-03-29T05:59:59Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.NORMAL);

            bench.advanceTo(Instant.parse("2026-03-29T06:00:03Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_UNACKED);

            bench.advanceTo(Instant.parse("2026-03-29T14:59:59Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_UNACKED);
            bench.advanceTo(Instant.parse("2026-03-29T15:00:00Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.NORMAL);
            assertThat(bench.events()).containsExactly("Alarm: Leak Wet wet", "Alarm closed: Leak, outside schedule");
        }
    }

    @Test
    void aScheduleFollowsTheLocalClockBackToWinterTime() {
        // Europe/Berlin, Sunday 2026-10-25: 03:00 CEST becomes 02:00 CET, so 08:00 is 07:00Z (06:00Z the day before)
        String yaml = config("Europe/Berlin", "", "{mon-sun: \"08-17\"}");
        try (AlarmBench bench = AlarmBench.start(yaml, Instant.parse("2026-10-24T16:00:00Z"))) {
            bench.set("host/2", "wet");
            bench.advanceTo(Instant.parse("2026-10-25T06:59:59Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.NORMAL);
            assertThat(bench.events()).isEmpty();

            bench.advanceTo(Instant.parse("2026-10-25T07:00:03Z"));
            assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_UNACKED);
            assertThat(bench.occurrence("host/2").orElseThrow().openedAt()).isEqualTo(Instant.parse("2026-10-25T07:00:03Z"));
        }
    }

    @Test
    void withoutAnyScheduleNoMinuteTimerRuns() {
        String yaml = """
                unit: {name: Server Room, time-zone: UTC}
                inputs: [{channel: 1, type: water, name: Leak, backend: mock}]
                """;
        try (AlarmBench bench = AlarmBench.start(yaml)) {
            assertThat(bench.clock().nextDue()).isEmpty();
        }
    }
}
