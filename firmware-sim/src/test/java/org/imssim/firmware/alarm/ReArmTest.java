package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reset time: an acknowledged alarm still out of range is re-armed (SPEC §4). */
class ReArmTest {

    private static String config(String resetTime) {
        return """
                unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
                inputs:
                  - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, reset-time: %s,
                     backend: mock, initial: 72}
                """.formatted(resetTime);
    }

    @Test
    void anAcknowledgedAlarmStillOutOfRangeAfterThirtyMinutesIsReArmedWithANewCode() {
        try (AlarmBench bench = AlarmBench.start(config("30m"))) {
            Occurrence first = acknowledgedAlarm(bench);

            bench.advance(Duration.ofMinutes(30).minusSeconds(1));
            assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_ACKED);
            assertThat(bench.occurrence("host/1").orElseThrow().id()).isEqualTo(first.id());

            bench.set("host/1", 92.0);
            bench.advance(Duration.ofSeconds(1));

            assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
            Occurrence second = bench.occurrence("host/1").orElseThrow();
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.code()).matches("[0-9]{8}").isNotEqualTo(first.code());
            assertThat(second.reason()).isEqualTo(StartReason.REARMED);
            assertThat(second.valueText()).isEqualTo("92.0 F");
            assertThat(second.openedAt()).isEqualTo(first.openedAt().plus(Duration.ofMinutes(30)));
            assertThat(bench.events()).containsExactly("Alarm: Room Temp High 90.5 F",
                    "Acknowledged: Room Temp by alice via e-mail", "Alarm re-armed: Room Temp");
            assertThat(bench.calls()).endsWith("closed host/1 REARMED open=false", "started REARMED host/1 High 92.0 F");

            assertThat(bench.acknowledge(first.code(), "alice", Via.EMAIL).sentence())
                    .isEqualTo("That acknowledgment code is no longer valid.");
            assertThat(bench.acknowledge(second.code(), "alice", Via.EMAIL))
                    .isInstanceOf(AcknowledgeOutcome.Acknowledged.class);
        }
    }

    @Test
    void aReArmedAlarmAcknowledgedAgainIsReArmedAgain() {
        try (AlarmBench bench = AlarmBench.start(config("30m"))) {
            acknowledgedAlarm(bench);
            bench.advance(Duration.ofMinutes(30));
            bench.acknowledge(bench.code("host/1"), "bob", Via.API);

            bench.advance(Duration.ofMinutes(30));

            assertThat(bench.events()).filteredOn(e -> e.startsWith("Alarm re-armed")).hasSize(2);
            assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
        }
    }

    @Test
    void resetTimeZeroNeverReArms() {
        try (AlarmBench bench = AlarmBench.start(config("0"))) {
            Occurrence first = acknowledgedAlarm(bench);

            assertThat(bench.clock().nextDue()).isEmpty();
            bench.advance(Duration.ofDays(30));

            assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_ACKED);
            assertThat(bench.occurrence("host/1").orElseThrow().id()).isEqualTo(first.id());
            assertThat(bench.events()).noneMatch(e -> e.startsWith("Alarm re-armed"));
        }
    }

    @Test
    void backInRangeBeforeTheResetTimeCancelsTheReArm() {
        try (AlarmBench bench = AlarmBench.start(config("30m"))) {
            acknowledgedAlarm(bench);
            bench.set("host/1", 80);
            bench.advance(Duration.ofMinutes(10));
            bench.set("host/1", 95);

            bench.advance(Duration.ofMinutes(25));

            assertThat(bench.events()).noneMatch(e -> e.startsWith("Alarm re-armed"));
            assertThat(bench.events()).endsWith("Return to normal: Room Temp", "Alarm: Room Temp High 95.0 F");
            assertThat(bench.started()).extracting(Occurrence::reason).containsExactly(StartReason.NEW, StartReason.NEW);
        }
    }

    private static Occurrence acknowledgedAlarm(AlarmBench bench) {
        bench.set("host/1", 90.5);
        bench.advance(Duration.ofSeconds(60));
        Occurrence first = bench.occurrence("host/1").orElseThrow();
        assertThat(bench.acknowledge(first.code(), "alice", Via.EMAIL)).isInstanceOf(AcknowledgeOutcome.Acknowledged.class);
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_ACKED);
        return first;
    }
}
