package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sensor gone for 60 s, or swapped for another type, is TROUBLE; back, it returns to normal (SPEC §4). */
class SensorTroubleTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
            """;

    private final AlarmBench bench = AlarmBench.start(CONFIG);

    @AfterEach
    void close() {
        bench.close();
    }

    @Test
    void aSensorMissingForFiftyNineSecondsChangesNothing() {
        alarm();
        Occurrence open = bench.occurrence("host/1").orElseThrow();
        bench.unplug("host/1");

        bench.advance(Duration.ofSeconds(59));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
        bench.plug("host/1");
        bench.advance(Duration.ofMinutes(5));

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(bench.occurrence("host/1").orElseThrow().id()).isEqualTo(open.id());
        assertThat(bench.events()).containsExactly("Alarm: Room Temp High 90.5 F");
    }

    @Test
    void aSensorMissingForSixtySecondsIsTroubleAndClosesTheOpenOccurrence() {
        alarm();
        Occurrence closed = bench.occurrence("host/1").orElseThrow();
        bench.unplug("host/1");

        bench.advance(Duration.ofSeconds(60));

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.TROUBLE);
        assertThat(bench.events()).containsExactly("Alarm: Room Temp High 90.5 F",
                "Alarm closed: Room Temp, sensor trouble", "Sensor trouble: Room Temp");
        assertThat(bench.calls()).containsExactly("started NEW host/1 High 90.5 F",
                "closed host/1 SENSOR_TROUBLE open=false", "started TROUBLE host/1 Trouble");
        Occurrence trouble = bench.occurrence("host/1").orElseThrow();
        assertThat(trouble.alarmClass()).isEqualTo("Diagnostic");
        assertThat(trouble.condition()).isEqualTo(Condition.TROUBLE);
        assertThat(trouble.reason()).isEqualTo(StartReason.TROUBLE);
        assertThat(trouble.state()).isEqualTo(AlarmState.TROUBLE);
        assertThat(trouble.openedAt()).isEqualTo(bench.now());
        assertThat(trouble.code()).matches("[0-9]{8}").isNotEqualTo(closed.code());
        assertThat(bench.acknowledge(closed.code(), "alice", Via.EMAIL))
                .isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);
    }

    @Test
    void aSensorMissingWhileInRangeIsTroubleWithoutAClosedEvent() {
        bench.unplug("host/1");
        bench.advance(Duration.ofSeconds(59));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);

        bench.advance(Duration.ofSeconds(1));

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.TROUBLE);
        assertThat(bench.events()).containsExactly("Sensor trouble: Room Temp");
    }

    @Test
    void anotherSensorTypePluggedInIsTroubleAtOnce() {
        bench.set("host/1", 90);
        bench.plug("host/1", "humidity");

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.TROUBLE);
        assertThat(bench.events()).containsExactly("Sensor trouble: Room Temp");
        bench.advance(Duration.ofMinutes(5));
        assertThat(bench.events()).containsExactly("Sensor trouble: Room Temp");
    }

    @Test
    void theSensorBackReturnsTheTroubleToNormalAndTheInputIsEvaluatedAfresh() {
        bench.unplug("host/1");
        bench.advance(Duration.ofSeconds(60));
        Occurrence trouble = bench.occurrence("host/1").orElseThrow();
        bench.set("host/1", 90);

        bench.plug("host/1");

        assertThat(bench.events()).containsExactly("Sensor trouble: Room Temp", "Return to normal: Room Temp");
        assertThat(bench.calls()).endsWith("returned host/1 acknowledged=false open=false");
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.PENDING);
        assertThat(bench.acknowledge(trouble.code(), "alice", Via.EMAIL))
                .isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);

        bench.advance(Duration.ofSeconds(60));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(bench.occurrence("host/1").orElseThrow().reason()).isEqualTo(StartReason.NEW);
    }

    @Test
    void theRightSensorPluggedBackAfterAWrongOneInRangeIsNormal() {
        bench.plug("host/1", "humidity");
        bench.plug("host/1", "temperature");

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
        assertThat(bench.events()).containsExactly("Sensor trouble: Room Temp", "Return to normal: Room Temp");
        assertThat(bench.stateChanges()).containsExactly("host/1 NORMAL>TROUBLE", "host/1 TROUBLE>NORMAL");
    }

    @Test
    void aTroubleCanBeAcknowledgedOnceAndStaysTroubleUntilTheSensorIsBack() {
        bench.unplug("host/1");
        bench.advance(Duration.ofSeconds(60));
        String code = bench.code("host/1");

        assertThat(bench.acknowledge(code, "alice", Via.EMAIL).sentence())
                .isEqualTo("Acknowledged: Server Room - Room Temp - Trouble");
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.TROUBLE);
        assertThat(bench.acknowledge(code, "alice", Via.EMAIL)).isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);

        bench.plug("host/1");

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
        assertThat(bench.calls()).endsWith("returned host/1 acknowledged=true open=false");
    }

    @Test
    void anInputWhoseSensorIsMissingAtStartIsTroubleAfterSixtySeconds() {
        try (AlarmBench unstarted = AlarmBench.unstarted(CONFIG)) {
            unstarted.unplug("host/1");
            unstarted.startEngine();
            assertThat(unstarted.state("host/1")).isEqualTo(AlarmState.NORMAL);
            unstarted.advance(Duration.ofSeconds(59));
            assertThat(unstarted.state("host/1")).isEqualTo(AlarmState.NORMAL);

            unstarted.advance(Duration.ofSeconds(1));

            assertThat(unstarted.state("host/1")).isEqualTo(AlarmState.TROUBLE);
            assertThat(unstarted.events()).containsExactly("Sensor trouble: Room Temp");
        }
    }

    @Test
    void disablingAnInputInTroubleClosesTheTrouble() {
        bench.unplug("host/1");
        bench.advance(Duration.ofSeconds(60));

        bench.onLoop(() -> {
            bench.engine().setEnabled(org.imssim.devices.unit.InputAddress.parse("host/1"), false);
            return null;
        });

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
        assertThat(bench.events()).containsExactly("Sensor trouble: Room Temp", "Alarm closed: Room Temp, input disabled");
        bench.advance(Duration.ofMinutes(5));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
    }

    private void alarm() {
        bench.set("host/1", 90.5);
        bench.advance(Duration.ofSeconds(60));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
    }
}
