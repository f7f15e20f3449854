package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.tests.mail.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-way e-mail end to end (SPEC §7): a real mail server on loopback, the unit reading its mailbox
 * over POP3 and answering over SMTP, as a user with any mail client sees it.
 */
class TwoWayEmailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private MailServer mail;
    private Firmware unit;

    @BeforeEach
    void start() {
        mail = new MailServer("alice@example.com", "bob@example.com");
        String yaml = """
                unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
                %s
                storage: {dir: ./data}
                web: {bind: 127.0.0.1, port: 0}
                inputs:
                  - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
                  - {channel: 6, type: water, name: Floor Leak, backend: mock}
                nodes:
                  - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
                powergates:
                  - {number: 1, name: Rack A, outlets: 2, outlet-names: [Router, Switch], backend: mock}
                ip-devices:
                  - {name: Gateway, address: 127.0.0.1}
                profiles:
                  - username: alice
                    password: wonderland
                    level: master
                    classes: [Temperature, Water, IP Alarms]
                    contacts: [{email: alice@example.com}]
                  - username: bob
                    password: builder
                    level: user
                    units: [host]
                    classes: [Temperature]
                    contacts: [{email: bob@example.com}]
                  - username: dave
                    password: x
                    enabled: false
                    level: master
                    contacts: [{email: bob@example.com}]
                """.formatted(mail.emailConfig());
        ConfigResult config = ConfigLoader.load(yaml, dir, name -> null);
        assertThat(config.errors()).isEmpty();
        unit = Firmware.start(config.config());
    }

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
        mail.close();
    }

    private MimeMessage awaitReplyTo(String address, int count) {
        await().atMost(WAIT).until(() -> mail.mailsTo(address).size() >= count);
        List<MimeMessage> replies = mail.mailsTo(address);
        return replies.get(count - 1);
    }

    private static String body(MimeMessage message) throws Exception {
        // Transports may drop the final line break; compare the lines.
        return ((String) message.getContent()).replace("\r\n", "\n").stripTrailing() + "\n";
    }

    @Test
    void aStatusRequestGetsTheReportAndTheMailboxIsEmptiedAfterwards() throws Exception {
        String id = mail.sendToUnit("Alice <alice@example.com>", "ims4000",
                MailServer.commandBody("alice", "alice@example.com", "status"), Map.of());

        MimeMessage reply = awaitReplyTo("alice@example.com", 1);
        assertThat(reply.getSubject()).isEqualTo("IMS-4000 reply: Server Room");
        assertThat(reply.getFrom()[0].toString()).isEqualTo(MailServer.UNIT);
        assertThat(reply.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat(reply.getHeader("In-Reply-To")).containsExactly(id);
        assertThat(reply.getHeader("References")).containsExactly(id);
        assertThat(body(reply)).matches("""
                IMS-4000 Server Room, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+00:00 UTC, for alice
                == status ==
                Host
                  1 Room Temp: 72.0 F, NORMAL
                  6 Floor Leak: dry, NORMAL
                Node 2 Row B
                  4 Leak: dry, NORMAL
                PowerGate 1 Rack A
                  1 Router: ON
                  2 Switch: ON
                IP devices
                  Gateway 127.0.0.1: Responding
                """);
        await().atMost(WAIT).until(() -> mail.unitMailboxSize() == 0);
    }

    @Test
    void aUserOnTheHostSeesNoNodeAndNoInputOutsideItsClassesAndTheApiAgrees() throws Exception {
        mail.sendToUnit("bob@example.com", "Re: [EXT] Fwd: ims4000",
                MailServer.commandBody("bob", "bob@example.com", "status")
                        + "\n-- \nBob\n\nOn Mon, 30 Nov 2026 at 09:00, IMS <ims@example.com> wrote:\n> command: help\n",
                Map.of());
        String text = body(awaitReplyTo("bob@example.com", 1));
        assertThat(text).endsWith("""
                == status ==
                Host
                  1 Room Temp: 72.0 F, NORMAL
                PowerGate 1 Rack A
                  1 Router: ON
                  2 Switch: ON
                """);
        assertThat(text).doesNotContain("Node").doesNotContain("Leak").doesNotContain("Gateway").doesNotContain("== help");

        var status = Http.get(unit.webPort(), "/api/status", "bob", "builder");
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(status.body());
        assertThat(json.at("/unit/name").asText()).isEqualTo("Server Room");
        assertThat(json.at("/units")).hasSize(1);
        assertThat(json.at("/units/0/id").asText()).isEqualTo("host");
        assertThat(json.at("/units/0/inputs")).hasSize(1);
        assertThat(json.at("/units/0/inputs/0/name").asText()).isEqualTo("Room Temp");
        assertThat(json.at("/units/0/inputs/0/value").asDouble()).isEqualTo(72.0);
        assertThat(json.at("/units/0/inputs/0/unit").asText()).isEqualTo("F");
        assertThat(json.at("/units/0/inputs/0/state").asText()).isEqualTo("NORMAL");
        assertThat(json.at("/powergates/0/outlets/0/name").asText()).isEqualTo("Router");
        assertThat(json.at("/ipDevices")).isEmpty();
    }

    @Test
    void mailThatMustNotBeAnsweredGetsNoReplyOnlyAnEvent() throws Exception {
        String commands = MailServer.commandBody("alice", "alice@example.com", "status");
        mail.sendToUnit("mallory@example.org", "ims4000", MailServer.commandBody("mallory", "alice@example.com", "status"), Map.of());
        mail.sendToUnit("mallory@example.org", "ims4000", MailServer.commandBody("alice", "mallory@example.org", "status"), Map.of());
        mail.sendToUnit("bob@example.com", "ims4000", MailServer.commandBody("dave", "bob@example.com", "status"), Map.of());
        mail.sendToUnit("alice@example.com", "ims4000", commands, Map.of("Auto-Submitted", "auto-replied"));
        mail.sendToUnit("MAILER-DAEMON@example.com", "ims4000", commands, Map.of());
        mail.sendToUnit("alice@example.com", "ims4000", commands, Map.of("Precedence", "bulk"));
        mail.sendToUnit("alice@example.com", "ims4000", commands, Map.of("List-Id", "<ops.example.com>"));
        mail.sendToUnit(MailServer.UNIT, "ims4000", commands, Map.of());
        mail.sendToUnit("alice@example.com", "hello", commands, Map.of());
        mail.sendToUnit("alice@example.com", "ims4000", "email: alice@example.com\ncommand: status\n", Map.of());
        // Messages are handled in mailbox order: once this one is answered, all above were handled.
        mail.sendToUnit("bob@example.com", "ims4000", MailServer.commandBody("bob", "bob@example.com", "help"), Map.of());
        awaitReplyTo("bob@example.com", 1);

        assertThat(mail.mailsTo("alice@example.com")).isEmpty();
        assertThat(mail.mailsTo("mallory@example.org")).isEmpty();
        assertThat(mail.mailsTo("bob@example.com")).hasSize(1);
        var events = Http.get(unit.webPort(), "/api/events?limit=100", "alice", "wonderland");
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).contains("Rejected mail: unknown username", "Rejected mail: not a contact",
                "Rejected mail: disabled profile", "Rejected mail: auto-submitted", "Rejected mail: bounce",
                "Rejected mail: bulk or list mail", "Rejected mail: own address", "Rejected mail: not a command",
                "Command from bob: help (done)");
        await().atMost(WAIT).until(() -> mail.unitMailboxSize() == 0);
    }

    @Test
    void theSameMessageDeliveredTwiceGetsOneReply() throws Exception {
        String id = "<same-message@client.example.org>";
        mail.sendRaw(id, "alice@example.com", "ims4000", MailServer.commandBody("alice", "alice@example.com", "status"), Map.of());
        awaitReplyTo("alice@example.com", 1);
        mail.sendRaw(id, "alice@example.com", "ims4000", MailServer.commandBody("alice", "alice@example.com", "status"), Map.of());
        mail.sendToUnit("bob@example.com", "ims4000", MailServer.commandBody("bob", "bob@example.com", "help"), Map.of());
        awaitReplyTo("bob@example.com", 1);

        assertThat(mail.mailsTo("alice@example.com")).hasSize(1);
        var events = Http.get(unit.webPort(), "/api/events", "alice", "wonderland");
        assertThat(events.body()).contains("Rejected mail: duplicate");
    }

    @Test
    void healthShowsTheMailboxAndTheOutbox() throws Exception {
        var health = Http.get(unit.webPort(), "/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(health.body());
        assertThat(json.get("status").asText()).isEqualTo("up");
        assertThat(json.get("smtp").asText()).isEqualTo("ok");
        assertThat(json.get("mailbox").asText()).isIn("ok");
        assertThat(json.at("/outbox/pending").asInt()).isZero();
    }
}
