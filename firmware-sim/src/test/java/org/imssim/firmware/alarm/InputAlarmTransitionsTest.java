package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.imssim.devices.unit.InputAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every transition of SPEC §4 between NORMAL, PENDING, ALARM_UNACKED, RTN_UNACKED and ALARM_ACKED. */
class InputAlarmTransitionsTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
              - {channel: 2, type: water, name: Leak, backend: mock}
              - {channel: 3, type: dry-contact, name: Door, normal: open, backend: mock}
            nodes:
              - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Floor, backend: mock}]}
            """;

    private final AlarmBench bench = AlarmBench.start(CONFIG);

    @AfterEach
    void close() {
        bench.close();
    }

    @Test
    void everyInputInUseStartsNormalAndAChannelWithoutInputIsNotInUse() {
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
        assertThat(bench.state("host/10")).isEqualTo(AlarmState.NORMAL);
        assertThat(bench.state("node-2/9")).isEqualTo(AlarmState.NORMAL);
        assertThat(bench.state("host/5")).isEqualTo(AlarmState.NOT_IN_USE);
        assertThat(bench.onLoop(() -> bench.engine().isWatching(InputAddress.parse("host/5")))).isFalse();
    }

    @Test
    void backInRangeBeforeTheRecognitionTimeEndsReturnsToNormalSilently() {
        bench.set("host/1", 90);
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.PENDING);

        bench.advance(Duration.ofSeconds(59));
        bench.set("host/1", 80);
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);

        bench.advance(Duration.ofMinutes(5));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
        assertThat(bench.events()).isEmpty();
        assertThat(bench.calls()).isEmpty();
        assertThat(bench.stateChanges()).containsExactly("host/1 NORMAL>PENDING", "host/1 PENDING>NORMAL");
    }

    @Test
    void aTemperatureAlarmsWhenItsSixtySecondRecognitionTimeEnds() {
        bench.set("host/1", 90.5);
        bench.advance(Duration.ofSeconds(59));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.PENDING);
        assertThat(bench.occurrence("host/1")).isEmpty();

        bench.advance(Duration.ofSeconds(1));

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(bench.events()).containsExactly("Alarm: Room Temp High 90.5 F");
        assertThat(bench.eventUnits()).containsExactly("host");
        assertThat(bench.calls()).containsExactly("started NEW host/1 High 90.5 F");
        Occurrence occurrence = bench.occurrence("host/1").orElseThrow();
        assertThat(occurrence.address()).isEqualTo(AlarmAddress.of(InputAddress.parse("host/1")));
        assertThat(occurrence.unitName()).isEqualTo("Server Room");
        assertThat(occurrence.inputName()).isEqualTo("Room Temp");
        assertThat(occurrence.alarmClass()).isEqualTo("Temperature");
        assertThat(occurrence.condition()).isEqualTo(Condition.HIGH);
        assertThat(occurrence.valueText()).isEqualTo("90.5 F");
        assertThat(occurrence.code()).matches("[0-9]{8}");
        assertThat(occurrence.openedAt()).isEqualTo(AlarmBench.MONDAY_10.plusSeconds(60));
        assertThat(occurrence.reason()).isEqualTo(StartReason.NEW);
        assertThat(occurrence.state()).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(occurrence.isOpen()).isTrue();
        assertThat(occurrence.acknowledgment()).isEmpty();
    }

    @Test
    void theValueAtTheEndOfTheRecognitionTimeIsTheOneReported() {
        bench.set("host/1", 49.9);
        bench.advance(Duration.ofSeconds(30));
        bench.set("host/1", 47.0);
        bench.advance(Duration.ofSeconds(30));

        assertThat(bench.events()).containsExactly("Alarm: Room Temp Low 47.0 F");
    }

    @Test
    void waterAlarmsWhenItsThreeSecondRecognitionTimeEnds() {
        bench.set("host/2", "wet");
        bench.advance(Duration.ofMillis(2999));
        assertThat(bench.state("host/2")).isEqualTo(AlarmState.PENDING);

        bench.advance(Duration.ofMillis(1));

        assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(bench.events()).containsExactly("Alarm: Leak Wet wet");
        assertThat(bench.occurrence("host/2").orElseThrow().alarmClass()).isEqualTo("Water");
    }

    @Test
    void aContactThatIsNormallyOpenAlarmsClosed() {
        bench.set("host/3", "closed");
        bench.advance(Duration.ofSeconds(3));

        assertThat(bench.events()).containsExactly("Alarm: Door Closed closed");
        assertThat(bench.occurrence("host/3").orElseThrow().alarmClass()).isEqualTo("Other");
    }

    @Test
    void soundAboveItsHighLimitIsHighSound() {
        bench.set("host/11", 85);
        bench.advance(Duration.ofSeconds(10));
        assertThat(bench.state("host/11")).isEqualTo(AlarmState.NORMAL);

        bench.set("host/11", 85.1);
        bench.advance(Duration.ofSeconds(3));

        assertThat(bench.events()).containsExactly("Alarm: High Sound High Sound 85.1 dB");
    }

    @Test
    void theHostsAcPowerFailing() {
        bench.set("host/10", "fail");
        bench.advance(Duration.ofSeconds(60));

        assertThat(bench.events()).containsExactly("Alarm: AC Power Power Fail fail");
        assertThat(bench.occurrence("host/10").orElseThrow().alarmClass()).isEqualTo("Power");
    }

    @Test
    void aNodesInputAlarmsUnderTheNodeAndItsName() {
        bench.set("node-2/4", "wet");
        bench.advance(Duration.ofSeconds(3));

        assertThat(bench.events()).containsExactly("Alarm: Floor Wet wet");
        assertThat(bench.eventUnits()).containsExactly("node-2");
        assertThat(bench.occurrence("node-2/4").orElseThrow().unitName()).isEqualTo("Row B");
    }

    @Test
    void limitsAreStrictAValueEqualToALimitIsInRange() {
        bench.set("host/1", 85);
        bench.advance(Duration.ofMinutes(2));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
        bench.set("host/1", 50);
        bench.advance(Duration.ofMinutes(2));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);

        bench.set("host/1", 85.1);
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.PENDING);
        assertThat(bench.events()).isEmpty();
    }

    @Test
    void backInRangeUnacknowledgedIsRtnUnackedAndOutAgainIsTheSameOccurrenceAtOnce() {
        alarmOnRoomTemp();
        Occurrence first = bench.occurrence("host/1").orElseThrow();

        bench.set("host/1", 80);
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.RTN_UNACKED);
        assertThat(bench.occurrence("host/1").orElseThrow().state()).isEqualTo(AlarmState.RTN_UNACKED);

        bench.set("host/1", 91);

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
        Occurrence again = bench.occurrence("host/1").orElseThrow();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.code()).isEqualTo(first.code());
        assertThat(bench.events()).containsExactly("Alarm: Room Temp High 90.5 F", "Return to normal: Room Temp");
        assertThat(bench.calls()).containsExactly("started NEW host/1 High 90.5 F",
                "returned host/1 acknowledged=false open=true");
        assertThat(bench.stateChanges()).endsWith("host/1 ALARM_UNACKED>RTN_UNACKED", "host/1 RTN_UNACKED>ALARM_UNACKED");
    }

    @Test
    void acknowledgingAfterReturnToNormalEndsTheOccurrence() {
        alarmOnRoomTemp();
        String code = bench.code("host/1");
        bench.set("host/1", 80);

        AcknowledgeOutcome outcome = bench.acknowledge(code, "alice", Via.EMAIL);

        assertThat(outcome).isInstanceOf(AcknowledgeOutcome.Acknowledged.class);
        assertThat(outcome.sentence()).isEqualTo("Acknowledged: Server Room - Room Temp - High");
        Occurrence ended = ((AcknowledgeOutcome.Acknowledged) outcome).occurrence();
        assertThat(ended.isOpen()).isFalse();
        assertThat(ended.acknowledgment().orElseThrow().username()).contains("alice");
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
        assertThat(bench.occurrence("host/1")).isEmpty();
        assertThat(bench.events()).endsWith("Return to normal: Room Temp", "Acknowledged: Room Temp by alice via e-mail");
        assertThat(bench.calls()).endsWith("acknowledged host/1 by alice via e-mail open=false");
    }

    @Test
    void anAcknowledgedAlarmReturnsToNormalWhenBackInRange() {
        alarmOnRoomTemp();
        bench.acknowledge(bench.code("host/1"), "bob", Via.WEB);
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_ACKED);
        Occurrence acked = bench.occurrence("host/1").orElseThrow();
        assertThat(acked.isOpen()).isTrue();
        assertThat(acked.state()).isEqualTo(AlarmState.ALARM_ACKED);
        assertThat(acked.acknowledgment().orElseThrow().via()).isEqualTo(Via.WEB);

        bench.set("host/1", 84.9);

        assertThat(bench.state("host/1")).isEqualTo(AlarmState.NORMAL);
        assertThat(bench.occurrence("host/1")).isEmpty();
        assertThat(bench.events()).containsExactly("Alarm: Room Temp High 90.5 F",
                "Acknowledged: Room Temp by bob via web", "Return to normal: Room Temp");
        assertThat(bench.calls()).containsExactly("started NEW host/1 High 90.5 F",
                "acknowledged host/1 by bob via web open=true", "returned host/1 acknowledged=true open=false");
    }

    @Test
    void aFailingListenerDoesNotStopTheMachine() {
        try (AlarmBench failing = AlarmBench.start(CONFIG, new AlarmListener() {
            @Override
            public void occurrenceStarted(Occurrence occurrence, StartReason reason) {
                throw new IllegalStateException("delivery broke");
            }
        })) {
            failing.set("host/2", "wet");
            failing.advance(Duration.ofSeconds(3));
            failing.set("host/2", "dry");

            assertThat(failing.state("host/2")).isEqualTo(AlarmState.RTN_UNACKED);
            assertThat(failing.events()).containsExactly("Alarm: Leak Wet wet", "Return to normal: Leak");
        }
    }

    @Test
    void aListenerMayAcknowledgeFromInsideOccurrenceStarted() {
        AlarmEngine[] engine = new AlarmEngine[1];
        try (AlarmBench selfAck = AlarmBench.start(CONFIG, new AlarmListener() {
            @Override
            public void occurrenceStarted(Occurrence occurrence, StartReason reason) {
                engine[0].acknowledgeByUnit(occurrence.id(), UnitAcknowledgment.NO_UNTIL_ACKNOWLEDGED_CONTACT);
            }
        })) {
            engine[0] = selfAck.engine();
            selfAck.set("host/2", "wet");
            selfAck.advance(Duration.ofSeconds(3));

            assertThat(selfAck.state("host/2")).isEqualTo(AlarmState.ALARM_ACKED);
            assertThat(selfAck.events()).containsExactly("Alarm: Leak Wet wet",
                    "Acknowledged by the unit: no until-acknowledged contact");
            selfAck.set("host/2", "dry");
            assertThat(selfAck.state("host/2")).isEqualTo(AlarmState.NORMAL);
        }
    }

    private void alarmOnRoomTemp() {
        bench.set("host/1", 90.5);
        bench.advance(Duration.ofSeconds(60));
        assertThat(bench.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
    }
}
