package org.imssim.firmware.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.mail.inbound.CommandMailReader;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailCommandHandlerTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            email:
              smtp: {server: 127.0.0.1, port: 25}
              return-address: ims@example.com
              two-way: {enabled: true, address: ims@example.com, server: 127.0.0.1, username: ims, password: x}
            network: {probe: simulated, simulated-hosts: {127.0.0.1: true, 127.0.0.2: false}}
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
              - {channel: 2, type: dry-contact, name: Door, backend: mock}
              - {channel: 3, type: humidity, backend: mock}
            nodes:
              - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
            powergates:
              - {number: 1, name: Rack A, outlets: 2, outlet-names: [Router, Switch], backend: mock}
              - {number: 2, name: Rack B, unit: node-2, outlets: 1, backend: mock}
            ip-devices:
              - {name: Gateway, address: 127.0.0.1}
            profiles:
              - username: alice
                password: wonderland
                level: master
                classes: [Temperature, Humidity, Water, Power, Other, IP Alarms, Backup Battery, High Sound]
                contacts: [{email: alice@example.com}]
              - username: bob
                password: builder
                level: user
                units: [host]
                classes: [Temperature]
                contacts: [{email: Bob@Example.com}]
              - username: carol
                password: x
                level: user
                units: [node-2]
                classes: [Smoke]
                contacts: [{email: carol@example.com}]
              - username: erin
                password: x
                level: site-admin
                classes: [Temperature]
                contacts: [{email: erin@example.com}]
              - username: dave
                password: x
                enabled: false
                level: master
                contacts: [{email: dave@example.com}]
            """;

    private final UnitFixture fixture = UnitFixture.start(CONFIG);
    private final MailCommandHandler handler = new MailCommandHandler(fixture.unit(), CommandRegistry.standard());

    @AfterEach
    void close() {
        fixture.close();
    }

    private static CommandMail mail(String headers, String body) {
        String raw = "From: Someone <someone@example.org>\r\nTo: ims@example.com\r\nMessage-ID: <m1@example.org>\r\n"
                + headers + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body;
        return CommandMailReader.read(raw.getBytes(StandardCharsets.UTF_8), Set.of("ims@example.com"));
    }

    private static CommandMail command(String user, String email, String... commands) {
        StringBuilder body = new StringBuilder("username: " + user + "\r\nemail: " + email + "\r\n");
        for (String c : commands) {
            body.append("command: ").append(c).append("\r\n");
        }
        return mail("Subject: ims4000\r\n", body.toString());
    }

    private Optional<CommandReply> handle(CommandMail mail) {
        return fixture.await(() -> handler.handle(mail));
    }

    private List<String> eventTexts() {
        return fixture.eventTexts();
    }

    @Test
    void statusForAMasterShowsEverythingItsClassesAllow() {
        CommandReply reply = handle(command("alice", "alice@example.com", "status")).orElseThrow();
        assertThat(reply.to()).isEqualTo("alice@example.com");
        assertThat(reply.subject()).isEqualTo("IMS-4000 reply: Server Room");
        assertThat(reply.inReplyTo()).isEqualTo("<m1@example.org>");
        assertThat(reply.body()).isEqualTo("""
                IMS-4000 Server Room, 2026-11-29 15:04:05 +00:00 UTC, for alice
                == status ==
                Host
                  1 Room Temp: 72.0 F, NORMAL
                  2 Door: closed, NORMAL
                  3 Input 3: 40.0 %RH, NORMAL
                  9 Battery: ok, NORMAL
                  10 AC Power: ok, NORMAL
                  11 High Sound: 40.0 dB, NORMAL
                Node 2 Row B
                  4 Leak: dry, NORMAL
                  9 Node Power: ok, NORMAL
                PowerGate 1 Rack A
                  1 Router: ON
                  2 Switch: ON
                PowerGate 2 Rack B
                  1 Outlet 1: ON
                IP devices
                  Gateway 127.0.0.1: Responding
                """);
        assertThat(eventTexts()).contains("Command from alice: status (done)");
    }

    @Test
    void aUserSeesOnlyItsUnitsAndClassesAndTheReplyGoesToItsContact() {
        CommandReply reply = handle(command("BOB", "bob@example.com", "status")).orElseThrow();
        assertThat(reply.to()).isEqualTo("Bob@Example.com");
        assertThat(reply.body()).isEqualTo("""
                IMS-4000 Server Room, 2026-11-29 15:04:05 +00:00 UTC, for bob
                == status ==
                Host
                  1 Room Temp: 72.0 F, NORMAL
                PowerGate 1 Rack A
                  1 Router: ON
                  2 Switch: ON
                """);
        assertThat(reply.body()).doesNotContain("Node").doesNotContain("Rack B").doesNotContain("Gateway");
    }

    @Test
    void outletsAreFilteredByUnitOnlyAndEmptySectionsAreLeftOut() {
        CommandReply reply = handle(command("carol", "carol@example.com", "status")).orElseThrow();
        assertThat(reply.body()).endsWith("== status ==\nPowerGate 2 Rack B\n  1 Outlet 1: ON\n");
    }

    @Test
    void nothingVisibleGetsItsSentence() {
        CommandReply reply = handle(command("erin", "erin@example.com", "status")).orElseThrow();
        assertThat(reply.body()).endsWith("== status ==\nThere is nothing on this unit you may see.\n");
    }

    @Test
    void severalCommandsAreAnsweredInOrderUnderTheirHeadings() {
        CommandReply reply = handle(command("bob", "bob@example.com", "STATUS", "frobnicate now", "status extra")).orElseThrow();
        assertThat(reply.body()).contains("== STATUS ==\nHost\n")
                .contains("== frobnicate now ==\nUnknown command \"frobnicate\". Send \"command: help\".\n")
                .endsWith("== status extra ==\nSyntax: status\n");
        assertThat(eventTexts()).contains("Command from bob: frobnicate now (unknown command)",
                "Command from bob: status extra (bad arguments)", "Command from bob: STATUS (done)");
    }

    @Test
    void helpListsTheCommands() {
        CommandReply reply = handle(command("bob", "bob@example.com", "help")).orElseThrow();
        assertThat(reply.body()).contains("== help ==\n").contains("  status - ").contains("  help - ");
    }

    @Test
    void noCommandAndTooManyCommandsGetTheirSentences() {
        assertThat(handle(command("bob", "bob@example.com")).orElseThrow().body())
                .endsWith("for bob\n" + MailCommandHandler.NO_COMMAND + "\n");
        String[] eleven = new String[11];
        java.util.Arrays.fill(eleven, "status");
        CommandReply tooMany = handle(command("bob", "bob@example.com", eleven)).orElseThrow();
        assertThat(tooMany.body()).endsWith("for bob\n" + MailCommandHandler.TOO_MANY + "\n")
                .doesNotContain("== status ==");
    }

    @Test
    void unknownUserWrongContactAndDisabledProfileGetNoReplyOnlyAnEvent() {
        assertThat(handle(command("mallory", "alice@example.com", "status"))).isEmpty();
        assertThat(handle(command("alice", "mallory@example.com", "status"))).isEmpty();
        assertThat(handle(command("dave", "dave@example.com", "status"))).isEmpty();
        assertThat(eventTexts()).contains("Rejected mail: unknown username", "Rejected mail: not a contact",
                "Rejected mail: disabled profile");
    }

    @Test
    void headerRejectionsGetNoReplyOnlyAnEvent() {
        String body = "username: alice\r\nemail: alice@example.com\r\ncommand: status\r\n";
        assertThat(handle(mail("Subject: ims4000\r\nAuto-Submitted: auto-replied\r\n", body))).isEmpty();
        assertThat(handle(mail("Subject: ims4000\r\nPrecedence: bulk\r\n", body))).isEmpty();
        assertThat(handle(mail("Subject: hello\r\n", body))).isEmpty();
        assertThat(handle(mail("Subject: ims4000\r\n", "email: alice@example.com\r\ncommand: status\r\n"))).isEmpty();
        assertThat(handle(mail("Subject: ims4000\r\n", "username: alice\r\nemail: ims@example.com\r\ncommand: status\r\n"))).isEmpty();
        assertThat(eventTexts()).contains("Rejected mail: auto-submitted", "Rejected mail: bulk or list mail",
                "Rejected mail: not a command", "Rejected mail: own address");
    }

    @Test
    void overTheRateLimitOneRefusalThenSilenceUntilTheNextMinute() {
        fixture.clock().advance(java.time.Duration.ofSeconds(55)); // to 15:05:00, the start of a calendar minute
        for (int i = 0; i < 20; i++) {
            assertThat(handle(command("bob", "bob@example.com", "help"))).isPresent();
        }
        assertThat(handle(command("bob", "bob@example.com", "help")).orElseThrow().body())
                .endsWith("for bob\n" + MailCommandHandler.RATE_LIMITED + "\n");
        assertThat(handle(command("bob", "bob@example.com", "help"))).isEmpty();
        assertThat(eventTexts()).filteredOn("Rejected mail: rate limit"::equals).hasSize(2);
        fixture.clock().advance(java.time.Duration.ofMinutes(1));
        assertThat(handle(command("bob", "bob@example.com", "help"))).isPresent();
    }

    @Test
    void pingAndTraceAnswerFromTheSimulatedNetwork() {
        CommandReply reply = handle(command("bob", "bob@example.com", "ping 127.0.0.1", "tracert 127.0.0.2",
                "traceroute 127.0.0.1")).orElseThrow();
        assertThat(reply.body())
                .contains("== ping 127.0.0.1 ==\nPING 127.0.0.1 56(84) bytes of data.\n64 bytes from 127.0.0.1: icmp_seq=1")
                .contains("4 packets transmitted, 4 received, 0% packet loss")
                .contains("== tracert 127.0.0.2 ==\n 1:  no reply")
                .contains("== traceroute 127.0.0.1 ==\n 1:  127.0.0.1  0.100ms reached");
    }

    @Test
    void injectionInPingAndTraceArgumentsRunsNothing() {
        CommandReply reply = handle(command("bob", "bob@example.com", "ping 127.0.0.1;id", "ping -f 127.0.0.1",
                "trace $(id)", "ping", "ping `id`")).orElseThrow();
        assertThat(reply.body())
                .contains("== ping 127.0.0.1;id ==\nSyntax: ping <IPv4 address or host name>")
                .contains("== ping -f 127.0.0.1 ==\nSyntax: ping <IPv4 address or host name>")
                .contains("== trace $(id) ==\nSyntax: trace <IPv4 address or host name>")
                .contains("== ping ==\nSyntax: ping")
                .doesNotContain("packets transmitted");
    }

    @Test
    void fromIsNeverUsedToAuthenticate() {
        CommandMail forged = mail("Subject: ims4000\r\n", "username: alice\r\nemail: someone@example.org\r\ncommand: status\r\n");
        assertThat(handle(forged)).isEmpty();
    }
}
