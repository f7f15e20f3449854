package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.imssim.tests.mail.MailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README tells a newcomer, automated: start {@code imssim demo}, run the {@code send} line
 * it prints, and read the unit's status in the reply. Plus {@code send}'s failures.
 */
class DemoSmokeTest {

    @TempDir
    Path dir;

    @Test
    void theSendLineTheDemoPrintsAnswersWithTheStatus() throws Exception {
        Path ports = dir.resolve("ports.json");
        try (ChildJvm demo = ChildJvm.start(dir, Map.of(), "demo", "--smtp-port", "0", "--pop3-port", "0",
                "--imap-port", "0", "--web-port", "0", "--ports-file", ports.toString())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ports) || !demo.isAlive());
            assertThat(demo.isAlive()).as("demo is running; stderr: %s", demo.stderr()).isTrue();
            JsonNode json = new ObjectMapper().readTree(Files.readString(ports));
            for (String name : List.of("smtp", "pop3", "imap", "web")) {
                assertThat(json.get(name).asInt()).as(name).isPositive();
            }
            assertThat(Http.healthy(json.get("web").asInt())).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> demo.stdout().contains("Stop with Ctrl-C."));
            String sendLine = demo.stdout().lines().map(String::trim)
                    .filter(l -> l.startsWith("./imssim send ")).findFirst().orElseThrow();
            assertThat(sendLine).isEqualTo("./imssim send --smtp 127.0.0.1:" + json.get("smtp").asInt()
                    + " --pop3 127.0.0.1:" + json.get("pop3").asInt()
                    + " --username alice --email alice@example.com --wait status");

            List<String> args = new ArrayList<>(Arrays.asList(sendLine.substring("./imssim ".length()).split(" ")));
            try (ChildJvm send = ChildJvm.start(dir, Map.of(), args.toArray(String[]::new))) {
                assertThat(send.waitForExit(60)).as("send stderr: %s", send.stderr()).isZero();
                assertThat(send.stdout())
                        .startsWith("IMS-4000 Demo Server Room, ")
                        .contains("for alice\n== status ==\nHost\n  1 Room Temp: 72.0 F, NORMAL\n")
                        .contains("PowerGate 1 Rack A\n  1 Router: ON\n")
                        .contains("IP devices\n  Gateway 127.0.0.1: Responding\n");
            }
            demo.terminate();
            demo.waitForExit(30);
        }
    }

    @Test
    void sendToAServerThatRefusesExits1WithASentence() throws Exception {
        int port = Ports.free();
        try (ChildJvm send = ChildJvm.start(dir, Map.of(), "send", "--smtp", "127.0.0.1:" + port,
                "--username", "alice", "--email", "alice@example.com", "status")) {
            assertThat(send.waitForExit(60)).isEqualTo(1);
            assertThat(send.stderr()).contains("could not send the command through 127.0.0.1:" + port
                    + ": the connection was refused").doesNotContain("Exception");
        }
    }

    @Test
    void sendThatGetsNoReplyExits1WithASentence() throws Exception {
        try (MailServer mail = new MailServer("alice@example.com");
             ChildJvm send = ChildJvm.start(dir, Map.of(), "send", "--smtp", "127.0.0.1:" + mail.smtpPort(),
                     "--pop3", "127.0.0.1:" + mail.pop3Port(), "--pop3-password", MailServer.PASSWORD,
                     "--username", "alice", "--email", "alice@example.com", "--wait", "--timeout", "1s", "status")) {
            assertThat(send.waitForExit(60)).isEqualTo(1);
            assertThat(send.stderr()).contains("no reply came within 1s").doesNotContain("Exception");
            assertThat(mail.mailsTo(MailServer.UNIT)).hasSize(1);
        }
    }

    @Test
    void sendWithABadAddressExits2() throws Exception {
        try (ChildJvm send = ChildJvm.start(dir, Map.of(), "send", "--smtp", "localhost",
                "--username", "alice", "--email", "alice@example.com", "status")) {
            assertThat(send.waitForExit(60)).isEqualTo(2);
            assertThat(send.stderr()).contains("--smtp and --pop3 take HOST:PORT");
        }
    }
}
