package org.imssim.firmware.outlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.imssim.devices.powergate.MockPowerGate;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletCommand;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.command.CommandRegistry;
import org.imssim.firmware.command.MailCommandHandler;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.mail.inbound.CommandMailReader;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.store.OutletAddress;
import org.imssim.firmware.store.Store;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutletControl}: the commanded state is stored before the relay moves — a store that cannot
 * write switches nothing for a profile and everything for an alarm response — alarm responses follow
 * the rules of the {@code outlet} command, and a unit restarted on its store restores its outlets as
 * {@code power-up} says and switches nothing else.
 */
class OutletControlTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            inputs:
              - {channel: 6, type: water, name: Floor Leak, backend: mock,
                 alarm-responses: [{powergate: 1, outlet: 3, action: cycle}, {powergate: 1, outlet: 4, action: off}]}
            powergates:
              - {number: 1, name: Rack A, outlets: 4, outlet-names: [Router, Switch, NAS, Camera], cycle-time: 5s,
                 outlet-settings: [{outlet: 1, power-up: "on"}, {outlet: 2, power-up: "off"}], backend: mock}
            profiles:
              - {username: alice, password: wonderland, level: master, contacts: [{email: alice@example.com}]}
            """;

    @TempDir
    Path storage;

    private UnitFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private MockPowerGate rackA() {
        return fixture.onLoop(() -> (MockPowerGate) fixture.unit().hardware().powergates().get(1));
    }

    private List<OutletCommand> commands() {
        MockPowerGate gate = rackA();
        return fixture.onLoop(gate::recordedCommands);
    }

    private void forgetCommands() {
        MockPowerGate gate = rackA();
        fixture.onLoop(() -> {
            gate.clearRecordedCommands();
            return null;
        });
    }

    private List<OutletState> states() {
        MockPowerGate gate = rackA();
        return fixture.onLoop(() -> gate.outlets().stream().map(o -> o.state()).toList());
    }

    private OutletOutcome request(OutletRequest request) {
        return fixture.await(() -> fixture.unit().outlets().request(request));
    }

    private OutletRequester alice() {
        return fixture.onLoop(() -> OutletRequester.profile(
                new Permissions(fixture.unit().profiles().find("alice").orElseThrow()), OutletRequester.Via.WEB));
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute(statement);
        }
    }

    /** From now on every write of an outlet's state fails, as on a full disk. */
    private void breakOutletStates() throws Exception {
        sql("CREATE TRIGGER outlet_state_no_insert BEFORE INSERT ON outlet_state BEGIN SELECT RAISE(ABORT, 'disk I/O'); END");
        sql("CREATE TRIGGER outlet_state_no_update BEFORE UPDATE ON outlet_state BEGIN SELECT RAISE(ABORT, 'disk I/O'); END");
    }

    private void fixOutletStates() throws Exception {
        sql("DROP TRIGGER outlet_state_no_insert");
        sql("DROP TRIGGER outlet_state_no_update");
    }

    private CommandMail mail(String... commands) {
        StringBuilder raw = new StringBuilder("From: alice@example.com\r\nTo: ims@example.com\r\nDate: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(fixture.clock().now().atZone(ZoneOffset.UTC))
                + "\r\nMessage-ID: <" + System.nanoTime() + "@example.org>\r\nSubject: ims4000\r\n\r\n"
                + "username: alice\r\nemail: alice@example.com\r\npassword: wonderland\r\n");
        for (String c : commands) {
            raw.append("command: ").append(c).append("\r\n");
        }
        return CommandMailReader.read(raw.toString().getBytes(StandardCharsets.UTF_8), Set.of("ims@example.com"));
    }

    @Test
    void whenTheStateCannotBeStoredAMailCommandSwitchesNothingAndSaysSo() throws Exception {
        fixture = UnitFixture.startOn(storage, CONFIG);
        MailCommandHandler handler = new MailCommandHandler(fixture.unit(), CommandRegistry.standard());
        forgetCommands();
        breakOutletStates();

        String body = fixture.await(() -> handler.handle(mail("outlet 1 3 off", "outlet 1 all cycle"))).orElseThrow().body();

        assertThat(body.substring(body.indexOf('\n') + 1)).isEqualTo("""
                == outlet 1 3 off ==
                The outlet's new state could not be stored, so nothing was switched; try again later.
                == outlet 1 all cycle ==
                The outlet's new state could not be stored, so nothing was switched; try again later.
                """);
        assertThat(commands()).isEmpty();
        assertThat(states()).containsExactly(OutletState.ON, OutletState.OFF, OutletState.ON, OutletState.ON);
        assertThat(fixture.eventTexts()).noneMatch(e -> e.contains("switched"));

        fixOutletStates();
        assertThat(request(OutletRequest.one(1, 3, OutletAction.OFF, alice())).text()).isEqualTo("Outlet 1/3 NAS: OFF");
        assertThat(fixture.store().call(s -> s.outletStates().load()).join().get(new OutletAddress(1, 3)).state())
                .isEqualTo("OFF");
        assertThat(fixture.eventTexts()).contains("Outlet 1/3 NAS switched OFF by alice via web");
    }

    @Test
    void whenTheStateCannotBeStoredAnAlarmResponseSwitchesAllTheSame() throws Exception {
        fixture = UnitFixture.startOn(storage, CONFIG);
        forgetCommands();
        breakOutletStates();

        OutletOutcome outcome = request(OutletRequest.one(1, 4, OutletAction.OFF,
                OutletRequester.alarm(InputAddress.parse("host/6"))));

        assertThat(outcome.text()).isEqualTo("Outlet 1/4 Camera: OFF");
        assertThat(commands()).containsExactly(new OutletCommand(4, OutletAction.OFF, "host/6"));
        assertThat(fixture.eventTexts()).contains("Outlet 1/4 Camera switched OFF by host/6 via alarm");
    }

    @Test
    void anAlarmResponseFollowsTheRulesOfTheOutletCommand() {
        fixture = UnitFixture.startOn(storage, CONFIG);
        request(OutletRequest.one(1, 3, OutletAction.OFF, alice()));
        forgetCommands();

        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse("host/6")).orElseThrow())
                    .mockLevel(true);
            return null;
        });
        fixture.clock().advance(Duration.ofSeconds(3));
        // Requests run in order: one more behind the responses is answered after them.
        request(OutletRequest.one(1, 1, OutletAction.ON, alice()));

        // Outlet 3 was switched off by someone: the alarm's cycle does not power it.
        assertThat(commands()).containsExactly(new OutletCommand(4, OutletAction.OFF, "host/6"),
                new OutletCommand(1, OutletAction.ON, "alice"));
        assertThat(states()).containsExactly(OutletState.ON, OutletState.OFF, OutletState.OFF, OutletState.OFF);
        assertThat(fixture.eventTexts()).contains("Outlet 1/4 Camera switched OFF by host/6 via alarm")
                .noneMatch(e -> e.startsWith("Outlet 1/3 NAS switched CYCLE"));
    }

    @Test
    void aRequestChecksPermissionsRangeAndLinkBeforeAnythingIsStored() {
        fixture = UnitFixture.startOn(storage, CONFIG);
        forgetCommands();
        OutletRequester alice = alice();
        assertThat(request(OutletRequest.one(2, 1, OutletAction.ON, alice)))
                .isEqualTo(OutletOutcome.Refused.noSuchPowerGate(2));
        assertThat(request(OutletRequest.one(1, 5, OutletAction.ON, alice)))
                .isEqualTo(OutletOutcome.Refused.noSuchOutlet(1, 4));
        MockPowerGate gate = rackA();
        fixture.onLoop(() -> {
            gate.setSilent(true);
            return null;
        });
        assertThat(request(OutletRequest.all(1, OutletAction.OFF, alice)))
                .isEqualTo(OutletOutcome.Refused.notAnswering(1));
        assertThat(commands()).isEmpty();
        assertThat(fixture.store().call(s -> s.outletStates().load()).join().values())
                .extracting(c -> c.state()).containsExactly("ON", "OFF", "ON", "ON");
    }

    @Test
    void aRestartOnTheSameStoreRestoresEveryOutletAsPowerUpSaysAndSwitchesNothingElse() {
        fixture = UnitFixture.startOn(storage, CONFIG);
        OutletRequester alice = alice();
        request(OutletRequest.one(1, 1, OutletAction.OFF, alice));
        request(OutletRequest.one(1, 2, OutletAction.ON, alice));
        request(OutletRequest.one(1, 3, OutletAction.OFF, alice));
        request(OutletRequest.one(1, 4, OutletAction.CYCLE, alice));
        assertThat(states()).containsExactly(OutletState.OFF, OutletState.ON, OutletState.OFF, OutletState.CYCLING);
        fixture.close();

        fixture = UnitFixture.startOn(storage, CONFIG, UnitFixture.START.plus(Duration.ofMinutes(1)));

        // power-up: on, off, last (OFF), last (a cycle under way means ON).
        List<OutletCommand> powerUp = List.of(new OutletCommand(1, OutletAction.ON, "power-up"),
                new OutletCommand(2, OutletAction.OFF, "power-up"), new OutletCommand(3, OutletAction.OFF, "power-up"),
                new OutletCommand(4, OutletAction.ON, "power-up"));
        assertThat(commands()).isEqualTo(powerUp);
        assertThat(states()).containsExactly(OutletState.ON, OutletState.OFF, OutletState.OFF, OutletState.ON);
        fixture.clock().advance(Duration.ofHours(1));
        assertThat(commands()).as("no cycle timer or anything else switches later").isEqualTo(powerUp);
        assertThat(fixture.store().call(s -> s.outletStates().load()).join().values())
                .extracting(c -> c.state()).containsExactly("ON", "OFF", "OFF", "ON");
    }
}
