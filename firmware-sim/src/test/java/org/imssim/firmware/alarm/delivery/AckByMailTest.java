package org.imssim.firmware.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.imssim.firmware.alarm.AlarmState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An alarm acknowledged by e-mail end to end: the alarm mail reaches a real mail server, the user
 * answers it with the block it gives, the unit reads the answer from its own mailbox over POP3
 * and replies; the rounds stop and the return to normal goes to the acknowledger. The unit's
 * clock is virtual: the mailbox is polled each time a test advances it by a second.
 */
class AckByMailTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            %s
            delivery: {intercall-delay: 10m, max-rounds: 3}
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
            nodes:
              - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
            profiles:
              - username: alice
                password: wonderland
                mail-pin: "4829"
                level: master
                classes: [Temperature]
                contacts: [{email: alice@example.com}]
              - username: bob
                password: builder
                level: user
                units: [node-2]
                classes: [Temperature, Water]
                contacts: [{email: bob@example.com}]
            """.formatted(MailedUnit.emailSection());

    static final String ALARM = "IMS-4000 ALARM: Server Room - Room Temp - High";
    static final String REPLY = "IMS-4000 reply: Server Room";

    private final MailedUnit unit = new MailedUnit(CONFIG);

    @AfterEach
    void close() {
        unit.close();
    }

    private static String command(String user, String email, String password, String command) {
        return "username: " + user + "\nemail: " + email + "\npassword: " + password + "\ncommand: " + command + "\n";
    }

    @Test
    void theAlarmMailsBlockSentBackAcknowledgesAndAUsedOrForeignCodeGetsItsSentence() {
        unit.value("host/1", 90.5);
        unit.advance(Duration.ofSeconds(60));
        MimeMessage alarm = unit.awaitMails("alice@example.com", 1).get(0);
        String code = MailedUnit.codeIn(alarm);
        assertThat(MailedUnit.subject(alarm)).isEqualTo(ALARM);
        assertThat(MailedUnit.body(alarm)).isEqualTo("""
                Unit: Host
                Input: host/1 Room Temp
                Condition: High
                Value: 90.5 F
                Limits: low 50.0 F, high 85.0 F
                Time: 2026-11-29 15:05:05 +00:00 UTC
                Class: Temperature
                Acknowledgment code: %s
                Round: 1 of 3

                To acknowledge, reply to this mail with these lines:
                username: alice
                email: alice@example.com
                password: <your password or PIN>
                command: ack %s
                """.formatted(code, code));

        // bob may not see the Host: the code is not his to use.
        unit.sendToUnit("bob@example.com", "ims4000", command("bob", "bob@example.com", "builder", "ack " + code));
        MimeMessage refused = unit.awaitMailsPolling("bob@example.com", 1).get(0);
        assertThat(MailedUnit.body(refused)).endsWith("== ack " + code + " ==\nYou may not acknowledge this alarm.\n");
        assertThat(unit.state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);

        // alice presses Reply and writes the block above the quoted alarm.
        unit.sendToUnit("Alice <alice@example.com>", "Re: " + ALARM, command("alice", "alice@example.com", "4829",
                "ack " + code) + "\nOn Sun, 29 Nov 2026 at 15:05, IMS <ims@example.com> wrote:\n> Unit: Host\n"
                + "> command: ack " + code + "\n");
        MimeMessage reply = unit.awaitMailsPolling("alice@example.com", 2).get(1);
        assertThat(MailedUnit.subject(reply)).isEqualTo(REPLY);
        assertThat(MailedUnit.body(reply)).matches("""
                IMS-4000 Server Room, 2026-11-29 15:\\d\\d:\\d\\d \\+00:00 UTC, for alice
                == ack %s ==
                Acknowledged: Server Room - Room Temp - High
                """.formatted(code));
        assertThat(MailedUnit.body(reply)).doesNotContain("4829");
        assertThat(unit.state("host/1")).isEqualTo(AlarmState.ALARM_ACKED);
        assertThat(unit.eventTexts()).contains("Acknowledged: Room Temp by alice via e-mail");

        unit.sendToUnit("alice@example.com", "ims4000", command("alice", "alice@example.com", "4829", "ack " + code));
        MimeMessage used = unit.awaitMailsPolling("alice@example.com", 3).get(2);
        assertThat(MailedUnit.body(used)).endsWith("== ack " + code + " ==\nThat acknowledgment code is no longer valid.\n");

        // No more rounds; back in range, the acknowledger gets the return to normal.
        unit.advance(Duration.ofMinutes(40));
        unit.value("host/1", 72);
        unit.advance(Duration.ZERO);
        MimeMessage normal = unit.awaitMails("alice@example.com", 4).get(3);
        assertThat(unit.subjectsTo("alice@example.com"))
                .containsExactly(ALARM, REPLY, REPLY, "IMS-4000 NORMAL: Server Room - Room Temp - Normal");
        assertThat(MailedUnit.body(normal)).contains("Value: 72.0 F\n").endsWith("Acknowledged: by alice via e-mail\n");
    }
}
