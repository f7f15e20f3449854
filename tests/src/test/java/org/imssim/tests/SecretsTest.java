package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.imssim.tests.mail.MailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7 "Secrets": a password sent in a command is never stored, logged, echoed or quoted. The
 * unit runs as a user runs it (a child JVM); afterwards its storage files, its whole log and every
 * mail on the server are searched for the password.
 */
class SecretsTest {

    private static final String PASSWORD = "Sup3r-S3cret-Pa55";
    private static final String PIN = "482913";

    @TempDir
    Path dir;

    @Test
    void aPasswordSentInACommandIsNeverStoredLoggedOrEchoed() throws Exception {
        try (MailServer mail = new MailServer("alice@example.com")) {
            Path config = dir.resolve("imssim.yaml");
            Files.writeString(config, """
                    unit: {name: Lab, time-zone: UTC}
                    %s
                    storage: {dir: ./data}
                    web: {bind: 127.0.0.1, port: 0}
                    inputs: [{channel: 1, type: temperature, name: Room Temp, backend: mock}]
                    profiles:
                      - {username: alice, password: "%s", mail-pin: "%s", level: master, classes: [Temperature],
                         contacts: [{email: alice@example.com}]}
                    """.formatted(mail.emailConfig(), PASSWORD, PIN));
            Map<String, String> debugLog = Map.of("JAVA_TOOL_OPTIONS",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug -Dorg.slf4j.simpleLogger.log.org.imssim=debug");
            try (ChildJvm unit = ChildJvm.start(dir, debugLog, "run", "--config", config.toString())) {
                // Wrong and right secrets, in the password: line and, carelessly, in the command line itself.
                mail.sendToUnit("alice@example.com", "ims4000", "username: alice\nemail: alice@example.com\npassword: "
                        + PASSWORD + "\ncommand: ack 12345678\ncommand: status\n", Map.of());
                mail.sendToUnit("alice@example.com", "ims4000", "username: alice\nemail: alice@example.com\npassword: "
                        + PIN + "\ncommand: ack 87654321\n", Map.of());
                await().atMost(Duration.ofSeconds(30)).until(() -> mail.mailsTo("alice@example.com").size() == 2
                        || !unit.isAlive());
                assertThat(mail.mailsTo("alice@example.com")).hasSize(2);
                unit.terminate();
                unit.waitForExit(30);

                for (MimeMessage m : mail.mailsTo("alice@example.com")) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    m.writeTo(raw);
                    assertThat(raw.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD).doesNotContain(PIN);
                }
                assertThat(unit.stdout() + unit.stderr()).contains("Command from alice")
                        .doesNotContain(PASSWORD).doesNotContain(PIN);
                StringBuilder stored = new StringBuilder();
                try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        stored.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                    }
                }
                assertThat(stored.toString()).contains("Command from alice").doesNotContain(PASSWORD).doesNotContain(PIN);
            }
        }
    }
}
