package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.tests.mail.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alarms end to end on a running unit (system clock, real mail server, web API), as a CI user or
 * an operator meets them: a reading driven through the simulation API raises an alarm whose mail
 * arrives; the operator acknowledges it by replying, or through the API.
 */
class AlarmEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private MailServer mail;
    private Firmware unit;

    @BeforeEach
    void start() {
        mail = new MailServer("alice@example.com", "bob@example.com");
        ConfigResult config = ConfigLoader.load("""
                unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
                %s
                storage: {dir: ./data}
                web: {bind: 127.0.0.1, port: 0}
                network: {probe: simulated, simulated-hosts: {127.0.0.1: true}}
                ip-devices:
                  - {name: Gateway, address: 127.0.0.1, interval: 1s, timeout: 1s, retries: 1}
                inputs:
                  - {channel: 6, type: water, name: Floor Leak, recognition-time: 0s, backend: mock}
                nodes:
                  - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, recognition-time: 0s,
                     backend: mock}]}
                profiles:
                  - {username: alice, password: wonderland, mail-pin: "4829", level: master,
                     classes: [Water, IP Alarms], contacts: [{email: alice@example.com}]}
                  - {username: bob, password: builder, level: user, units: [node-2], classes: [Water],
                     contacts: [{email: bob@example.com}]}
                """.formatted(mail.emailConfig()), dir, name -> null);
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

    private MimeMessage awaitMail(String address, int count) {
        await().atMost(WAIT).until(() -> mail.mailsTo(address).size() >= count);
        return mail.mailsTo(address).get(count - 1);
    }

    private static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n").stripTrailing() + "\n";
    }

    private static String code(MimeMessage alarm) throws Exception {
        Matcher m = Pattern.compile("(?m)^command: ack (\\d{8})$").matcher(body(alarm));
        assertThat(m.find()).as("the alarm mail gives the command to send back").isTrue();
        return m.group(1);
    }

    private String state(String unitId, int channel) throws Exception {
        JsonNode status = new ObjectMapper().readTree(Http.get(unit.webPort(), "/api/status", "alice", "wonderland").body());
        for (JsonNode u : status.get("units")) {
            if (u.get("id").asText().equals(unitId)) {
                for (JsonNode input : u.get("inputs")) {
                    if (input.get("channel").asInt() == channel) {
                        return input.get("state").asText();
                    }
                }
            }
        }
        throw new AssertionError("No input " + unitId + "/" + channel + " in the status");
    }

    @Test
    void anAlarmMailArrivesAndReplyingWithItsBlockAcknowledgesIt() throws Exception {
        assertThat(Http.post(unit.webPort(), "/api/sim/inputs/host/6", "alice", "wonderland", "{\"state\": \"wet\"}")
                .statusCode()).isEqualTo(200);

        MimeMessage alarm = awaitMail("alice@example.com", 1);
        assertThat(alarm.getSubject()).isEqualTo("IMS-4000 ALARM: Server Room - Floor Leak - Wet");
        assertThat(alarm.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(alarm.getHeader("Reply-To")).containsExactly(MailServer.UNIT);
        assertThat(body(alarm)).startsWith("Unit: Host\nInput: host/6 Floor Leak\nCondition: Wet\nValue: wet\n");
        String code = code(alarm);
        assertThat(state("host", 6)).isEqualTo("ALARM_UNACKED");

        mail.sendToUnit("alice@example.com", "Re: " + alarm.getSubject(),
                "username: alice\nemail: alice@example.com\npassword: 4829\ncommand: ack " + code + "\n", Map.of());
        MimeMessage reply = awaitMail("alice@example.com", 2);
        assertThat(reply.getSubject()).isEqualTo("IMS-4000 reply: Server Room");
        assertThat(body(reply)).endsWith("== ack " + code + " ==\nAcknowledged: Server Room - Floor Leak - Wet\n");
        assertThat(state("host", 6)).isEqualTo("ALARM_ACKED");
        assertThat(Http.get(unit.webPort(), "/api/events", "alice", "wonderland").body())
                .contains("Acknowledged: Floor Leak by alice via e-mail");
    }

    @Test
    void aUserOfTheNodeAcknowledgesItsAlarmThroughTheApi() throws Exception {
        Http.post(unit.webPort(), "/api/sim/inputs/node-2/4", "alice", "wonderland", "{\"state\": \"wet\"}");
        MimeMessage bobs = awaitMail("bob@example.com", 1);
        assertThat(bobs.getSubject()).isEqualTo("IMS-4000 ALARM: Row B - Leak - Wet");

        var ack = Http.post(unit.webPort(), "/api/alarms/node-2/4/ack", "bob", "builder", "");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(ack.body()).get("state").asText()).isEqualTo("ALARM_ACKED");
        assertThat(Http.post(unit.webPort(), "/api/alarms/node-2/4/ack", "bob", "builder", "").statusCode())
                .isEqualTo(409);
        assertThat(Http.post(unit.webPort(), "/api/alarms/host/6/ack", "bob", "builder", "").statusCode())
                .isEqualTo(404);
        assertThat(Http.get(unit.webPort(), "/api/events", "alice", "wonderland").body())
                .contains("Acknowledged: Leak by bob via api");
        assertThat(awaitMail("alice@example.com", 1).getSubject()).isEqualTo("IMS-4000 ALARM: Row B - Leak - Wet");
    }

    @Test
    void anIpDeviceThatStopsAnsweringIsMailedAndShownAsPingTimeout() throws Exception {
        var fault = Http.post(unit.webPort(), "/api/sim/faults", "alice", "wonderland",
                "{\"fault\": \"ping\", \"target\": \"Gateway\", \"active\": true}");
        assertThat(fault.statusCode()).isEqualTo(200);

        MimeMessage alarm = awaitMail("alice@example.com", 1);
        assertThat(alarm.getSubject()).isEqualTo("IMS-4000 ALARM: Server Room - Gateway - Ping Timeout");
        assertThat(Http.get(unit.webPort(), "/api/status", "alice", "wonderland").body())
                .contains("{\"name\":\"Gateway\",\"address\":\"127.0.0.1\",\"state\":\"Ping Timeout\"}");
        assertThat(mail.mailsTo("bob@example.com")).as("bob's classes do not include IP Alarms").isEmpty();

        Http.post(unit.webPort(), "/api/sim/faults", "alice", "wonderland",
                "{\"fault\": \"ping\", \"target\": \"Gateway\", \"active\": false}");
        await().atMost(WAIT).until(() -> Http.get(unit.webPort(), "/api/events", "alice", "wonderland").body()
                .contains("Return to normal: Gateway"));
    }
}
