package org.imssim.firmware.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.imssim.devices.powergate.MockPowerGate;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.store.StoredMail;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The checks of {@link CommandPassword} (SPEC §7) for {@code outlet} and {@code ack}, on a virtual
 * clock: the replay window of {@code Date:}, and the lockout after 5 wrong passwords in 15 minutes
 * with its one notice and its event. The unit has no SMTP server: its notices stay in the outbox,
 * where the test reads them.
 */
class CommandPasswordTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            %s
            inputs:
              - {channel: 6, type: water, name: Floor Leak, backend: mock}
            powergates:
              - {number: 1, name: Rack A, outlets: 2, outlet-names: [Router, Switch], backend: mock}
            profiles:
              - {username: alice, password: wonderland, level: master, classes: [Water],
                 contacts: [{email: alice@example.com}, {email: alice@home.example.org}, {email: Alice@Example.com}]}
              - {username: bob, password: builder, level: user, units: [host], classes: [Water],
                 contacts: [{email: bob@example.com}]}
            """;

    static final String LOCKED = "Too many wrong passwords; try again in 15 minutes.";
    static final String WRONG = "The password is not right.";
    static final String TOO_OLD = "This command is too old; send it again.";

    private UnitFixture fixture = UnitFixture.start(CONFIG.formatted(""));
    private MailCommandHandler handler = new MailCommandHandler(fixture.unit(), CommandRegistry.standard());

    @AfterEach
    void close() {
        fixture.close();
    }

    private void restartWith(String email) {
        fixture.close();
        fixture = UnitFixture.start(CONFIG.formatted(email));
        handler = new MailCommandHandler(fixture.unit(), CommandRegistry.standard());
    }

    private String answer(CommandMail mail) {
        return CommandMails.answer(fixture.await(() -> handler.handle(mail)).orElseThrow().body());
    }

    /** {@code user}'s command with {@code password}, sent {@code age} before the unit's now. */
    private String send(String user, String password, Duration age, String... commands) {
        return answer(CommandMails.mail(fixture.clock().now().minus(age), user, user + "@example.com", password,
                commands));
    }

    private String alice(String password, String... commands) {
        return send("alice", password, Duration.ZERO, commands);
    }

    private OutletState switchOutlet() {
        return fixture.onLoop(() -> ((MockPowerGate) fixture.unit().hardware().powergates().get(1)).outlet(2).state());
    }

    private List<StoredMail> outbox() {
        Instant later = fixture.clock().now().plus(Duration.ofDays(1));
        return fixture.store().call(s -> s.outbox().due(later, 100)).join();
    }

    private long lockedEvents() {
        return fixture.eventTexts().stream().filter(e -> e.equals("Locked: alice, too many wrong passwords")).count();
    }

    @Test
    void aCommandOlderThanMaxAgeOrTooFarAheadOrWithoutDateIsTooOld() {
        assertThat(send("alice", "wonderland", Duration.ofHours(1).plusSeconds(1), "outlet 1 2 off"))
                .isEqualTo("== outlet 1 2 off ==\n" + TOO_OLD + "\n");
        assertThat(send("alice", "wonderland", Duration.ofMinutes(-10).minusSeconds(1), "outlet 1 2 off"))
                .isEqualTo("== outlet 1 2 off ==\n" + TOO_OLD + "\n");
        assertThat(answer(CommandMails.mail(null, "alice", "alice@example.com", "wonderland", "outlet 1 2 off", "status")))
                .startsWith("== outlet 1 2 off ==\n" + TOO_OLD + "\n== status ==\n");
        assertThat(switchOutlet()).isEqualTo(OutletState.ON);
        assertThat(fixture.eventTexts()).contains("Command from alice: outlet 1 2 off (too old)");

        // The edges of the window are inside it.
        assertThat(send("alice", "wonderland", Duration.ofMinutes(-10), "outlet 1 2 off"))
                .isEqualTo("== outlet 1 2 off ==\nOutlet 1/2 Switch: OFF\n");
        assertThat(send("alice", "wonderland", Duration.ofHours(1), "outlet 1 2 on"))
                .isEqualTo("== outlet 1 2 on ==\nOutlet 1/2 Switch: ON\n");
    }

    @Test
    void theReplayWindowFollowsMaxAgeAndHoldsForAckWithoutPasswordsToo() {
        restartWith("""
                email:
                  two-way: {enabled: true, address: ims@example.com, server: 127.0.0.1, username: ims, password: x,
                            require-password: false, max-age: 5m}
                """);
        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse("host/6")).orElseThrow())
                    .mockLevel(true);
            return null;
        });
        fixture.clock().advance(Duration.ofSeconds(3));
        String code = fixture.onLoop(() -> fixture.unit().alarms().occurrence(InputAddress.parse("host/6"))
                .orElseThrow().code());

        assertThat(send("bob", null, Duration.ofMinutes(5).plusSeconds(1), "ack " + code, "outlet 1 2 off"))
                .isEqualTo("== ack " + code + " ==\n" + TOO_OLD + "\n== outlet 1 2 off ==\n" + TOO_OLD + "\n");
        assertThat(send("bob", null, Duration.ofMinutes(5), "ack " + code))
                .isEqualTo("== ack " + code + " ==\nAcknowledged: Server Room - Floor Leak - Wet\n");
    }

    @Test
    void aStaleMailWithAWrongPasswordIsTooOldAndNotCountedAsWrong() {
        for (int i = 0; i < 6; i++) {
            assertThat(send("alice", "guess" + i, Duration.ofHours(2), "outlet 1 2 off")).contains(TOO_OLD);
        }
        assertThat(alice("wonderland", "outlet 1 2 off")).isEqualTo("== outlet 1 2 off ==\nOutlet 1/2 Switch: OFF\n");
        assertThat(lockedEvents()).isZero();
    }

    @Test
    void fiveWrongPasswordsInFifteenMinutesLockOutletAndAckForFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(alice("guess" + i, "outlet 1 2 off")).as("wrong password %d", i)
                    .isEqualTo("== outlet 1 2 off ==\n" + WRONG + "\n");
            fixture.clock().advance(Duration.ofMinutes(3));
        }
        assertThat(lockedEvents()).isZero();
        assertThat(outbox()).isEmpty();

        // The fifth, 12 minutes after the first, locks: its reply says so.
        assertThat(alice("guess5", "outlet 1 2 off")).isEqualTo("== outlet 1 2 off ==\n" + LOCKED + "\n");
        assertThat(lockedEvents()).isOne();
        assertThat(fixture.eventTexts()).contains("Command from alice: outlet 1 2 off (wrong password, locked)");

        // Even the right password is refused now, for ack too; other commands still run.
        fixture.clock().advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(alice("wonderland", "outlet 1 2 off", "ack 12345678", "outlets")).isEqualTo("""
                == outlet 1 2 off ==
                %s
                == ack 12345678 ==
                %s
                == outlets ==
                Outlet 1/1 Router: ON
                Outlet 1/2 Switch: ON
                """.formatted(LOCKED, LOCKED));
        assertThat(alice("guess6", "outlet 1 2 off")).contains(LOCKED);
        assertThat(switchOutlet()).isEqualTo(OutletState.ON);
        assertThat(fixture.eventTexts()).contains("Command from alice: ack 12345678 (locked)");
        // Another profile is not locked.
        assertThat(send("bob", "builder", Duration.ZERO, "outlet 1 1 off")).isEqualTo("== outlet 1 1 off ==\nOutlet 1/1 Router: OFF\n");

        fixture.clock().advance(Duration.ofSeconds(1));
        assertThat(alice("wonderland", "outlet 1 2 off")).isEqualTo("== outlet 1 2 off ==\nOutlet 1/2 Switch: OFF\n");
        // Unlocked, the count starts afresh: one wrong password is just wrong.
        assertThat(alice("guess7", "outlet 1 2 on")).isEqualTo("== outlet 1 2 on ==\n" + WRONG + "\n");

        assertThat(lockedEvents()).as("one event per lockout").isOne();
        List<StoredMail> notices = outbox();
        assertThat(notices).extracting(StoredMail::to).as("one notice per contact address")
                .containsExactly("alice@example.com", "alice@home.example.org");
        StoredMail notice = notices.get(0);
        assertThat(notice.subject()).isEqualTo("IMS-4000 reply: Server Room");
        assertThat(notice.headers()).containsEntry("Auto-Submitted", "auto-generated");
        assertThat(notice.body()).contains("The outlet and ack commands of alice are locked for 15 minutes, until "
                + "2026-11-29 15:31:05 +00:00 UTC,\nbecause 5 commands with a wrong password arrived within 15 minutes.");
        assertThat(notice.body()).doesNotContain("guess").doesNotContain("wonderland");
        assertThat(fixture.eventTexts()).noneMatch(e -> e.contains("guess") || e.contains("wonderland"));
    }

    @Test
    void wrongPasswordsSpreadOverMoreThanFifteenMinutesDoNotLock() {
        for (int i = 1; i <= 4; i++) {
            alice("guess" + i, "outlet 1 2 off");
        }
        fixture.clock().advance(Duration.ofMinutes(15));
        assertThat(alice("guess5", "outlet 1 2 off")).isEqualTo("== outlet 1 2 off ==\n" + WRONG + "\n");
        assertThat(alice("wonderland", "outlet 1 2 off")).isEqualTo("== outlet 1 2 off ==\nOutlet 1/2 Switch: OFF\n");
        assertThat(lockedEvents()).isZero();
    }

    @Test
    void aMissingPasswordIsNotCountedAndOneMessageIsOneGuess() {
        for (int i = 0; i < 6; i++) {
            assertThat(alice(null, "outlet 1 2 off")).contains("This command needs a password");
        }
        for (int i = 1; i <= 4; i++) {
            assertThat(alice("guess" + i, "outlet 1 2 off", "outlet 1 1 off", "ack 12345678"))
                    .isEqualTo("== outlet 1 2 off ==\n%s\n== outlet 1 1 off ==\n%s\n== ack 12345678 ==\n%s\n"
                            .formatted(WRONG, WRONG, WRONG));
        }
        assertThat(lockedEvents()).isZero();
        assertThat(alice("guess5", "outlet 1 2 off", "outlet 1 1 off"))
                .isEqualTo("== outlet 1 2 off ==\n%s\n== outlet 1 1 off ==\n%s\n".formatted(LOCKED, LOCKED));
        assertThat(lockedEvents()).isOne();
    }
}
