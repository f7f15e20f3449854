package org.imssim.firmware.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.imssim.devices.powergate.MockPowerGate;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.unit.UnitId;
import org.imssim.firmware.alarm.AlarmAddress;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.alarm.Via;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Things that are not inputs alarm through the same machine (SPEC §4): an IP device that stops
 * answering ({@code Ping Timeout}, class {@code IP Alarms}, back to {@code Responding}), a PowerGate
 * whose link goes down, a relay that reads back wrong, and the mail paths after 15 minutes of
 * failure — each mailed to the profiles of its class, acknowledged by its code, resumed after a
 * restart. The faults are the simulation's (SPEC §10); mail goes over a real server on loopback.
 */
class NonInputAlarmTest {

    private static final String CONFIG = """
            unit: {name: Lab, time-zone: UTC}
            %s
            delivery: {intercall-delay: 1m, max-rounds: 2}
            network: {probe: simulated, simulated-hosts: {127.0.0.5: true}}
            ip-devices:
              - {name: Gateway, address: 127.0.0.5, interval: 30s, timeout: 1s, retries: 1}
            inputs:
              - {channel: 6, type: water, name: Floor Leak, backend: mock}
            powergates:
              - {number: 1, name: Rack A, outlets: 2, outlet-names: [Router, Switch], backend: mock}
            profiles:
              - username: alice
                password: wonderland
                level: master
                classes: [IP Alarms, Diagnostic, Water]
                contacts:
                  - {email: alice@example.com}
                  - {email: pager@example.com, inform-only: true, until-acknowledged: false}
              - {username: carol, password: carolpw, level: site-admin, units: [host], classes: [Water],
                 contacts: [{email: carol@example.com}]}
            """.formatted(MailedUnit.emailSection());

    private static final AlarmAddress GATEWAY = AlarmAddress.ipDevice("Gateway", UnitId.host());
    private static final AlarmAddress RACK_A = AlarmAddress.powerGate(1, UnitId.host());
    private static final AlarmAddress SWITCH_RELAY = AlarmAddress.outlet(1, 2, UnitId.host());

    @TempDir
    Path storage;

    private MailedUnit mailed;

    @AfterEach
    void close() {
        if (mailed != null) {
            mailed.close();
        }
    }

    private AlarmState state(AlarmAddress address) {
        return mailed.fixture().onLoop(() -> mailed.unit().alarms().state(address));
    }

    private Occurrence occurrence(AlarmAddress address) {
        return mailed.fixture().onLoop(() -> mailed.unit().alarms().occurrence(address).orElseThrow());
    }

    private void gatewayAnswers(boolean answers) {
        mailed.unit().simulatedProbe().orElseThrow().setReachable("127.0.0.5", answers);
    }

    /** Moves the clock on to the IP device's next ping and waits for its result to reach the alarm. */
    private void nextPing(AlarmState expected) {
        mailed.advance(Duration.ofSeconds(30));
        await().atMost(MailedUnit.WAIT).until(() -> state(GATEWAY) == expected);
    }

    @Test
    void anIpDeviceThatStopsAnsweringAlarmsInItsClassAndReturnsAsResponding() {
        mailed = new MailedUnit(CONFIG);
        assertThat(state(GATEWAY)).isEqualTo(AlarmState.NORMAL);

        gatewayAnswers(false);
        nextPing(AlarmState.ALARM_UNACKED);

        assertThat(MailedUnit.subject(mailed.awaitMails("alice@example.com", 1).get(0)))
                .isEqualTo("IMS-4000 ALARM: Lab - Gateway - Ping Timeout");
        String body = MailedUnit.body(mailed.mailsTo("alice@example.com").get(0));
        assertThat(body).contains("Input: ip/Gateway Gateway", "Condition: Ping Timeout", "Value: 127.0.0.5",
                "Class: IP Alarms", "command: ack " + occurrence(GATEWAY).code());
        assertThat(mailed.eventTexts()).contains("Alarm: Gateway Ping Timeout 127.0.0.5");

        gatewayAnswers(true);
        nextPing(AlarmState.RTN_UNACKED);
        assertThat(MailedUnit.subject(mailed.awaitMails("pager@example.com", 2).get(1)))
                .isEqualTo("IMS-4000 NORMAL: Lab - Gateway - Responding");
        assertThat(mailed.eventTexts()).contains("Return to normal: Gateway");

        String code = occurrence(GATEWAY).code();
        mailed.fixture().onLoop(() -> mailed.unit().alarms().acknowledge(code, "alice", Via.EMAIL));
        assertThat(state(GATEWAY)).isEqualTo(AlarmState.NORMAL);
        assertThat(mailed.eventTexts()).contains("Acknowledged: Gateway by alice via e-mail");
        assertThat(mailed.mailsTo("carol@example.com")).as("carol's classes do not include IP Alarms").isEmpty();
    }

    @Test
    void aRepeatedLevelChangesNothing() {
        mailed = new MailedUnit(CONFIG);
        gatewayAnswers(false);
        nextPing(AlarmState.ALARM_UNACKED);
        String code = occurrence(GATEWAY).code();

        mailed.advance(Duration.ofSeconds(30));
        mailed.advance(Duration.ofSeconds(30));

        assertThat(occurrence(GATEWAY).code()).isEqualTo(code);
        assertThat(mailed.eventTexts().stream().filter(t -> t.startsWith("Alarm: Gateway"))).hasSize(1);
    }

    @Test
    void aSilentPowerGateIsLinkDownAndTalkingAgainReturnsToNormal() {
        mailed = new MailedUnit(CONFIG);
        MockPowerGate rackA = mailed.fixture().onLoop(() -> (MockPowerGate) mailed.unit().hardware().powergates().get(1));

        mailed.fixture().onLoop(() -> {
            rackA.setSilent(true);
            return null;
        });

        assertThat(state(RACK_A)).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(MailedUnit.subject(mailed.awaitMails("alice@example.com", 1).get(0)))
                .isEqualTo("IMS-4000 ALARM: Lab - PowerGate 1 Rack A - Link Down");
        assertThat(state(SWITCH_RELAY)).as("a link down is not a relay fault").isEqualTo(AlarmState.NORMAL);

        mailed.fixture().onLoop(() -> {
            rackA.setSilent(false);
            return null;
        });
        assertThat(state(RACK_A)).isEqualTo(AlarmState.RTN_UNACKED);
        assertThat(MailedUnit.subject(mailed.awaitMails("pager@example.com", 2).get(1)))
                .isEqualTo("IMS-4000 NORMAL: Lab - PowerGate 1 Rack A - Normal");
    }

    @Test
    void aStuckRelayIsARelayFaultAtItsNextSwitch() {
        mailed = new MailedUnit(CONFIG);
        MockPowerGate rackA = mailed.fixture().onLoop(() -> (MockPowerGate) mailed.unit().hardware().powergates().get(1));
        mailed.fixture().onLoop(() -> {
            rackA.relay(2).stick();
            return null;
        });
        assertThat(state(SWITCH_RELAY)).as("stuck where it was commanded").isEqualTo(AlarmState.NORMAL);

        boolean on = mailed.fixture().onLoop(() -> rackA.outlet(2).state() == org.imssim.devices.powergate.OutletState.ON);
        mailed.fixture().onLoop(() -> rackA.command(2, on ? OutletAction.OFF : OutletAction.ON, "alice"));

        await().atMost(MailedUnit.WAIT).until(() -> state(SWITCH_RELAY) == AlarmState.ALARM_UNACKED);
        assertThat(MailedUnit.subject(mailed.awaitMails("alice@example.com", 1).get(0)))
                .isEqualTo("IMS-4000 ALARM: Lab - Outlet 1/2 Switch - Relay Fault");
        assertThat(mailed.eventTexts()).anyMatch(t -> t.startsWith("Alarm: Outlet 1/2 Switch Relay Fault"));
    }

    @Test
    void theSmtpServerAlarmsAfterFifteenMinutesOfRefusalAndItsMailGoesOnceItAcceptsAgain() {
        mailed = new MailedUnit(CONFIG);
        AlarmAddress smtp = AlarmAddress.smtp();
        mailed.unit().simulatedFaults().allowMailFaults();
        mailed.unit().simulatedFaults().setSmtpRefusing(true);

        mailed.level("host/6", true);
        mailed.advance(Duration.ofSeconds(3));
        await().atMost(MailedUnit.WAIT).until(() -> state(smtp) == AlarmState.PENDING);
        assertThat(mailed.eventTexts()).contains("SMTP Server not Responding");

        mailed.advance(Duration.ofMinutes(15));
        await().atMost(MailedUnit.WAIT).until(() -> state(smtp) == AlarmState.ALARM_UNACKED);
        assertThat(mailed.eventTexts()).anyMatch(t -> t.startsWith("Alarm: SMTP server Not Responding 127.0.0.1:"));
        assertThat(mailed.mailsTo("alice@example.com")).isEmpty();

        mailed.unit().simulatedFaults().setSmtpRefusing(false);
        await().atMost(MailedUnit.WAIT).until(() -> {
            mailed.advance(Duration.ofSeconds(30));
            return mailed.subjectsTo("alice@example.com").contains("IMS-4000 ALARM: Lab - SMTP server - Not Responding");
        });
        assertThat(mailed.subjectsTo("alice@example.com")).contains("IMS-4000 ALARM: Lab - Floor Leak - Wet");
        await().atMost(MailedUnit.WAIT).until(() -> state(smtp) != AlarmState.ALARM_UNACKED);
    }

    @Test
    void theMailboxAlarmsAfterFifteenMinutesOfRefusedLogins() {
        mailed = new MailedUnit(CONFIG);
        mailed.unit().simulatedFaults().allowMailFaults();
        mailed.unit().simulatedFaults().setMailboxRefusing(true);

        await().atMost(MailedUnit.WAIT).until(() -> {
            mailed.advance(Duration.ofSeconds(1));
            return state(AlarmAddress.mailbox()) == AlarmState.PENDING;
        });
        mailed.advance(Duration.ofMinutes(15));

        await().atMost(MailedUnit.WAIT).until(() -> state(AlarmAddress.mailbox()) == AlarmState.ALARM_UNACKED);
        assertThat(MailedUnit.subject(mailed.awaitMails("alice@example.com", 1).get(0)))
                .isEqualTo("IMS-4000 ALARM: Lab - Mailbox - Not Responding");
    }

    @Test
    void mailFaultsNeedTheEmbeddedServer() {
        mailed = new MailedUnit(CONFIG);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailed.unit().simulatedFaults().setSmtpRefusing(true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOpenIpDeviceOccurrenceIsResumedAfterARestartWithItsCode() {
        mailed = new MailedUnit(CONFIG, storage);
        gatewayAnswers(false);
        nextPing(AlarmState.ALARM_UNACKED);
        String code = occurrence(GATEWAY).code();
        mailed.awaitMails("alice@example.com", 1);

        mailed.restart(CONFIG, mailed.fixture().clock().now());

        // The restarted unit's simulated network is as configured again: the gateway answers its
        // first ping, so the resumed occurrence returns to normal, still waiting for its code.
        await().atMost(MailedUnit.WAIT).until(() -> state(GATEWAY) == AlarmState.RTN_UNACKED);
        assertThat(occurrence(GATEWAY).code()).isEqualTo(code);
        assertThat(mailed.eventTexts()).contains("Return to normal: Gateway");
        assertThat(mailed.fixture().onLoop(() -> mailed.unit().alarms().acknowledgeable(code))).isPresent();
    }
}
