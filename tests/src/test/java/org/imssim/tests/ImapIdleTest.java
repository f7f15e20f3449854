package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.tests.mail.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-way e-mail over IMAP with IDLE (SPEC §7): with a poll interval of an hour, a command is still
 * answered promptly, because the server's IDLE notification makes the unit read its mailbox.
 */
class ImapIdleTest {

    @TempDir
    Path dir;

    private MailServer mail;
    private Firmware unit;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void commandsAreAnsweredThroughIdleLongBeforeTheNextPoll() throws Exception {
        mail = new MailServer("alice@example.com");
        ConfigResult config = ConfigLoader.load("""
                unit: {name: Lab, time-zone: UTC}
                %s
                storage: {dir: ./data}
                web: {bind: 127.0.0.1, port: 0}
                inputs: [{channel: 1, type: temperature, name: Room Temp, backend: mock}]
                profiles:
                  - {username: alice, password: x, level: master, classes: [Temperature],
                     contacts: [{email: alice@example.com}]}
                """.formatted(mail.imapEmailConfig("1h")), dir, name -> null);
        assertThat(config.errors()).isEmpty();
        unit = Firmware.start(config.config());
        // The first poll at start finds the mailbox empty; from then on only IDLE can bring a poll within the hour.
        await().atMost(Duration.ofSeconds(10)).until(() -> unit.unit().onLoop(() -> unit.unit().health()).join()
                .mailbox().equals("ok"));

        mail.sendToUnit("alice@example.com", "ims4000", MailServer.commandBody("alice", "alice@example.com", "status"), Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> mail.mailsTo("alice@example.com").size() == 1);
        mail.sendToUnit("alice@example.com", "ims4000", MailServer.commandBody("alice", "alice@example.com", "help"), Map.of());
        await().atMost(Duration.ofSeconds(15)).until(() -> mail.mailsTo("alice@example.com").size() == 2);

        assertThat((String) mail.mailsTo("alice@example.com").get(0).getContent()).contains("1 Room Temp:");
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.unitMailboxSize() == 0);
    }
}
