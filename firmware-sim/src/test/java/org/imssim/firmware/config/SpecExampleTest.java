package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.PowerUpPolicy;
import org.imssim.devices.powergate.ShutdownPolicy;
import org.imssim.devices.sensor.SensorType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example configuration of SPEC §12, copied verbatim, loads with no error and means what it says. */
class SpecExampleTest {

    private static Path file;
    private static ConfigResult result;
    private static ImsConfig config;

    @BeforeAll
    static void load() throws URISyntaxException {
        file = Path.of(SpecExampleTest.class.getResource("/config/spec-example.yaml").toURI());
        Map<String, String> env = Map.of("IMS_MAILBOX_PASSWORD", "mailbox-secret", "ALICE_PASSWORD", "alice-secret");
        result = ConfigLoader.load(file, env::get);
        config = result.config();
    }

    @Test
    void loadsWithoutErrorsOrWarnings() {
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(config.sourceFile()).isEqualTo(file);
    }

    @Test
    void unitClassesAndHolidays() {
        assertThat(config.unit()).isEqualTo(new UnitSettings("Server Room", TemperatureUnit.F, ZoneId.of("UTC")));
        assertThat(config.classes()).containsExactly("Server");
        assertThat(config.allClasses()).hasSize(12).endsWith("Server");
        assertThat(config.holidays()).containsExactly(LocalDate.of(2026, 12, 25));
    }

    @Test
    void email() {
        EmailConfig email = config.email();
        assertThat(email.smtp()).isEqualTo(new SmtpConfig("127.0.0.1", 25, Security.NONE, null, null, Trust.SYSTEM));
        assertThat(email.returnAddress()).isEqualTo("ims@example.com");
        assertThat(email.twoWay()).isEqualTo(new TwoWayConfig(true, "ims@example.com", MailProtocol.POP3,
                "127.0.0.1", 110, Security.NONE, "ims", "mailbox-secret", Duration.ofSeconds(60), true,
                Duration.ofHours(1)));
    }

    @Test
    void services() {
        assertThat(config.storage().dir()).isEqualTo(file.getParent().resolve("imssim-data"));
        assertThat(config.web()).isEqualTo(new WebConfig("127.0.0.1", 8080, List.of()));
        assertThat(config.snmp()).isEqualTo(new SnmpConfig(false, "127.0.0.1", 161, "public", List.of()));
        assertThat(config.network()).isEqualTo(new NetworkConfig(ProbeMode.SYSTEM, Map.of()));
        assertThat(config.delivery()).isEqualTo(new DeliveryConfig(Duration.ofMinutes(1), 3));
        assertThat(config.datalog()).isEqualTo(new DatalogConfig(Duration.ofMinutes(5), Duration.ofDays(30)));
        assertThat(config.events()).isEqualTo(new EventsConfig(Duration.ofDays(90)));
    }

    @Test
    void roomTemperatureInput() {
        InputConfig room = config.inputs().get(0);
        assertThat(room.channel()).isEqualTo(1);
        assertThat(room.type()).isEqualTo(SensorType.TEMPERATURE);
        assertThat(room.name()).isEqualTo("Room Temp");
        assertThat(room.low()).isEqualTo(50.0);
        assertThat(room.high()).isEqualTo(85.0);
        assertThat(room.recognitionTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(room.resetTime()).isZero();
        assertThat(room.alarmClass()).isEqualTo("Temperature");
        assertThat(room.enabled()).isTrue();
        assertThat(room.calibration()).isZero();
        assertThat(room.returnToNormal()).isTrue();
        assertThat(room.datalog()).isTrue();
        assertThat(room.schedule().days()).containsOnly(
                Map.entry(DayOfWeek.MONDAY, new ActiveHours(8 * 60, 17 * 60)),
                Map.entry(DayOfWeek.TUESDAY, new ActiveHours(8 * 60, 17 * 60)),
                Map.entry(DayOfWeek.WEDNESDAY, new ActiveHours(8 * 60, 17 * 60)),
                Map.entry(DayOfWeek.THURSDAY, new ActiveHours(8 * 60, 17 * 60)),
                Map.entry(DayOfWeek.FRIDAY, new ActiveHours(8 * 60, 17 * 60)),
                Map.entry(DayOfWeek.SATURDAY, ActiveHours.NONE),
                Map.entry(DayOfWeek.SUNDAY, ActiveHours.NONE));
        assertThat(room.schedule().holidays()).isEqualTo(ActiveHours.NONE);
        assertThat(room.alarmResponses()).containsExactly(new AlarmResponseConfig(1, 2, OutletAction.CYCLE));
        assertThat(room.backend()).isEqualTo(InputBackend.MOCK);
        assertThat(room.initial()).isEqualTo("72");
        assertThat(room.gpio()).isNull();
        assertThat(room.onewire()).isNull();
    }

    @Test
    void hardwareInputs() {
        InputConfig door = config.inputs().get(1);
        assertThat(door.type()).isEqualTo(SensorType.DRY_CONTACT);
        assertThat(door.normal()).isEqualTo(ContactNormal.CLOSED);
        assertThat(door.backend()).isEqualTo(InputBackend.GPIO);
        assertThat(door.gpio()).isEqualTo(new GpioInputConfig(17, Pull.UP, ActiveLevel.LOW, Duration.ofMillis(50)));
        assertThat(door.initial()).isNull();

        InputConfig rackTop = config.inputs().get(2);
        assertThat(rackTop.backend()).isEqualTo(InputBackend.ONEWIRE);
        assertThat(rackTop.onewire()).isEqualTo(new OneWireConfig("28-0123456789ab", Path.of("/sys/bus/w1/devices")));
        assertThat(rackTop.low()).as("type default, applied by the devices layer").isNull();

        InputConfig ups = config.inputs().get(3);
        assertThat(ups.type()).isEqualTo(SensorType.CURRENT);
        assertThat(ups.range()).isEqualTo(20);
        assertThat(ups.high()).isEqualTo(16.0);
        assertThat(ups.low()).isNull();
    }

    @Test
    void acPowerOverrideGetsItsFixedType() {
        InputConfig ac = config.inputs().get(4);
        assertThat(ac.channel()).isEqualTo(10);
        assertThat(ac.type()).isEqualTo(SensorType.AC_POWER);
        assertThat(ac.alarmClass()).isEqualTo("Power");
        assertThat(ac.name()).isNull();
        assertThat(ac.recognitionTime()).isNull();
    }

    @Test
    void node() {
        assertThat(config.nodes()).hasSize(1);
        NodeConfig node = config.nodes().get(0);
        assertThat(node.id()).isEqualTo("node-2");
        assertThat(node.name()).isEqualTo("Row B");
        assertThat(node.inputs()).singleElement().satisfies(leak -> {
            assertThat(leak.channel()).isEqualTo(4);
            assertThat(leak.type()).isEqualTo(SensorType.WATER);
            assertThat(leak.name()).isEqualTo("Leak");
        });
    }

    @Test
    void powerGateOneKeepsOnAsAWord() {
        PowerGateConfig rackA = config.powerGate(1).orElseThrow();
        assertThat(rackA.name()).isEqualTo("Rack A");
        assertThat(rackA.unit()).isEqualTo("host");
        assertThat(rackA.outlets()).isEqualTo(4);
        assertThat(rackA.outletNames()).containsExactly("Router", "Switch", "NAS", "Camera");
        assertThat(rackA.outletName(3)).isEqualTo("NAS");
        assertThat(rackA.cycleTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(rackA.powerUp()).isEqualTo(PowerUpPolicy.LAST);
        assertThat(rackA.onShutdown()).isEqualTo(ShutdownPolicy.KEEP);
        assertThat(rackA.outletSettings())
                .containsExactly(new OutletSettingConfig(1, Duration.ofSeconds(10), PowerUpPolicy.ON));
        assertThat(rackA.powerUpOf(1)).isEqualTo(PowerUpPolicy.ON);
        assertThat(rackA.powerUpOf(2)).isEqualTo(PowerUpPolicy.LAST);
        assertThat(rackA.cycleTimeOf(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(rackA.cycleTimeOf(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(rackA.backend()).isEqualTo(PowerGateBackend.MOCK);
    }

    @Test
    void powerGateBackends() {
        PowerGateConfig rackB = config.powerGate(2).orElseThrow();
        assertThat(rackB.backend()).isEqualTo(PowerGateBackend.SERIAL);
        assertThat(rackB.serial()).isEqualTo(new SerialConfig("/dev/ttyUSB0", 9600));
        assertThat(rackB.driver()).isNull();

        PowerGateConfig shelf = config.powerGate(3).orElseThrow();
        assertThat(shelf.gpio()).isEqualTo(new GpioOutletsConfig(List.of(5, 6, 13, 19), ActiveLevel.LOW));

        PowerGateConfig desk = config.powerGate(4).orElseThrow();
        assertThat(desk.backend()).isEqualTo(PowerGateBackend.USB_RELAY);
        assertThat(desk.driver()).isEqualTo(RelayDriver.LCUS);
        assertThat(desk.serial()).isEqualTo(new SerialConfig("/dev/ttyUSB1", 9600));
        assertThat(desk.outletName(1)).isNull();
    }

    @Test
    void profile() {
        ProfileConfig alice = config.profiles().get(0);
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.password()).isEqualTo("alice-secret");
        assertThat(alice.mailPin()).isEqualTo("482913");
        assertThat(alice.mailSecret()).isEqualTo("482913");
        assertThat(alice.userCode()).isEqualTo("1234");
        assertThat(alice.name()).isEqualTo("Alice Smith");
        assertThat(alice.company()).isEqualTo("Example Ltd");
        assertThat(alice.department()).isEqualTo("IT");
        assertThat(alice.title()).isEqualTo("Operator");
        assertThat(alice.enabled()).isTrue();
        assertThat(alice.level()).isEqualTo(Level.MASTER);
        assertThat(alice.units()).containsExactly("host");
        assertThat(alice.classes()).containsExactly("Temperature", "Other", "Water", "Power", "IP Alarms", "Diagnostic");
        assertThat(alice.contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.email()).isEqualTo("alice@example.com");
            assertThat(contact.informOnly()).isTrue();
            assertThat(contact.untilAcknowledged()).isTrue();
            assertThat(contact.schedule().days()).hasSize(7).containsValue(ActiveHours.ALL_DAY);
        });
    }

    @Test
    void ipDevice() {
        IpDeviceConfig gateway = config.ipDevices().get(0);
        assertThat(gateway.name()).isEqualTo("Gateway");
        assertThat(gateway.address()).isEqualTo("127.0.0.1");
        assertThat(gateway.unit()).isEqualTo("host");
        assertThat(gateway.enabled()).isTrue();
        assertThat(gateway.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(gateway.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(gateway.retries()).isEqualTo(3);
        assertThat(gateway.alarmClass()).isEqualTo("IP Alarms");
        assertThat(gateway.resetTime()).isZero();
        assertThat(gateway.returnToNormal()).isTrue();
        assertThat(gateway.schedule().hoursOn(DayOfWeek.SUNDAY)).isEqualTo(ActiveHours.ALL_DAY);
    }

    @Test
    void toStringHoldsNoSecret() {
        assertThat(config.toString())
                .doesNotContain("mailbox-secret", "alice-secret", "482913", "userCode=1234")
                .contains("password=****", "mailPin=****", "userCode=****");
    }
}
