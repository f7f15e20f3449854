package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.tests.mail.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code outlet} and {@code outlets} commands end to end (SPEC §7): command mails through a real
 * mail server on loopback, read over POP3, answered over SMTP, each reply's text as a user sees it;
 * the password checks, the replay window and the lockout with its notice mail.
 */
class OutletEmailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LOCKED = "Too many wrong passwords; try again in 15 minutes.";

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
                nodes:
                  - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
                powergates:
                  - {number: 1, name: Rack A, outlets: 3, outlet-names: [Router, Switch, NAS], cycle-time: 5s,
                     backend: mock}
                  - {number: 2, name: Rack B, unit: node-2, outlets: 1, backend: mock}
                profiles:
                  - {username: alice, password: wonderland, level: master, contacts: [{email: alice@example.com}]}
                  - {username: bob, password: builder, level: user, units: [host], contacts: [{email: bob@example.com}]}
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

    /** Sends a command mail, with {@code password:} unless null, and gives its Message-ID. */
    private String send(String user, String password, Map<String, String> headers, String... commands) {
        StringBuilder body = new StringBuilder("username: " + user + "\nemail: " + user + "@example.com\n");
        if (password != null) {
            body.append("password: ").append(password).append('\n');
        }
        for (String c : commands) {
            body.append("command: ").append(c).append('\n');
        }
        return mail.sendToUnit(user + "@example.com", "ims4000", body.toString(), headers);
    }

    /** The reply to the mail {@code id}, below its header line, once it arrived. */
    private String replyTo(String user, String id) {
        await().atMost(WAIT).until(() -> find(user, id).isPresent());
        String text = find(user, id).orElseThrow();
        return text.substring(text.indexOf('\n') + 1);
    }

    private Optional<String> find(String user, String id) {
        for (MimeMessage m : mail.mailsTo(user + "@example.com")) {
            try {
                String[] inReplyTo = m.getHeader("In-Reply-To");
                if (inReplyTo != null && inReplyTo[0].equals(id)) {
                    return Optional.of(((String) m.getContent()).replace("\r\n", "\n").stripTrailing() + "\n");
                }
            } catch (MessagingException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    private String ask(String user, String password, String... commands) {
        return replyTo(user, send(user, password, Map.of(), commands));
    }

    private String events() throws Exception {
        return Http.get(unit.webPort(), "/api/events?limit=200", "alice", "wonderland").body();
    }

    @Test
    void onOffCycleAndAllAnswerEachOutletAndTheCycleEndsByItself() throws Exception {
        assertThat(ask("alice", "wonderland", "outlet 1 2 off", "outlet 1 3 cycle", "outlet 1 all cycle",
                "outlet 1 2 on", "outlets")).isEqualTo("""
                == outlet 1 2 off ==
                Outlet 1/2 Switch: OFF
                == outlet 1 3 cycle ==
                Outlet 1/3 NAS: CYCLING
                == outlet 1 all cycle ==
                Outlet 1/1 Router: CYCLING
                Outlet 2 is off; send on.
                Outlet 1/3 NAS is already cycling.
                == outlet 1 2 on ==
                Outlet 1/2 Switch: ON
                == outlets ==
                Outlet 1/1 Router: CYCLING
                Outlet 1/2 Switch: ON
                Outlet 1/3 NAS: CYCLING
                Outlet 2/1 Outlet 1: ON
                """);
        await().atMost(WAIT).until(() -> !Http.get(unit.webPort(), "/api/status", "alice", "wonderland").body()
                .contains("CYCLING"));
        assertThat(ask("bob", null, "outlets")).isEqualTo("""
                == outlets ==
                Outlet 1/1 Router: ON
                Outlet 1/2 Switch: ON
                Outlet 1/3 NAS: ON
                """);
        assertThat(events()).contains("Outlet 1/2 Switch switched OFF by alice via e-mail",
                "Outlet 1/1 Router switched CYCLE by alice via e-mail");
    }

    @Test
    void refusalsGetTheirSentencesAndSwitchNothing() throws Exception {
        String old = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minusHours(2));
        String stale = send("alice", "wonderland", Map.of("Date", old), "outlet 1 1 off");
        assertThat(ask("alice", null, "outlet 1 1 off")).isEqualTo(
                "== outlet 1 1 off ==\nThis command needs a password: add a line \"password: \u2026\".\n");
        assertThat(ask("alice", "guess", "outlet 1 1 off")).isEqualTo("== outlet 1 1 off ==\nThe password is not right.\n");
        assertThat(replyTo("alice", stale)).isEqualTo("== outlet 1 1 off ==\nThis command is too old; send it again.\n");
        assertThat(ask("bob", "builder", "outlet 2 1 off", "outlet 7 1 off", "outlet 1 4 off", "outlet 1 on"))
                .isEqualTo("""
                        == outlet 2 1 off ==
                        There is no PowerGate 2 you may use.
                        == outlet 7 1 off ==
                        There is no PowerGate 7 you may use.
                        == outlet 1 4 off ==
                        PowerGate 1 has outlets 1 to 3.
                        == outlet 1 on ==
                        Syntax: outlet <powergate> <outlet|all> on|off|cycle
                        """);
        assertThat(events()).doesNotContain("switched OFF").doesNotContain("guess")
                .contains("Command from alice: outlet 1 1 off (too old)");
    }

    @Test
    void fiveWrongPasswordsLockTheProfileAndOneNoticeGoesToItsContacts() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertThat(ask("alice", "guess" + i, "outlet 1 1 off")).isEqualTo("== outlet 1 1 off ==\nThe password is not right.\n");
        }
        assertThat(ask("alice", "guess5", "outlet 1 1 off")).isEqualTo("== outlet 1 1 off ==\n" + LOCKED + "\n");
        assertThat(ask("alice", "wonderland", "outlet 1 1 off", "ack 12345678")).isEqualTo(
                "== outlet 1 1 off ==\n" + LOCKED + "\n== ack 12345678 ==\n" + LOCKED + "\n");

        await().atMost(WAIT).until(() -> mail.mailsTo("alice@example.com").size() >= 7);
        long notices = mail.mailsTo("alice@example.com").stream().filter(m -> {
            try {
                return m.getHeader("In-Reply-To") == null && ((String) m.getContent()).contains("are locked for 15 minutes");
            } catch (MessagingException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(notices).isOne();
        assertThat(events()).containsOnlyOnce("Locked: alice, too many wrong passwords");
        assertThat(Http.get(unit.webPort(), "/api/status", "alice", "wonderland").body()).doesNotContain("OFF");
    }
}
