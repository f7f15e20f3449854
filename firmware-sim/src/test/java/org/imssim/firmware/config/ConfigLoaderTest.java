package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading as a whole: files, defaults, and every error reported together in file order. */
class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void minimalConfigurationLoadsWithAllDefaults() {
        ConfigResult result = ConfigLoader.load("unit: {name: X}\n", dir, Map.<String, String>of()::get);
        assertThat(result.errors()).isEmpty();
        ImsConfig config = result.config();
        assertThat(config.unit()).isEqualTo(new UnitSettings("X", TemperatureUnit.C, ZoneId.systemDefault()));
        assertThat(config.classes()).isEmpty();
        assertThat(config.allClasses()).isEqualTo(AlarmClasses.MANUAL);
        assertThat(config.holidays()).isEmpty();
        assertThat(config.email().smtp()).isEqualTo(new SmtpConfig(null, 25, Security.NONE, null, null, Trust.SYSTEM));
        assertThat(config.email().returnAddress()).isNull();
        assertThat(config.email().twoWay()).isEqualTo(new TwoWayConfig(false, null, MailProtocol.POP3, null, 110,
                Security.NONE, null, null, Duration.ofSeconds(60), true, Duration.ofHours(1)));
        assertThat(config.storage().dir()).isEqualTo(dir.toAbsolutePath().resolve("imssim-data"));
        assertThat(config.web()).isEqualTo(new WebConfig("127.0.0.1", 8080, List.of()));
        assertThat(config.snmp()).isEqualTo(new SnmpConfig(false, "127.0.0.1", 161, "public", List.of()));
        assertThat(config.network()).isEqualTo(new NetworkConfig(ProbeMode.SYSTEM, Map.of()));
        assertThat(config.delivery()).isEqualTo(new DeliveryConfig(Duration.ofMinutes(1), 3));
        assertThat(config.datalog()).isEqualTo(new DatalogConfig(Duration.ofMinutes(5), Duration.ofDays(30)));
        assertThat(config.events()).isEqualTo(new EventsConfig(Duration.ofDays(90)));
        assertThat(config.inputs()).isEmpty();
        assertThat(config.nodes()).isEmpty();
        assertThat(config.powergates()).isEmpty();
        assertThat(config.profiles()).isEmpty();
        assertThat(config.ipDevices()).isEmpty();
        assertThat(config.sourceFile()).isNull();
        assertThat(result.warnings()).hasSize(2);
    }

    @Test
    void portsFollowSecurityAndProtocol() {
        ImsConfig config = ConfigTexts.config("""
                unit: {name: X}
                email:
                  smtp: {security: starttls}
                  return-address: ims@example.com
                  two-way: {protocol: imap, security: tls}
                """);
        assertThat(config.email().smtp().port()).isEqualTo(587);
        assertThat(config.email().twoWay().port()).isEqualTo(993);
        assertThat(config.email().twoWay().address()).as("defaults to the return address").isEqualTo("ims@example.com");
        assertThat(SmtpConfig.defaultPort(Security.TLS)).isEqualTo(465);
        assertThat(TwoWayConfig.defaultPort(MailProtocol.POP3, Security.TLS)).isEqualTo(995);
        assertThat(TwoWayConfig.defaultPort(MailProtocol.POP3, Security.STARTTLS)).isEqualTo(110);
        assertThat(TwoWayConfig.defaultPort(MailProtocol.IMAP, Security.NONE)).isEqualTo(143);
    }

    @Test
    void booleanLikeWordsStayWords() {
        ImsConfig config = ConfigTexts.config("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, enabled: no, return-to-normal: off, datalog: yes,
                     alarm-responses: [{powergate: 1, outlet: 1, action: on}, {powergate: 1, outlet: 2, action: off}]}
                powergates:
                  - {number: 1, outlets: 2, power-up: on, on-shutdown: off,
                     outlet-names: [yes, no], outlet-settings: [{outlet: 2, power-up: off}]}
                """);
        InputConfig input = config.inputs().get(0);
        assertThat(input.enabled()).isFalse();
        assertThat(input.returnToNormal()).isFalse();
        assertThat(input.datalog()).isTrue();
        assertThat(input.alarmResponses()).extracting(r -> r.action().name()).containsExactly("ON", "OFF");
        PowerGateConfig gate = config.powergates().get(0);
        assertThat(gate.powerUp().name()).isEqualTo("ON");
        assertThat(gate.onShutdown().name()).isEqualTo("OFF");
        assertThat(gate.outletNames()).containsExactly("yes", "no");
        assertThat(gate.powerUpOf(2).name()).isEqualTo("OFF");
    }

    @Test
    void severalErrorsAreReportedTogetherInFileOrder() {
        List<String> errors = ConfigTexts.errors("""
                unit: {name: Lab, temperature-unit: celsius}
                delivery: {intercall-delay: 10s}
                inputs:
                  - {channel: 1, type: themperature}
                  - {channel: 1, type: water, colour: blue}
                powergates:
                  - number: 1
                    outlets: 12
                profiles:
                  - username: alice
                    level: master
                """);
        assertThat(errors).containsExactly(
                "unit.temperature-unit: must be one of: C, F (line 1)",
                "delivery.intercall-delay: must be at least 1m (line 2)",
                "inputs[0].type: must be one of: temperature, humidity, power, current, transducer, water, smoke, "
                        + "dry-contact (line 4)",
                "inputs[1].channel: is already used by another input of this unit (line 5)",
                "inputs[1].colour: is not a known key (line 5)",
                "powergates[0].outlets: must be 1 to 8 (line 8)",
                "profiles[0].password: is required (line 10)");
    }

    @Test
    void loadsAFileAndResolvesPathsAgainstItsFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("etc"));
        Path file = Files.writeString(folder.resolve("unit.yaml"), """
                unit: {name: X}
                storage: {dir: ../data}
                inputs:
                  - {channel: 3, type: temperature, backend: onewire, onewire: {id: 28-00000000abcd, dir: w1}}
                """);
        ConfigResult result = ConfigLoader.load(file, Map.<String, String>of()::get);
        assertThat(result.errors()).isEmpty();
        assertThat(result.config().sourceFile()).isEqualTo(file);
        assertThat(result.config().storage().dir()).isEqualTo(dir.toAbsolutePath().resolve("data"));
        assertThat(result.config().inputs().get(0).onewire().dir()).isEqualTo(folder.toAbsolutePath().resolve("w1"));
    }

    @Test
    void missingFileIsOneErrorWithoutALine() {
        Path file = dir.resolve("nope.yaml");
        ConfigResult result = ConfigLoader.load(file, Map.<String, String>of()::get);
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).extracting(ConfigProblem::toString)
                .containsExactly(file + ": cannot be read; check the path and permissions");
        assertThat(result.errors().get(0).line()).isZero();
    }

    @Test
    void syntaxErrorInAFileNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "unit:\n  name: X\n\tweb: {}\n");
        ConfigResult result = ConfigLoader.load(file, Map.<String, String>of()::get);
        assertThat(result.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo(file.toString());
            assertThat(problem.sentence()).startsWith("is not valid YAML: ");
            assertThat(problem.line()).isEqualTo(3);
        });
    }

    @Test
    void fileThatIsNotUtf8() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), "unit: {name: Caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigResult result = ConfigLoader.load(file, Map.<String, String>of()::get);
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(file + ": is not UTF-8 text");
    }

    @Test
    void problemTextIsExactlyPathSentenceLine() {
        assertThat(new ConfigProblem("powergates[0].outlets", "must be 1 to 8", 41))
                .hasToString("powergates[0].outlets: must be 1 to 8 (line 41)");
        assertThat(new ConfigProblem("unit.yaml", "cannot be read; check the path and permissions", 0))
                .hasToString("unit.yaml: cannot be read; check the path and permissions");
    }
}
