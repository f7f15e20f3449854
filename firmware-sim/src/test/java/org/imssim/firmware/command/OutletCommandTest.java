package org.imssim.firmware.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import org.imssim.devices.powergate.MockPowerGate;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletCommand;
import org.imssim.devices.powergate.OutletState;
import org.imssim.firmware.store.CommandedState;
import org.imssim.firmware.store.OutletAddress;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code outlet <powergate> <outlet|all> on|off|cycle} and {@code outlets} (SPEC §7) through the
 * command handler, on a virtual clock: each reply's text, the rules of cycling, permissions by unit,
 * a PowerGate that does not answer, and what is stored and recorded.
 */
class OutletCommandTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            nodes:
              - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
            powergates:
              - {number: 1, name: Rack A, outlets: 4, outlet-names: [Router, Switch, NAS, Camera], cycle-time: 5s,
                 outlet-settings: [{outlet: 1, cycle-time: 10s}], backend: mock}
              - {number: 2, name: Rack B, unit: node-2, outlets: 2, backend: mock}
              - {number: 3, name: Shelf, outlets: 2, backend: serial, serial: {port: /dev/imssim-no-such-port}}
            profiles:
              - {username: alice, password: wonderland, mail-pin: "4829", level: master,
                 contacts: [{email: alice@example.com}]}
              - {username: bob, password: builder, level: user, units: [host], contacts: [{email: bob@example.com}]}
              - {username: carol, password: carolpw, level: site-admin, units: [node-2],
                 contacts: [{email: carol@example.com}]}
            """;

    static final String SYNTAX = "Syntax: outlet <powergate> <outlet|all> on|off|cycle";

    private final UnitFixture fixture = UnitFixture.start(CONFIG);
    private final MailCommandHandler handler = new MailCommandHandler(fixture.unit(), CommandRegistry.standard());
    private MockPowerGate rackA;

    @BeforeEach
    void forgetPowerUp() {
        rackA = fixture.onLoop(() -> (MockPowerGate) fixture.unit().hardware().powergates().get(1));
        fixture.onLoop(() -> {
            rackA.clearRecordedCommands();
            return null;
        });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** What {@code user} gets under the header for {@code commands}, with the right password, sent now. */
    private String send(String user, String password, String... commands) {
        Instant now = fixture.clock().now();
        String body = fixture.await(() -> handler.handle(
                CommandMails.mail(now, user, user + "@example.com", password, commands))).orElseThrow().body();
        return CommandMails.answer(body);
    }

    private String alice(String... commands) {
        return send("alice", "4829", commands);
    }

    private OutletState state(int m) {
        return fixture.onLoop(() -> rackA.outlet(m).state());
    }

    private List<OutletCommand> commands() {
        return fixture.onLoop(rackA::recordedCommands);
    }

    private SortedMap<OutletAddress, CommandedState> stored() {
        return fixture.store().call(s -> s.outletStates().load()).join();
    }

    @Test
    void offAndOnAnswerTheNewStateStoreItAndRecordWhoSwitched() {
        assertThat(alice("outlet 1 2 off")).isEqualTo("== outlet 1 2 off ==\nOutlet 1/2 Switch: OFF\n");
        assertThat(state(2)).isEqualTo(OutletState.OFF);
        assertThat(stored().get(new OutletAddress(1, 2)).state()).isEqualTo("OFF");

        assertThat(alice("outlet 1 2 ON")).isEqualTo("== outlet 1 2 ON ==\nOutlet 1/2 Switch: ON\n");
        assertThat(state(2)).isEqualTo(OutletState.ON);
        assertThat(stored().get(new OutletAddress(1, 2)).state()).isEqualTo("ON");
        assertThat(commands()).containsExactly(new OutletCommand(2, OutletAction.OFF, "alice"),
                new OutletCommand(2, OutletAction.ON, "alice"));
        assertThat(fixture.eventTexts()).contains("Outlet 1/2 Switch switched OFF by alice via e-mail",
                "Outlet 1/2 Switch switched ON by alice via e-mail", "Command from alice: outlet 1 2 off (done)");
    }

    @Test
    void aCycleLastsTheOutletsCycleTimeOnTheUnitsClock() {
        assertThat(alice("outlet 1 2 cycle", "outlet 1 1 cycle")).isEqualTo("""
                == outlet 1 2 cycle ==
                Outlet 1/2 Switch: CYCLING
                == outlet 1 1 cycle ==
                Outlet 1/1 Router: CYCLING
                """);
        assertThat(stored().get(new OutletAddress(1, 2)).state()).isEqualTo("CYCLING");
        assertThat(fixture.eventTexts()).contains("Outlet 1/2 Switch switched CYCLE by alice via e-mail");

        fixture.clock().advance(Duration.ofMillis(4999));
        assertThat(state(2)).isEqualTo(OutletState.CYCLING);
        fixture.clock().advance(Duration.ofMillis(1));
        assertThat(state(2)).isEqualTo(OutletState.ON);
        // Outlet 1 has a cycle time of its own.
        assertThat(state(1)).isEqualTo(OutletState.CYCLING);
        fixture.clock().advance(Duration.ofSeconds(5));
        assertThat(state(1)).isEqualTo(OutletState.ON);
    }

    @Test
    void aCycleOfAnOutletThatIsOffIsRefusedAndOneAlreadyCyclingIsLeftAlone() {
        alice("outlet 1 3 off", "outlet 1 2 cycle");
        fixture.onLoop(() -> {
            rackA.clearRecordedCommands();
            return null;
        });

        assertThat(alice("outlet 1 3 cycle", "outlet 1 2 cycle")).isEqualTo("""
                == outlet 1 3 cycle ==
                Outlet 3 is off; send on.
                == outlet 1 2 cycle ==
                Outlet 1/2 Switch is already cycling.
                """);
        assertThat(commands()).isEmpty();
        assertThat(state(3)).isEqualTo(OutletState.OFF);
        // The second cycle did not start a timer of its own: the first one ends it on time.
        fixture.clock().advance(Duration.ofSeconds(5));
        assertThat(state(2)).isEqualTo(OutletState.ON);
    }

    @Test
    void onOrOffDuringACycleEndsItAndItsTimerNeverSwitchesTheOutletBackOn() {
        alice("outlet 1 2 cycle");
        fixture.clock().advance(Duration.ofSeconds(2));
        assertThat(alice("outlet 1 2 off")).isEqualTo("== outlet 1 2 off ==\nOutlet 1/2 Switch: OFF\n");
        fixture.clock().advance(Duration.ofSeconds(10));
        assertThat(state(2)).isEqualTo(OutletState.OFF);

        // ON during a cycle, then a new cycle: the first cycle's time must not end the second early.
        alice("outlet 1 2 on", "outlet 1 2 cycle");
        fixture.clock().advance(Duration.ofSeconds(2));
        alice("outlet 1 2 on");
        fixture.clock().advance(Duration.ofSeconds(1));
        alice("outlet 1 2 cycle");
        fixture.clock().advance(Duration.ofSeconds(4));
        assertThat(state(2)).as("5 s after the first cycle began, 4 s into the second").isEqualTo(OutletState.CYCLING);
        fixture.clock().advance(Duration.ofSeconds(1));
        assertThat(state(2)).isEqualTo(OutletState.ON);
    }

    @Test
    void allSwitchesEveryOutletAndAnswersOneLineEach() {
        alice("outlet 1 3 off", "outlet 1 2 cycle");

        assertThat(alice("outlet 1 all cycle")).isEqualTo("""
                == outlet 1 all cycle ==
                Outlet 1/1 Router: CYCLING
                Outlet 1/2 Switch is already cycling.
                Outlet 3 is off; send on.
                Outlet 1/4 Camera: CYCLING
                """);
        assertThat(alice("outlet 1 ALL off")).isEqualTo("""
                == outlet 1 ALL off ==
                Outlet 1/1 Router: OFF
                Outlet 1/2 Switch: OFF
                Outlet 1/3 NAS: OFF
                Outlet 1/4 Camera: OFF
                """);
        fixture.clock().advance(Duration.ofSeconds(30));
        assertThat(fixture.onLoop(() -> rackA.outlets().stream().map(o -> o.state()).toList()))
                .containsOnly(OutletState.OFF);
        assertThat(stored().values()).extracting(CommandedState::state).containsExactly("OFF", "OFF", "OFF", "OFF",
                "ON", "ON");
    }

    @Test
    void anUnknownPowerGateAndOneOnAUnitTheUserMayNotSeeGetTheSameSentence() {
        assertThat(alice("outlet 9 1 on")).isEqualTo("== outlet 9 1 on ==\nThere is no PowerGate 9 you may use.\n");
        assertThat(send("bob", "builder", "outlet 2 1 off", "outlet 0 1 off", "outlet 99999999 1 off"))
                .isEqualTo("""
                        == outlet 2 1 off ==
                        There is no PowerGate 2 you may use.
                        == outlet 0 1 off ==
                        There is no PowerGate 0 you may use.
                        == outlet 99999999 1 off ==
                        There is no PowerGate 99999999 you may use.
                        """);
        // Any level may switch the PowerGates of the units it sees.
        assertThat(send("carol", "carolpw", "outlet 2 1 off")).isEqualTo("== outlet 2 1 off ==\nOutlet 2/1 Outlet 1: OFF\n");
        assertThat(send("bob", "builder", "outlet 1 4 off")).isEqualTo("== outlet 1 4 off ==\nOutlet 1/4 Camera: OFF\n");
        assertThat(fixture.eventTexts()).contains("Outlet 2/1 Outlet 1 switched OFF by carol via e-mail",
                "Command from bob: outlet 2 1 off (done)");
    }

    @Test
    void anOutletOutOfRangeGetsTheRangeAndBadWordsGetTheSyntax() {
        assertThat(alice("outlet 1 5 on", "outlet 1 0 on")).isEqualTo("""
                == outlet 1 5 on ==
                PowerGate 1 has outlets 1 to 4.
                == outlet 1 0 on ==
                PowerGate 1 has outlets 1 to 4.
                """);
        for (String line : List.of("outlet", "outlet 1 2", "outlet 1 2 on now", "outlet x 2 on", "outlet 1 two on",
                "outlet 1 2 toggle", "outlet -1 2 on", "outlet 1 2.5 on")) {
            assertThat(alice(line)).as(line).isEqualTo("== " + line + " ==\n" + SYNTAX + "\n");
        }
        assertThat(commands()).isEmpty();
        assertThat(fixture.eventTexts()).contains("Command from alice: outlet 1 2 toggle (bad arguments)");
    }

    @Test
    void aPowerGateThatIsNotAnsweringSwitchesNothingAndShowsUnknown() {
        fixture.onLoop(() -> {
            rackA.setSilent(true);
            return null;
        });

        assertThat(alice("outlet 1 2 off", "outlet 3 1 off", "outlet 1 all on")).isEqualTo("""
                == outlet 1 2 off ==
                PowerGate 1 is not answering; nothing was switched.
                == outlet 3 1 off ==
                PowerGate 3 is not answering; nothing was switched.
                == outlet 1 all on ==
                PowerGate 1 is not answering; nothing was switched.
                """);
        assertThat(send("bob", "builder", "outlets")).isEqualTo("""
                == outlets ==
                Outlet 1/1 Router: UNKNOWN
                Outlet 1/2 Switch: UNKNOWN
                Outlet 1/3 NAS: UNKNOWN
                Outlet 1/4 Camera: UNKNOWN
                Outlet 3/1 Outlet 1: UNKNOWN
                Outlet 3/2 Outlet 2: UNKNOWN
                """);
        fixture.onLoop(() -> {
            rackA.setSilent(false);
            return null;
        });
        assertThat(state(2)).isEqualTo(OutletState.ON);
        assertThat(commands()).isEmpty();
        assertThat(stored().get(new OutletAddress(1, 2)).state()).as("as stored at power-up").isEqualTo("ON");
    }

    @Test
    void outletsListsWhatTheUserMaySwitchAndNeedsNoPassword() {
        alice("outlet 1 2 cycle", "outlet 1 3 off");

        assertThat(send("carol", null, "outlets")).isEqualTo("""
                == outlets ==
                Outlet 2/1 Outlet 1: ON
                Outlet 2/2 Outlet 2: ON
                """);
        assertThat(send("alice", null, "outlets")).isEqualTo("""
                == outlets ==
                Outlet 1/1 Router: ON
                Outlet 1/2 Switch: CYCLING
                Outlet 1/3 NAS: OFF
                Outlet 1/4 Camera: ON
                Outlet 2/1 Outlet 1: ON
                Outlet 2/2 Outlet 2: ON
                Outlet 3/1 Outlet 1: UNKNOWN
                Outlet 3/2 Outlet 2: UNKNOWN
                """);
        assertThat(send("alice", null, "outlets now")).isEqualTo("== outlets now ==\nSyntax: outlets\n");
    }

    @Test
    void outletNeedsTheRightPasswordAndSwitchesNothingWithout() {
        assertThat(send("alice", null, "outlet 1 2 off")).isEqualTo(
                "== outlet 1 2 off ==\nThis command needs a password: add a line \"password: \u2026\".\n");
        assertThat(send("alice", "wonderland", "outlet 1 2 off")).as("the mail PIN, not the password")
                .isEqualTo("== outlet 1 2 off ==\nThe password is not right.\n");
        assertThat(commands()).isEmpty();
        assertThat(state(2)).isEqualTo(OutletState.ON);
        assertThat(fixture.eventTexts()).contains("Command from alice: outlet 1 2 off (no password)",
                "Command from alice: outlet 1 2 off (wrong password)").noneMatch(e -> e.contains("wonderland"));
    }

    @Test
    void helpListsBothCommandsAndWhichNeedsAPassword() {
        assertThat(send("bob", null, "help"))
                .contains("  outlet <powergate> <outlet|all> on|off|cycle - switches an outlet, or all outlets of a "
                        + "PowerGate; needs \"password:\"\n")
                .contains("  outlets - every outlet you may switch, with its state\n");
    }
}
