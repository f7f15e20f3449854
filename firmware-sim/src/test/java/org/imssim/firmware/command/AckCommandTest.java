package org.imssim.firmware.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.mail.inbound.CommandMailReader;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ack <code>} (SPEC §7) through the command handler: the password (mail PIN, else the
 * password), the permission to acknowledge, codes used or unknown, and the replies' fixed
 * sentences. The unit has no SMTP server here: its alarm mails stay in the outbox.
 */
class AckCommandTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            %s
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
              - {channel: 6, type: water, name: Floor Leak, backend: mock}
            nodes:
              - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
            profiles:
              - username: alice
                password: wonderland
                mail-pin: "4829"
                level: master
                classes: [Temperature, Water]
                contacts: [{email: alice@example.com}]
              - username: carol
                password: carolpw
                level: site-admin
                units: [host]
                classes: [Water]
                contacts: [{email: carol@example.com}]
              - username: bob
                password: builder
                level: user
                units: [node-2]
                classes: [Water]
                contacts: [{email: bob@example.com}]
            """;

    private UnitFixture fixture = UnitFixture.start(CONFIG.formatted(""));

    @AfterEach
    void close() {
        fixture.close();
    }

    private static CommandMail mail(String user, String email, String password, String... commands) {
        StringBuilder body = new StringBuilder("username: " + user + "\r\nemail: " + email + "\r\n");
        if (password != null) {
            body.append("password: ").append(password).append("\r\n");
        }
        for (String c : commands) {
            body.append("command: ").append(c).append("\r\n");
        }
        // Sent when the unit's clock starts: inside the replay window of SPEC §7.
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                UnitFixture.START.atZone(java.time.ZoneOffset.UTC));
        String raw = "From: " + email + "\r\nTo: ims@example.com\r\nDate: " + date
                + "\r\nMessage-ID: <m1@example.org>\r\n"
                + "Subject: ims4000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
        return CommandMailReader.read(raw.getBytes(StandardCharsets.UTF_8), Set.of("ims@example.com"));
    }

    /** The reply's body below its first line (the heading with the time). */
    private String answer(CommandMail mail) {
        MailCommandHandler handler = new MailCommandHandler(fixture.unit(), CommandRegistry.standard());
        String body = fixture.await(() -> handler.handle(mail)).orElseThrow().body();
        return body.substring(body.indexOf('\n') + 1);
    }

    /** Floor Leak (host/6) gets wet and alarms; gives its code. */
    private String floorLeakAlarm() {
        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse("host/6")).orElseThrow())
                    .mockLevel(true);
            return null;
        });
        fixture.clock().advance(Duration.ofSeconds(3));
        return code("host/6");
    }

    private String code(String address) {
        return fixture.onLoop(() -> fixture.unit().alarms().occurrence(InputAddress.parse(address)).orElseThrow().code());
    }

    private AlarmState state(String address) {
        return fixture.onLoop(() -> fixture.unit().alarms().state(InputAddress.parse(address)));
    }

    @Test
    void theMailPinAcknowledgesOnceAndTheCodeIsThenNoLongerValid() {
        String code = floorLeakAlarm();

        assertThat(answer(mail("alice", "alice@example.com", "4829", "ack " + code, "ack " + code))).isEqualTo("""
                == ack %s ==
                Acknowledged: Server Room - Floor Leak - Wet
                == ack %s ==
                That acknowledgment code is no longer valid.
                """.formatted(code, code));
        assertThat(state("host/6")).isEqualTo(AlarmState.ALARM_ACKED);
        assertThat(fixture.eventTexts()).contains("Acknowledged: Floor Leak by alice via e-mail",
                "Command from alice: ack " + code + " (done)");
        assertThat(fixture.eventTexts()).noneMatch(e -> e.contains("4829"));
    }

    @Test
    void withAMailPinThePasswordItselfIsNotRightAndNothingIsAcknowledged() {
        String code = floorLeakAlarm();

        String answer = answer(mail("alice", "alice@example.com", "wonderland", "ack " + code));

        assertThat(answer).isEqualTo("== ack " + code + " ==\nThe password is not right.\n");
        assertThat(state("host/6")).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(fixture.eventTexts()).contains("Command from alice: ack " + code + " (wrong password)")
                .noneMatch(e -> e.contains("wonderland"));
    }

    @Test
    void withoutAPasswordLineTheCommandAsksForOneAndStatusStillNeedsNone() {
        String code = floorLeakAlarm();

        String answer = answer(mail("alice", "alice@example.com", null, "ack " + code, "status"));

        assertThat(answer).startsWith("== ack " + code + " ==\n"
                + "This command needs a password: add a line \"password: \u2026\".\n== status ==\nHost\n");
        assertThat(state("host/6")).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(fixture.eventTexts()).contains("Command from alice: ack " + code + " (no password)");
    }

    @Test
    void withoutAMailPinThePasswordIsTheSecret() {
        String code = floorLeakAlarm();

        assertThat(answer(mail("carol", "carol@example.com", "carolpw", "ack " + code)))
                .isEqualTo("== ack " + code + " ==\nAcknowledged: Server Room - Floor Leak - Wet\n");
        assertThat(fixture.eventTexts()).contains("Acknowledged: Floor Leak by carol via e-mail");
    }

    @Test
    void aCodeOfAnotherUnitOrAnotherClassMayNotBeAcknowledged() {
        String leak = floorLeakAlarm();
        fixture.onLoop(() -> {
            ((MockAnalogInput) fixture.unit().hardware().mockChannel(InputAddress.parse("host/1")).orElseThrow())
                    .mockValue(90.5);
            return null;
        });
        fixture.clock().advance(Duration.ofSeconds(60));
        String temperature = code("host/1");

        // bob sees only Node 2; carol sees the Host but has no class Temperature.
        assertThat(answer(mail("bob", "bob@example.com", "builder", "ack " + leak)))
                .isEqualTo("== ack " + leak + " ==\nYou may not acknowledge this alarm.\n");
        assertThat(answer(mail("carol", "carol@example.com", "carolpw", "ack " + temperature)))
                .isEqualTo("== ack " + temperature + " ==\nYou may not acknowledge this alarm.\n");
        assertThat(state("host/6")).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(state("host/1")).isEqualTo(AlarmState.ALARM_UNACKED);
    }

    @Test
    void anUnknownCodeIsNoLongerValidAndAMissingCodeGetsTheSyntax() {
        String code = floorLeakAlarm();
        String other = code.equals("12345678") ? "87654321" : "12345678";

        assertThat(answer(mail("alice", "alice@example.com", "4829", "ack " + other, "ack", "ack 1 2"))).isEqualTo("""
                == ack %s ==
                That acknowledgment code is no longer valid.
                == ack ==
                Syntax: ack <code>
                == ack 1 2 ==
                Syntax: ack <code>
                """.formatted(other));
        assertThat(state("host/6")).isEqualTo(AlarmState.ALARM_UNACKED);
    }

    @Test
    void aCodeOfAnEndedOccurrenceIsNoLongerValid() {
        String code = floorLeakAlarm();
        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse("host/6")).orElseThrow())
                    .mockLevel(false);
            return null;
        });
        fixture.clock().advance(Duration.ZERO);
        fixture.onLoop(() -> fixture.unit().alarms().acknowledge(code, "carol", org.imssim.firmware.alarm.Via.WEB));
        assertThat(state("host/6")).isEqualTo(AlarmState.NORMAL);

        assertThat(answer(mail("alice", "alice@example.com", "4829", "ack " + code)))
                .isEqualTo("== ack " + code + " ==\nThat acknowledgment code is no longer valid.\n");
    }

    @Test
    void withRequirePasswordFalseNoPasswordIsNeeded() {
        fixture.close();
        fixture = UnitFixture.start(CONFIG.formatted("email: {two-way: {require-password: false}}"));
        String code = floorLeakAlarm();

        assertThat(answer(mail("alice", "alice@example.com", null, "ack " + code)))
                .isEqualTo("== ack " + code + " ==\nAcknowledged: Server Room - Floor Leak - Wet\n");
        assertThat(state("host/6")).isEqualTo(AlarmState.ALARM_ACKED);
    }
}
