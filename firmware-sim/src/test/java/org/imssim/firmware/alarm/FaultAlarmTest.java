package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.testing.Soon.soon;

import java.time.Duration;
import org.imssim.devices.unit.UnitId;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The machine of things that are not inputs (SPEC §4) on the virtual clock, driven by the levels
 * their sources report: a recognition time for the mail paths, return to normal with and without
 * acknowledgment, the reset time of an IP device, and reports about things not watched.
 */
class FaultAlarmTest {

    private static final String CONFIG = """
            unit: {name: Lab, time-zone: UTC}
            network: {probe: simulated, simulated-hosts: {127.0.0.5: true}}
            ip-devices:
              - {name: Gateway, address: 127.0.0.5, interval: 2h, reset-time: 30m}
            profiles:
              - {username: alice, password: x, level: master, classes: [IP Alarms, Diagnostic],
                 contacts: [{email: alice@example.com}]}
            """;
    private static final AlarmAddress GATEWAY = AlarmAddress.ipDevice("Gateway", UnitId.host());

    private final UnitFixture fixture = UnitFixture.start(CONFIG);

    @AfterEach
    void close() {
        fixture.close();
    }

    private AlarmEngine alarms() {
        return fixture.unit().alarms();
    }

    private void report(AlarmAddress address, boolean fault) {
        fixture.onLoop(() -> {
            alarms().report(address, fault, "127.0.0.5");
            return null;
        });
    }

    private AlarmState state(AlarmAddress address) {
        return fixture.onLoop(() -> alarms().state(address));
    }

    private String code(AlarmAddress address) {
        return fixture.onLoop(() -> alarms().occurrence(address).orElseThrow().code());
    }

    /** The monitor's first ping (the gateway answers) has reached the alarm. */
    private void firstPingDone() {
        soon().until(() -> fixture.eventTexts().contains("Unit started"));
        soon().until(() -> fixture.onLoop(() -> fixture.unit().status().snapshot(
                new org.imssim.firmware.profile.Permissions(fixture.unit().profiles().find("alice").orElseThrow())))
                .toString().contains("Responding"));
    }

    @Test
    void theSmtpServerIsPendingForFifteenMinutesAndAShorterFailureLeavesNoTrace() {
        AlarmAddress smtp = AlarmAddress.smtp();
        report(smtp, true);
        assertThat(state(smtp)).isEqualTo(AlarmState.PENDING);
        fixture.clock().advance(Duration.ofMinutes(14));
        report(smtp, false);
        assertThat(state(smtp)).isEqualTo(AlarmState.NORMAL);
        fixture.clock().advance(Duration.ofMinutes(5));
        assertThat(state(smtp)).isEqualTo(AlarmState.NORMAL);

        report(smtp, true);
        fixture.clock().advance(Duration.ofMinutes(15));
        assertThat(state(smtp)).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(fixture.onLoop(() -> alarms().occurrence(smtp).orElseThrow().alarmClass())).isEqualTo("Diagnostic");
        soon().until(() -> fixture.eventTexts().contains("Alarm: SMTP server Not Responding 127.0.0.5"));
    }

    @Test
    void anAcknowledgedIpAlarmIsReArmedAfterItsResetTimeAndEndsWhenItAnswers() {
        firstPingDone();
        report(GATEWAY, true);
        String first = code(GATEWAY);
        assertThat(fixture.onLoop(() -> alarms().acknowledge(first, "alice", Via.API)))
                .isInstanceOf(AcknowledgeOutcome.Acknowledged.class);
        assertThat(state(GATEWAY)).isEqualTo(AlarmState.ALARM_ACKED);

        fixture.clock().advance(Duration.ofMinutes(30));

        assertThat(state(GATEWAY)).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(code(GATEWAY)).isNotEqualTo(first);
        soon().until(() -> fixture.eventTexts().contains("Alarm re-armed: Gateway"));
        assertThat(fixture.onLoop(() -> alarms().acknowledge(first, "alice", Via.API)))
                .isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);

        String rearmed = code(GATEWAY);
        fixture.onLoop(() -> alarms().acknowledge(rearmed, "alice", Via.API));
        report(GATEWAY, false);
        assertThat(state(GATEWAY)).isEqualTo(AlarmState.NORMAL);
        assertThat(fixture.onLoop(() -> alarms().occurrence(GATEWAY))).isEmpty();
    }

    @Test
    void aFaultBackBeforeItsAcknowledgmentIsTheSameOccurrence() {
        firstPingDone();
        report(GATEWAY, true);
        String code = code(GATEWAY);
        report(GATEWAY, false);
        assertThat(state(GATEWAY)).isEqualTo(AlarmState.RTN_UNACKED);
        report(GATEWAY, true);
        assertThat(state(GATEWAY)).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(code(GATEWAY)).isEqualTo(code);
    }

    @Test
    void reportsAboutThingsNotWatchedAreIgnored() {
        report(AlarmAddress.mailbox(), true);
        report(AlarmAddress.powerGate(3, UnitId.host()), true);
        assertThat(state(AlarmAddress.mailbox())).isEqualTo(AlarmState.NOT_IN_USE);
        assertThat(fixture.onLoop(() -> alarms().openOccurrences())).isEmpty();
    }

    @Test
    void aPowerGateOnALineThatDoesNotComeUpIsLinkDownAfterTheStartGraceNotAtStart() {
        try (UnitFixture unit = UnitFixture.start("""
                unit: {name: Lab, time-zone: UTC}
                powergates:
                  - {number: 1, name: Rack A, outlets: 2, backend: mock}
                  - {number: 2, name: Rack B, outlets: 2, backend: serial, serial: {port: /dev/imssim-no-such-port}}
                profiles:
                  - {username: alice, password: x, level: master, classes: [Diagnostic], contacts: [{email: a@example.com}]}
                """)) {
            AlarmAddress rackA = AlarmAddress.powerGate(1, UnitId.host());
            AlarmAddress rackB = AlarmAddress.powerGate(2, UnitId.host());
            assertThat(unit.onLoop(() -> unit.unit().alarms().state(rackB))).isEqualTo(AlarmState.NORMAL);

            unit.clock().advance(org.imssim.firmware.alarm.PowerGateFaults.START_GRACE.minusMillis(1));
            assertThat(unit.onLoop(() -> unit.unit().alarms().state(rackB))).isEqualTo(AlarmState.NORMAL);
            unit.clock().advance(Duration.ofMillis(1));

            assertThat(unit.onLoop(() -> unit.unit().alarms().state(rackB))).isEqualTo(AlarmState.ALARM_UNACKED);
            assertThat(unit.onLoop(() -> unit.unit().alarms().state(rackA))).isEqualTo(AlarmState.NORMAL);
            soon().until(() -> unit.eventTexts().contains("Alarm: PowerGate 2 Rack B Link Down no answer"));
        }
    }
}
