package org.imssim.firmware.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.alarm.AcknowledgeOutcome;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.alarm.Via;
import org.imssim.firmware.store.StoredOccurrence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4: open occurrences are stored durably and resumed after a restart, and nothing is re-sent
 * that was already sent. The unit is stopped and started again in-process on the same storage,
 * its new virtual clock starting later to model the time it was down; mail goes to a real mail
 * server that keeps running across the restart.
 *
 * <p>The unit starts on Sunday 2026-11-29 15:04:05 UTC; Room Temp alarms 3 s after going over 85,
 * so round 1 goes at 15:04:08, round 2 is due at 15:05:08, round 3 at 15:06:08, and the unit
 * acknowledges itself at 15:07:08. A restarted unit's mock sensor reads {@code initial}: what the
 * room was doing while the unit was down.
 */
class AlarmResumeTest {

    static final String ROOM = "host/1";
    static final String ALARM = "IMS-4000 ALARM: Server Room - Room Temp - High";
    static final String NORMAL = "IMS-4000 NORMAL: Server Room - Room Temp - Normal";
    static final Instant ROUND_1 = Instant.parse("2026-11-29T15:04:08Z");

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            %s
            delivery: {intercall-delay: 1m, max-rounds: 3}
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, recognition-time: 3s,
                 reset-time: 1h, backend: mock, initial: %%INITIAL%%}
              - {channel: 6, type: water, name: Floor Leak, backend: mock}
            profiles:
              - username: alice
                password: wonderland
                mail-pin: "4829"
                level: master
                classes: [Temperature, Water]
                contacts:
                  - {email: alice@example.com}
                  - {email: pager@example.com, inform-only: true, until-acknowledged: false}
              - username: bob
                password: builder
                level: master
                classes: [Temperature, Water]
                contacts: [{email: bob@example.com}]
            """.formatted(MailedUnit.emailSection());

    /** The same unit without Room Temp (it was removed from the configuration while down). */
    static final String WITHOUT_ROOM = CONFIG.replaceFirst(
            "(?s)  - \\{channel: 1, type: temperature.*?initial: %INITIAL%}\n", "");

    @TempDir
    Path storage;

    private MailedUnit unit;

    @AfterEach
    void close() {
        if (unit != null) {
            unit.close();
        }
    }

    private static String config(double initial) {
        return CONFIG.replace("%INITIAL%", Double.toString(initial));
    }

    /** Room Temp alarms on a fresh unit; round 1 has reached alice, pager and bob. Its code. */
    private String alarmInRoundOne() {
        unit = new MailedUnit(config(72), storage);
        unit.value(ROOM, 90);
        unit.advance(Duration.ofSeconds(3));
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.ALARM_UNACKED);
        unit.awaitMails("alice@example.com", 1);
        unit.awaitMails("pager@example.com", 1);
        unit.awaitMails("bob@example.com", 1);
        return unit.code(ROOM);
    }

    private static int roundOf(MimeMessage mail) {
        Matcher m = Pattern.compile("(?m)^Round: (\\d) of 3$").matcher(MailedUnit.body(mail));
        if (!m.find()) {
            throw new AssertionError("No round in " + MailedUnit.body(mail));
        }
        return Integer.parseInt(m.group(1));
    }

    private List<Integer> roundsTo(String address) {
        return unit.mailsTo(address).stream().filter(m -> ALARM.equals(MailedUnit.subject(m)))
                .map(AlarmResumeTest::roundOf).toList();
    }

    private List<StoredOccurrence> stored() {
        return unit.fixture().store().call(s -> s.occurrences().open()).join();
    }

    private long eventsStartingWith(String prefix) {
        return unit.eventTexts().stream().filter(t -> t.startsWith(prefix)).count();
    }

    private static String command(String user, String email, String password, String command) {
        return "username: " + user + "\nemail: " + email + "\npassword: " + password + "\ncommand: " + command + "\n";
    }

    @Test
    void anOverdueRoundGoesOnceAfterARestartAndTheSameCodeStillAcknowledgesByMail() {
        String code = alarmInRoundOne();
        assertThat(stored()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo(code);
            assertThat(s.state()).isEqualTo("ALARM_UNACKED");
            assertThat(s.round()).isEqualTo(1);
            assertThat(s.nextRound()).isEqualTo(ROUND_1.plus(Duration.ofMinutes(1)));
        });

        // Down from 15:04:08 to 15:09:00: round 2 (due 15:05:08) goes at once, round 1 not again.
        unit.restart(config(91), Instant.parse("2026-11-29T15:09:00Z"));
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(unit.code(ROOM)).isEqualTo(code);
        unit.awaitMails("alice@example.com", 2);
        unit.awaitMails("bob@example.com", 2);
        assertThat(stored()).singleElement().satisfies(s -> {
            assertThat(s.round()).isEqualTo(2);
            assertThat(s.nextRound()).isEqualTo(Instant.parse("2026-11-29T15:10:00Z"));
        });

        // Round 3 a delay later: the sentinel that every mail made before it has arrived.
        unit.advance(Duration.ofMinutes(1));
        unit.awaitMails("alice@example.com", 3);
        unit.awaitMails("bob@example.com", 3);
        assertThat(roundsTo("alice@example.com")).containsExactly(1, 2, 3);
        assertThat(roundsTo("bob@example.com")).containsExactly(1, 2, 3);
        assertThat(unit.mailsTo("pager@example.com")).hasSize(1);
        assertThat(MailedUnit.codeIn(unit.mailsTo("alice@example.com").get(2))).isEqualTo(code);
        assertThat(eventsStartingWith("Alarm: Room Temp")).isEqualTo(1);

        unit.sendToUnit("alice@example.com", "ims4000", command("alice", "alice@example.com", "4829", "ack " + code));
        MimeMessage reply = unit.awaitMailsPolling("alice@example.com", 4).get(3);
        assertThat(MailedUnit.body(reply)).contains("== ack " + code + " ==\nAcknowledged: Server Room - Room Temp - High");
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.ALARM_ACKED);
        assertThat(stored()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("ALARM_ACKED");
            assertThat(s.acknowledgedBy()).isEqualTo("alice");
            assertThat(s.nextRound()).isNull();
        });
    }

    @Test
    void anAcknowledgedAlarmStillOutOfRangeStaysAcknowledgedAndItsReturnToNormalGoesToTheAcknowledger() {
        alarmInRoundOne();
        AcknowledgeOutcome ack = unit.fixture().onLoop(() -> unit.unit().alarms()
                .acknowledgeInput(InputAddress.parse(ROOM), "alice", Via.API));
        assertThat(ack).isInstanceOf(AcknowledgeOutcome.Acknowledged.class);

        unit.restart(config(92), Instant.parse("2026-11-29T15:20:00Z"));
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.ALARM_ACKED);
        assertThat(unit.unit().onLoop(() -> unit.unit().alarms().occurrence(InputAddress.parse(ROOM))
                .orElseThrow().acknowledgment().orElseThrow().username()).join()).contains("alice");

        unit.value(ROOM, 72);
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.NORMAL);
        MimeMessage normal = unit.awaitMails("alice@example.com", 2).get(1);
        assertThat(MailedUnit.subject(normal)).isEqualTo(NORMAL);
        assertThat(MailedUnit.subject(unit.awaitMails("pager@example.com", 2).get(1))).isEqualTo(NORMAL);
        assertThat(stored()).isEmpty();

        // A leak alarm is the sentinel: bob, not the acknowledger, got no return-to-normal mail
        // and no round of the acknowledged alarm.
        unit.level("host/6", true);
        unit.advance(Duration.ofSeconds(3));
        unit.awaitMails("bob@example.com", 2);
        assertThat(unit.subjectsTo("bob@example.com"))
                .containsExactly(ALARM, "IMS-4000 ALARM: Server Room - Floor Leak - Wet");
        assertThat(unit.subjectsTo("alice@example.com")).containsExactly(ALARM, NORMAL,
                "IMS-4000 ALARM: Server Room - Floor Leak - Wet");
    }

    @Test
    void anInputBackInRangeWhileTheUnitWasDownReturnsToNormalOnResumeAndItsRoundsGoOn() {
        String code = alarmInRoundOne();

        // Back at 15:04:38, 30 s before round 2 is due; the room cooled meanwhile.
        unit.restart(config(72), Instant.parse("2026-11-29T15:04:38Z"));
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.RTN_UNACKED);
        assertThat(unit.eventTexts()).contains("Return to normal: Room Temp");
        assertThat(MailedUnit.subject(unit.awaitMails("pager@example.com", 2).get(1))).isEqualTo(NORMAL);
        assertThat(stored()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("RTN_UNACKED"));

        unit.advance(Duration.ofSeconds(29));
        unit.advance(Duration.ofSeconds(1));
        MimeMessage second = unit.awaitMails("alice@example.com", 2).get(1);
        assertThat(roundOf(second)).isEqualTo(2);
        assertThat(MailedUnit.body(second)).contains("Returned to normal: yes");
        assertThat(eventsStartingWith("Alarm: Room Temp")).isEqualTo(1);

        AcknowledgeOutcome ack = unit.fixture().onLoop(() -> unit.unit().alarms().acknowledge(code, "bob", Via.API));
        assertThat(ack).isInstanceOf(AcknowledgeOutcome.Acknowledged.class);
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.NORMAL);
        assertThat(stored()).isEmpty();
        assertThat(unit.fixture().onLoop(() -> unit.unit().alarms().acknowledge(code, "bob", Via.API)))
                .isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);
    }

    @Test
    void theUnitsOwnAcknowledgmentStillComesWhenItFellDueWhileTheUnitWasDown() {
        alarmInRoundOne();
        unit.advance(Duration.ofMinutes(2));
        unit.awaitMails("alice@example.com", 3);

        // Self-acknowledgment was due at 15:07:08.
        unit.restart(config(93), Instant.parse("2026-11-29T15:30:00Z"));
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.ALARM_ACKED);
        assertThat(unit.eventTexts()).contains("Acknowledged by the unit: calling rounds used up");
        assertThat(stored()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("ALARM_ACKED");
            assertThat(s.round()).isEqualTo(3);
            assertThat(s.nextRound()).isNull();
        });
        unit.level("host/6", true);
        unit.advance(Duration.ofSeconds(3));
        unit.awaitMails("alice@example.com", 4);
        assertThat(roundsTo("alice@example.com")).containsExactly(1, 2, 3);
        assertThat(unit.subjectsTo("alice@example.com")).containsExactly(ALARM, ALARM, ALARM,
                "IMS-4000 ALARM: Server Room - Floor Leak - Wet");
    }

    @Test
    void anOccurrenceOfAnInputNoLongerConfiguredIsClosedAtStart() {
        String code = alarmInRoundOne();

        unit.restart(WITHOUT_ROOM, Instant.parse("2026-11-29T15:09:00Z"));
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.NOT_IN_USE);
        assertThat(stored()).isEmpty();
        assertThat(unit.fixture().onLoop(() -> unit.unit().alarms().acknowledge(code, "alice", Via.API)))
                .isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);
        // Nothing more of it was sent: the leak's round 1 is alice's next mail.
        unit.level("host/6", true);
        unit.advance(Duration.ofSeconds(3));
        unit.awaitMails("alice@example.com", 2);
        assertThat(unit.subjectsTo("alice@example.com"))
                .containsExactly(ALARM, "IMS-4000 ALARM: Server Room - Floor Leak - Wet");
    }

    @Test
    void anAcknowledgedAlarmWhoseResetTimeEndedWhileTheUnitWasDownIsReArmedAtStart() {
        String code = alarmInRoundOne();
        unit.fixture().onLoop(() -> unit.unit().alarms().acknowledgeInput(InputAddress.parse(ROOM), "alice", Via.API));
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.ALARM_ACKED);

        // Acknowledged at 15:04:08 with a 1 h reset time; back at 16:10, still too warm.
        unit.restart(config(92), Instant.parse("2026-11-29T16:10:00Z"));

        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.ALARM_UNACKED);
        assertThat(unit.eventTexts()).contains("Alarm re-armed: Room Temp");
        String rearmed = unit.code(ROOM);
        assertThat(rearmed).isNotEqualTo(code);
        assertThat(roundOf(unit.awaitMails("alice@example.com", 2).get(1))).isEqualTo(1);
        assertThat(MailedUnit.codeIn(unit.mailsTo("alice@example.com").get(1))).isEqualTo(rearmed);
        assertThat(stored()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo(rearmed);
            assertThat(s.state()).isEqualTo("ALARM_UNACKED");
        });
    }

    @Test
    void anInputDisabledWhileTheUnitWasDownHasItsOccurrenceClosedAtStart() {
        String code = alarmInRoundOne();

        unit.restart(config(92).replace("reset-time: 1h,", "reset-time: 1h, enabled: false,"),
                Instant.parse("2026-11-29T15:09:00Z"));

        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.NORMAL);
        assertThat(unit.eventTexts()).contains("Alarm closed: Room Temp, input disabled");
        assertThat(stored()).isEmpty();
        assertThat(unit.fixture().onLoop(() -> unit.unit().alarms().acknowledge(code, "alice", Via.API)))
                .isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);
        unit.level("host/6", true);
        unit.advance(Duration.ofSeconds(3));
        unit.awaitMails("alice@example.com", 2);
        assertThat(unit.subjectsTo("alice@example.com"))
                .containsExactly(ALARM, "IMS-4000 ALARM: Server Room - Floor Leak - Wet");
    }

    @Test
    void aSensorTroubleResumedAfterARestartReturnsToNormalWhenTheSensorIsThere() {
        unit = new MailedUnit(config(72), storage);
        unit.unplug(ROOM);
        unit.advance(Duration.ofSeconds(60));
        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.TROUBLE);
        assertThat(unit.eventTexts()).contains("Sensor trouble: Room Temp");
        String code = unit.code(ROOM);
        assertThat(stored()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("TROUBLE"));

        // The restarted unit's mock sensor is plugged in and reads 72: the trouble is over.
        unit.restart(config(72), Instant.parse("2026-11-29T15:09:00Z"));

        assertThat(unit.state(ROOM)).isEqualTo(AlarmState.NORMAL);
        assertThat(unit.eventTexts()).contains("Return to normal: Room Temp");
        assertThat(stored()).isEmpty();
        assertThat(unit.fixture().onLoop(() -> unit.unit().alarms().acknowledge(code, "alice", Via.API)))
                .isInstanceOf(AcknowledgeOutcome.NoLongerValid.class);
    }
}
