package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.imssim.devices.unit.InputAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Acknowledgment codes and the ways to acknowledge (SPEC §4 Acknowledgment codes, §7 ack, §13). */
class AcknowledgeTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
              - {channel: 2, type: water, name: Leak, backend: mock}
            """;
    private static final String NO_LONGER_VALID = "That acknowledgment code is no longer valid.";
    private static final InputAddress LEAK = InputAddress.parse("host/2");

    // the two alarms below draw 00000007 twice: the second occurrence must get another code
    private final AlarmBench bench = AlarmBench.start(CONFIG, AlarmBench.MONDAY_10, new ScriptedRandom(7, 7, 4242, 31));

    @AfterEach
    void close() {
        bench.close();
    }

    @Test
    void codesAreEightDigitsAndUniqueAmongOpenOccurrences() {
        wet();
        bench.set("host/1", 90.5);
        bench.advance(Duration.ofSeconds(60));

        assertThat(bench.code("host/2")).isEqualTo("00000007");
        assertThat(bench.code("host/1")).isEqualTo("00004242");
        assertThat(bench.onLoop(() -> bench.engine().openOccurrences()))
                .extracting(Occurrence::code).containsExactly("00004242", "00000007");
    }

    @Test
    void aCodeAcknowledgesItsOccurrenceOnceThenIsNoLongerValid() {
        wet();

        AcknowledgeOutcome first = bench.acknowledge("00000007", "alice", Via.EMAIL);
        AcknowledgeOutcome second = bench.acknowledge("00000007", "alice", Via.EMAIL);

        assertThat(first.sentence()).isEqualTo("Acknowledged: Server Room - Leak - Wet");
        assertThat(second).isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);
        assertThat(second.sentence()).isEqualTo(NO_LONGER_VALID);
        assertThat(bench.events()).containsExactly("Alarm: Leak Wet wet", "Acknowledged: Leak by alice via e-mail");
    }

    @Test
    void anUnknownCodeIsNoLongerValid() {
        wet();

        assertThat(bench.acknowledge("12345678", "alice", Via.EMAIL).sentence()).isEqualTo(NO_LONGER_VALID);
        assertThat(bench.acknowledge("7", "alice", Via.EMAIL).sentence()).isEqualTo(NO_LONGER_VALID);
        assertThat(bench.acknowledge(null, "alice", Via.EMAIL).sentence()).isEqualTo(NO_LONGER_VALID);
        assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_UNACKED);
    }

    @Test
    void theCodeOfAnAcknowledgedOccurrenceStaysTakenWhileItIsOpen() {
        wet();
        bench.acknowledge("00000007", "alice", Via.EMAIL);

        bench.set("host/1", 90.5);
        bench.advance(Duration.ofSeconds(60));

        assertThat(bench.code("host/1")).isEqualTo("00004242");
    }

    @Test
    void theCodeOfAnEndedOccurrenceIsFreeAgain() {
        wet();
        bench.acknowledge("00000007", "alice", Via.EMAIL);
        bench.set("host/2", "dry");

        bench.set("host/1", 90.5);
        bench.advance(Duration.ofSeconds(60));

        assertThat(bench.code("host/1")).isEqualTo("00000007");
    }

    @Test
    void acknowledgeableGivesTheOccurrenceForThePermissionCheck() {
        wet();

        assertThat(bench.onLoop(() -> bench.engine().acknowledgeable("00000007")))
                .hasValueSatisfying(o -> {
                    assertThat(o.address().input()).isEqualTo(LEAK);
                    assertThat(o.alarmClass()).isEqualTo("Water");
                });
        bench.acknowledge("00000007", "alice", Via.EMAIL);
        assertThat(bench.onLoop(() -> bench.engine().acknowledgeable("00000007"))).isEmpty();
    }

    @Test
    void theApiAcknowledgesAnInputsOccurrenceOrHasNothingToAcknowledge() {
        assertThat(bench.onLoop(() -> bench.engine().acknowledgeInput(LEAK, "alice", Via.API)))
                .isInstanceOf(AcknowledgeOutcome.NothingToAcknowledge.class);
        bench.set("host/2", "wet");
        assertThat(bench.onLoop(() -> bench.engine().acknowledgeInput(LEAK, "alice", Via.API)))
                .as("pending is not yet an alarm").isInstanceOf(AcknowledgeOutcome.NothingToAcknowledge.class);
        bench.advance(Duration.ofSeconds(3));

        AcknowledgeOutcome outcome = bench.onLoop(() -> bench.engine().acknowledgeInput(LEAK, "alice", Via.API));

        assertThat(outcome).isInstanceOf(AcknowledgeOutcome.Acknowledged.class);
        assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_ACKED);
        assertThat(bench.events()).endsWith("Acknowledged: Leak by alice via api");
        assertThat(bench.onLoop(() -> bench.engine().acknowledgeInput(LEAK, "alice", Via.API)))
                .isInstanceOf(AcknowledgeOutcome.NothingToAcknowledge.class);
    }

    @Test
    void theUnitAcknowledgesWhenItsCallingRoundsAreUsedUp() {
        wet();
        String id = bench.occurrence("host/2").orElseThrow().id();

        AcknowledgeOutcome outcome = bench.onLoop(
                () -> bench.engine().acknowledgeByUnit(id, UnitAcknowledgment.ROUNDS_USED_UP));

        assertThat(outcome).isInstanceOf(AcknowledgeOutcome.Acknowledged.class);
        Acknowledgment by = bench.occurrence("host/2").orElseThrow().acknowledgment().orElseThrow();
        assertThat(by.username()).isEmpty();
        assertThat(by.via()).isEqualTo(Via.UNIT);
        assertThat(by.at()).isEqualTo(bench.now());
        assertThat(bench.events()).endsWith("Acknowledged by the unit: calling rounds used up");
        assertThat(bench.acknowledge("00000007", "alice", Via.EMAIL).sentence()).isEqualTo(NO_LONGER_VALID);
        assertThat(bench.onLoop(() -> bench.engine().acknowledgeByUnit(id, UnitAcknowledgment.ROUNDS_USED_UP)))
                .isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);
    }

    @Test
    void aProfileAcknowledgesByEmailWebOrApiWithItsUsername() {
        assertThatThrownBy(() -> Acknowledgment.byUser("alice", Via.UNIT, bench.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Acknowledgment.byUser(" ", Via.EMAIL, bench.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void wet() {
        bench.set("host/2", "wet");
        bench.advance(Duration.ofSeconds(3));
        assertThat(bench.state("host/2")).isEqualTo(AlarmState.ALARM_UNACKED);
    }
}
