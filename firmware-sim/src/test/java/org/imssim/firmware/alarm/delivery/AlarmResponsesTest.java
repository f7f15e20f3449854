package org.imssim.firmware.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.imssim.devices.powergate.MockPowerGate;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletCommand;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alarm responses (SPEC §4): at the start of each occurrence, new or re-armed, never a trouble,
 * the input's outlets are switched with the input's address as the source; a cycle ends after
 * the cycle time on the unit's clock; a PowerGate this build cannot drive is skipped. Nobody is
 * called for the alarm here, so the unit acknowledges it at once, and the reset time re-arms it.
 */
class AlarmResponsesTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            inputs:
              - channel: 6
                type: water
                name: Floor Leak
                reset-time: 30m
                backend: mock
                alarm-responses:
                  - {powergate: 1, outlet: 2, action: cycle}
                  - {powergate: 1, outlet: 3, action: off}
                  - {powergate: 2, outlet: 1, action: off}
            powergates:
              - {number: 1, name: Rack A, outlets: 4, outlet-names: [Router, Switch, NAS, Camera], cycle-time: 5s,
                 backend: mock}
              - {number: 2, name: Rack B, outlets: 2, backend: serial, serial: {port: /dev/imssim-no-such-port}}
            """;

    private final UnitFixture fixture = UnitFixture.start(CONFIG);
    private MockPowerGate rackA;

    @BeforeEach
    void forgetPowerUp() {
        rackA = fixture.onLoop(() -> (MockPowerGate) fixture.unit().hardware().powergates().get(1));
        fixture.onLoop(() -> {
            rackA.clearRecordedCommands();
            return null;
        });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void level(boolean wet) {
        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse("host/6")).orElseThrow())
                    .mockLevel(wet);
            return null;
        });
    }

    private List<OutletCommand> awaitCommands(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.onLoop(rackA::recordedCommands).size() >= count);
        return fixture.onLoop(rackA::recordedCommands);
    }

    private OutletState outlet(int m) {
        return fixture.onLoop(() -> rackA.outlet(m).state());
    }

    private static final List<OutletCommand> RESPONSES = List.of(
            new OutletCommand(2, OutletAction.CYCLE, "host/6"), new OutletCommand(3, OutletAction.OFF, "host/6"));

    @Test
    void anAlarmSwitchesItsOutletsAndACycleEndsAfterTheCycleTime() {
        level(true);
        fixture.clock().advance(Duration.ofSeconds(3));

        assertThat(awaitCommands(2)).isEqualTo(RESPONSES);
        assertThat(outlet(2)).isEqualTo(OutletState.CYCLING);
        assertThat(outlet(3)).isEqualTo(OutletState.OFF);
        assertThat(fixture.eventTexts()).contains("Outlet 1/2 Switch switched CYCLE by host/6 via alarm",
                "Outlet 1/3 NAS switched OFF by host/6 via alarm");
        // PowerGate 2's serial port does not exist, so its link is down and it refused; the others ran.
        assertThat(fixture.onLoop(() -> fixture.unit().hardware().powergates().get(2).linkUp())).isFalse();

        fixture.clock().advance(Duration.ofSeconds(4));
        assertThat(outlet(2)).isEqualTo(OutletState.CYCLING);
        fixture.clock().advance(Duration.ofSeconds(1));
        assertThat(outlet(2)).isEqualTo(OutletState.ON);
        assertThat(outlet(3)).isEqualTo(OutletState.OFF);
    }

    @Test
    void aReArmedAlarmRunsThemAgainAndATroubleDoesNot() {
        level(true);
        fixture.clock().advance(Duration.ofSeconds(3));
        assertThat(awaitCommands(2)).isEqualTo(RESPONSES);
        assertThat(fixture.onLoop(() -> fixture.unit().alarms().state(InputAddress.parse("host/6"))))
                .isEqualTo(AlarmState.ALARM_ACKED);
        fixture.onLoop(() -> {
            rackA.clearRecordedCommands();
            return null;
        });

        fixture.clock().advance(Duration.ofMinutes(30));
        assertThat(fixture.eventTexts()).contains("Alarm re-armed: Floor Leak");
        assertThat(awaitCommands(2)).isEqualTo(RESPONSES);
        fixture.onLoop(() -> {
            rackA.clearRecordedCommands();
            return null;
        });

        // The sensor goes missing: a trouble after 60 s, which switches nothing.
        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse("host/6")).orElseThrow())
                    .unplug();
            return null;
        });
        fixture.clock().advance(Duration.ofSeconds(60));
        assertThat(fixture.onLoop(() -> fixture.unit().alarms().state(InputAddress.parse("host/6"))))
                .isEqualTo(AlarmState.TROUBLE);
        // Responses store their outlet states first, then switch on the loop: reading the history goes
        // through the same store thread, and the loop after it, so any response would show by now.
        assertThat(fixture.eventTexts()).contains("Sensor trouble: Floor Leak");
        assertThat(fixture.onLoop(rackA::recordedCommands)).isEmpty();
        // Back and wet again: a new alarm; its responses are the only commands since the re-arm.
        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse("host/6")).orElseThrow())
                    .plug();
            return null;
        });
        fixture.clock().advance(Duration.ofSeconds(3));
        assertThat(awaitCommands(2)).isEqualTo(RESPONSES);
    }
}
