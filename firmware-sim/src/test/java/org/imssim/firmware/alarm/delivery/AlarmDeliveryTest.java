package org.imssim.firmware.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.alarm.Via;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery of SPEC §4 on a virtual clock, asserted on the mails that reach a real mail server:
 * who gets which mail in which round, schedules, inform-only and until-acknowledged contacts, the
 * unit's own acknowledgment both ways, one mail per address and round, a {@code user} limited to
 * one Node, return to normal, and trouble.
 *
 * <p>The unit starts on Sunday 2026-11-29 15:04:05 UTC. A water sensor alarms 3 s after it gets
 * wet, so rounds go at 15:04:08, 15:05:08 and 15:06:08 and the unit acknowledges at 15:07:08.
 * Mails leave through the outbox in the order they were made, so once a mail made later (a
 * sentinel) has arrived, every earlier one has too: that is how a test shows a mail did not come.
 */
class AlarmDeliveryTest {

    static final String FLOOR_LEAK = "host/6";
    static final String ALARM = "IMS-4000 ALARM: Server Room - Floor Leak - Wet";
    static final String NORMAL = "IMS-4000 NORMAL: Server Room - Floor Leak - Normal";
    static final String NODE_ALARM = "IMS-4000 ALARM: Row B - Leak - Wet";

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            %s
            delivery: {intercall-delay: 1m, max-rounds: 3}
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
              - {channel: 6, type: water, name: Floor Leak, backend: mock}
              - {channel: 7, type: smoke, name: Ceiling, backend: mock}
              - {channel: 8, type: water, name: Sink, return-to-normal: false, backend: mock}
            nodes:
              - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
            profiles:
              - username: alice
                password: wonderland
                mail-pin: "4829"
                level: master
                classes: [Temperature, Water, Diagnostic]
                contacts:
                  - {email: alice@example.com}
                  - {email: pager@example.com, inform-only: true, until-acknowledged: false}
              - username: carol
                password: carolpw
                level: site-admin
                units: [host]
                classes: [Water]
                contacts: [{email: carol@example.com}, {email: ALICE@example.com}]
              - username: bob
                password: builder
                level: user
                units: [node-2]
                classes: [Water]
                contacts: [{email: bob@example.com}]
              - username: nina
                password: x
                level: master
                classes: [Water]
                contacts: [{email: nina@example.com, schedule: {sun: "15:06-16:00"}}]
              - username: dan
                password: x
                level: master
                classes: [Smoke]
                contacts: [{email: dan@example.com, inform-only: true, until-acknowledged: false}]
              - username: erin
                password: x
                enabled: false
                level: master
                classes: [Water, Smoke]
                contacts: [{email: erin@example.com}]
            """.formatted(MailedUnit.emailSection());

    private final MailedUnit unit = new MailedUnit(CONFIG);

    @AfterEach
    void close() {
        unit.close();
    }

    /** Node 2's leak alarms: bob gets it, and it arrives after every mail made before. */
    private void sentinel() {
        unit.level("node-2/4", true);
        unit.advance(Duration.ofSeconds(3));
        unit.awaitMails("bob@example.com", 1);
    }

    private static String alarmBody(String username, String email, String code, int round, String returned) {
        return """
                Unit: Host
                Input: host/6 Floor Leak
                Condition: Wet
                Value: wet
                Limits: normal dry
                Time: 2026-11-29 15:04:08 +00:00 UTC
                Class: Water
                Acknowledgment code: %s
                Round: %d of 3
                %s
                To acknowledge, reply to this mail with these lines:
                username: %s
                email: %s
                password: <your password or PIN>
                command: ack %s
                """.formatted(code, round, returned == null ? "" : "Returned to normal: " + returned + "\n",
                username, email, code);
    }

    @Test
    void everyoneActiveGetsRoundOneThenUntilAcknowledgedContactsEachDelayThenTheUnitAcknowledges() {
        unit.level(FLOOR_LEAK, true);
        unit.advance(Duration.ofSeconds(3));
        String code = unit.code(FLOOR_LEAK);

        // Round 1, 15:04:08: every active contact of the profiles with class Water that see the Host.
        MimeMessage first = unit.awaitMails("alice@example.com", 1).get(0);
        unit.awaitMails("pager@example.com", 1);
        unit.awaitMails("carol@example.com", 1);
        assertThat(MailedUnit.subject(first)).isEqualTo(ALARM);
        assertThat(MailedUnit.body(first)).isEqualTo(alarmBody("alice", "alice@example.com", code, 1, null));
        assertThat(MailedUnit.header(first, "From")).isEqualTo("ims@example.com");
        assertThat(MailedUnit.header(first, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(MailedUnit.header(first, "Reply-To")).isEqualTo("ims@example.com");
        assertThat(MailedUnit.body(unit.mailsTo("carol@example.com").get(0)))
                .isEqualTo(alarmBody("carol", "carol@example.com", code, 1, null));

        // Round 2, 15:05:08: until-acknowledged contacts only; nina's schedule starts at 15:06.
        unit.advance(Duration.ofMinutes(1));
        MimeMessage second = unit.awaitMails("alice@example.com", 2).get(1);
        unit.awaitMails("carol@example.com", 2);
        assertThat(MailedUnit.subject(second)).isEqualTo(ALARM);
        assertThat(MailedUnit.body(second)).isEqualTo(alarmBody("alice", "alice@example.com", code, 2, "no"));

        // Round 3, 15:06:08: nina's schedule is active now.
        unit.advance(Duration.ofMinutes(1));
        unit.awaitMails("alice@example.com", 3);
        unit.awaitMails("carol@example.com", 3);
        MimeMessage nina = unit.awaitMails("nina@example.com", 1).get(0);
        assertThat(MailedUnit.body(nina)).isEqualTo(alarmBody("nina", "nina@example.com", code, 3, "no"));
        assertThat(unit.state(FLOOR_LEAK)).isEqualTo(AlarmState.ALARM_UNACKED);

        // 15:07:08: one intercall delay after the last round, the unit acknowledges.
        unit.advance(Duration.ofMinutes(1));
        assertThat(unit.state(FLOOR_LEAK)).isEqualTo(AlarmState.ALARM_ACKED);
        assertThat(unit.eventTexts()).contains("Acknowledged by the unit: calling rounds used up");
        unit.advance(Duration.ofMinutes(5));
        sentinel();

        // ALICE@example.com (carol's contact) is alice's address: one mail per round, not two.
        assertThat(unit.subjectsTo("alice@example.com")).containsExactly(ALARM, ALARM, ALARM, NODE_ALARM);
        assertThat(unit.subjectsTo("carol@example.com")).containsExactly(ALARM, ALARM, ALARM);
        assertThat(unit.subjectsTo("pager@example.com")).containsExactly(ALARM, NODE_ALARM);
        assertThat(unit.subjectsTo("nina@example.com")).containsExactly(ALARM, NODE_ALARM);
        assertThat(unit.subjectsTo("bob@example.com")).containsExactly(NODE_ALARM);
        assertThat(unit.mailsTo("dan@example.com")).isEmpty();
        assertThat(unit.mailsTo("erin@example.com")).isEmpty();
    }

    @Test
    void aUserLimitedToOneNodeGetsOnlyThatNodesAlarms() {
        unit.level(FLOOR_LEAK, true);
        unit.advance(Duration.ofSeconds(3));
        unit.level("node-2/4", true);
        unit.advance(Duration.ofSeconds(3));

        MimeMessage bobs = unit.awaitMails("bob@example.com", 1).get(0);
        String code = unit.code("node-2/4");
        assertThat(unit.subjectsTo("bob@example.com")).containsExactly(NODE_ALARM);
        assertThat(MailedUnit.body(bobs)).isEqualTo("""
                Unit: Node 2 Row B
                Input: node-2/4 Leak
                Condition: Wet
                Value: wet
                Limits: normal dry
                Time: 2026-11-29 15:04:11 +00:00 UTC
                Class: Water
                Acknowledgment code: %s
                Round: 1 of 3

                To acknowledge, reply to this mail with these lines:
                username: bob
                email: bob@example.com
                password: <your password or PIN>
                command: ack %s
                """.formatted(code, code));
        // carol, a site-admin of the Host, got the Host's alarm (made before bob's) and not the Node's.
        assertThat(unit.subjectsTo("carol@example.com")).containsExactly(ALARM);
    }

    @Test
    void backInRangeUnacknowledgedMailsInformOnlyContactsAtOnceAndLaterRoundsSaySo() {
        unit.level(FLOOR_LEAK, true);
        unit.advance(Duration.ofSeconds(3));
        String code = unit.code(FLOOR_LEAK);
        unit.awaitMails("pager@example.com", 1);

        unit.advance(Duration.ofSeconds(7));
        unit.level(FLOOR_LEAK, false);
        unit.advance(Duration.ZERO);
        assertThat(unit.state(FLOOR_LEAK)).isEqualTo(AlarmState.RTN_UNACKED);
        MimeMessage normal = unit.awaitMails("pager@example.com", 2).get(1);
        assertThat(MailedUnit.subject(normal)).isEqualTo(NORMAL);
        assertThat(MailedUnit.header(normal, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(MailedUnit.body(normal)).isEqualTo("""
                Unit: Host
                Input: host/6 Floor Leak
                Condition: Normal
                Value: dry
                Limits: normal dry
                Time: 2026-11-29 15:04:15 +00:00 UTC
                Class: Water
                Alarm: Wet at 2026-11-29 15:04:08 +00:00 UTC
                Acknowledged: not yet (code %s)
                """.formatted(code));

        // Round 2 still goes, saying the input is back in range.
        unit.advance(Duration.ofMinutes(1));
        MimeMessage second = unit.awaitMails("alice@example.com", 2).get(1);
        assertThat(MailedUnit.body(second)).isEqualTo(alarmBody("alice", "alice@example.com", code, 2, "yes"));

        // Acknowledged back in range, the occurrence ends: no more rounds and no further mail.
        assertThat(unit.fixture().onLoop(() -> unit.unit().alarms().acknowledge(code, "carol", Via.API)).sentence())
                .isEqualTo("Acknowledged: Server Room - Floor Leak - Wet");
        assertThat(unit.state(FLOOR_LEAK)).isEqualTo(AlarmState.NORMAL);
        unit.advance(Duration.ofMinutes(5));
        sentinel();
        assertThat(unit.subjectsTo("alice@example.com")).containsExactly(ALARM, ALARM, NODE_ALARM);
        assertThat(unit.subjectsTo("carol@example.com")).containsExactly(ALARM, ALARM);
        assertThat(unit.subjectsTo("pager@example.com")).containsExactly(ALARM, NORMAL, NODE_ALARM);
        assertThat(unit.eventTexts()).doesNotContain("Acknowledged by the unit: calling rounds used up");
    }

    @Test
    void acknowledgedRoundsStopAndNormalGoesToTheAcknowledgersContactsAndInformOnlyContacts() {
        unit.level(FLOOR_LEAK, true);
        unit.advance(Duration.ofSeconds(3));
        String code = unit.code(FLOOR_LEAK);
        unit.awaitMails("carol@example.com", 1);

        unit.advance(Duration.ofSeconds(30));
        unit.fixture().onLoop(() -> unit.unit().alarms().acknowledge(code, "alice", Via.WEB));
        unit.advance(Duration.ofMinutes(10));
        assertThat(unit.state(FLOOR_LEAK)).isEqualTo(AlarmState.ALARM_ACKED);

        unit.level(FLOOR_LEAK, false);
        unit.advance(Duration.ZERO);
        assertThat(unit.state(FLOOR_LEAK)).isEqualTo(AlarmState.NORMAL);
        sentinel();

        // alice acknowledged: both her contacts get the return to normal; carol, not inform-only, does not.
        assertThat(unit.subjectsTo("alice@example.com")).containsExactly(ALARM, NORMAL, NODE_ALARM);
        assertThat(unit.subjectsTo("pager@example.com")).containsExactly(ALARM, NORMAL, NODE_ALARM);
        assertThat(unit.subjectsTo("carol@example.com")).containsExactly(ALARM);
        MimeMessage normal = unit.mailsTo("alice@example.com").get(1);
        assertThat(MailedUnit.body(normal)).endsWith("""
                Time: 2026-11-29 15:14:38 +00:00 UTC
                Class: Water
                Alarm: Wet at 2026-11-29 15:04:08 +00:00 UTC
                Acknowledged: by alice via web
                """);
    }

    @Test
    void whenRoundOneReachesNoUntilAcknowledgedContactTheUnitAcknowledgesAtOnce() {
        unit.level("host/7", true);
        unit.advance(Duration.ofSeconds(3));

        assertThat(unit.state("host/7")).isEqualTo(AlarmState.ALARM_ACKED);
        // Newest first; mail events come and go on their own time.
        List<String> events = unit.eventTexts().stream().filter(e -> !e.startsWith("E-mail sent")).toList();
        assertThat(events.subList(0, 2)).containsExactly(
                "Acknowledged by the unit: no until-acknowledged contact", "Alarm: Ceiling Smoke smoke");
        unit.awaitMails("dan@example.com", 1);

        unit.advance(Duration.ofMinutes(5));
        unit.level("host/7", false);
        unit.advance(Duration.ZERO);
        MimeMessage normal = unit.awaitMails("dan@example.com", 2).get(1);
        assertThat(unit.subjectsTo("dan@example.com")).containsExactly(
                "IMS-4000 ALARM: Server Room - Ceiling - Smoke", "IMS-4000 NORMAL: Server Room - Ceiling - Normal");
        assertThat(MailedUnit.body(normal)).endsWith("Acknowledged: by the unit (no until-acknowledged contact)\n");
    }

    @Test
    void anInputWithoutReturnToNormalMailsNoNormal() {
        unit.level("host/8", true);
        unit.advance(Duration.ofSeconds(3));
        unit.fixture().onLoop(() -> unit.unit().alarms().acknowledge(unit.code("host/8"), "alice", Via.API));
        unit.level("host/8", false);
        unit.advance(Duration.ZERO);
        assertThat(unit.state("host/8")).isEqualTo(AlarmState.NORMAL);
        sentinel();

        assertThat(unit.subjectsTo("alice@example.com"))
                .containsExactly("IMS-4000 ALARM: Server Room - Sink - Wet", NODE_ALARM);
        assertThat(unit.subjectsTo("pager@example.com"))
                .containsExactly("IMS-4000 ALARM: Server Room - Sink - Wet", NODE_ALARM);
    }

    @Test
    void aSensorTroubleIsDeliveredInClassDiagnosticAndItsReturnEndsTheRounds() {
        unit.unplug("host/1");
        unit.advance(Duration.ofSeconds(60));
        assertThat(unit.state("host/1")).isEqualTo(AlarmState.TROUBLE);
        String code = unit.code("host/1");

        MimeMessage pager = unit.awaitMails("pager@example.com", 1).get(0);
        assertThat(MailedUnit.subject(pager)).isEqualTo("IMS-4000 ALARM: Server Room - Room Temp - Trouble");
        assertThat(MailedUnit.body(pager)).isEqualTo("""
                Unit: Host
                Input: host/1 Room Temp
                Condition: Trouble
                Value: no reading
                Limits: low 50.0 F, high 85.0 F
                Time: 2026-11-29 15:05:05 +00:00 UTC
                Class: Diagnostic
                Acknowledgment code: %s
                Round: 1 of 3

                To acknowledge, reply to this mail with these lines:
                username: alice
                email: pager@example.com
                password: <your password or PIN>
                command: ack %s
                """.formatted(code, code));

        unit.plug("host/1");
        unit.advance(Duration.ZERO);
        assertThat(unit.state("host/1")).isEqualTo(AlarmState.NORMAL);
        unit.advance(Duration.ofMinutes(5));
        sentinel();
        String trouble = "IMS-4000 ALARM: Server Room - Room Temp - Trouble";
        String normal = "IMS-4000 NORMAL: Server Room - Room Temp - Normal";
        assertThat(unit.subjectsTo("alice@example.com")).containsExactly(trouble, NODE_ALARM);
        assertThat(unit.subjectsTo("pager@example.com")).containsExactly(trouble, normal, NODE_ALARM);
        // carol has neither Temperature nor Diagnostic.
        assertThat(unit.mailsTo("carol@example.com")).isEmpty();
        assertThat(unit.fixture().onLoop(() -> unit.unit().alarms().occurrence(InputAddress.parse("host/1"))))
                .isEmpty();
    }
}
