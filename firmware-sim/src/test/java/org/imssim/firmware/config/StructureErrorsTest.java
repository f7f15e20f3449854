package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.config.ConfigTexts.errors;
import static org.imssim.firmware.config.ConfigTexts.load;

import org.junit.jupiter.api.Test;

/** Errors in the shape of the file: syntax, unknown, missing and repeated keys, wrong kinds of value. */
class StructureErrorsTest {

    @Test
    void yamlSyntaxErrorIsOneErrorWithItsLine() {
        ConfigResult result = load("""
                unit:
                  name: X
                web:
                  port: 8080: 8081
                """);
        assertThat(result.ok()).isFalse();
        assertThat(result.config()).isNull();
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "configuration: is not valid YAML: mapping values are not allowed here (line 4)");
    }

    @Test
    void unclosedFlowMappingIsASyntaxError() {
        assertThat(errors("""
                unit: {name: X
                web: {}
                """)).singleElement().asString()
                .startsWith("configuration: is not valid YAML: ")
                .endsWith("(line 2)");
    }

    @Test
    void unknownKeyNamesItsOwnLine() {
        assertThat(errors("""
                unit: {name: X}
                web:
                  port: 8080
                  prot: 8081
                """)).containsExactly("web.prot: is not a known key (line 4)");
    }

    @Test
    void unknownTopLevelKey() {
        assertThat(errors("""
                unit: {name: X}
                inputz: []
                """)).containsExactly("inputz: is not a known key (line 2)");
    }

    @Test
    void missingKeyNamesItsParentsLine() {
        assertThat(errors("""
                unit: {name: X}
                profiles:
                  - username: bob
                    level: user
                """)).containsExactly("profiles[0].password: is required (line 3)");
    }

    @Test
    void missingUnitIsReportedAtTheTopMappingsLine() {
        assertThat(errors("""
                # no unit
                web: {port: 8080}
                """)).containsExactly("unit.name: is required (line 2)");
    }

    @Test
    void emptyStringCountsAsNotSet() {
        assertThat(errors("""
                unit: {name: ""}
                """)).containsExactly("unit.name: is required (line 1)");
    }

    @Test
    void keyGivenTwice() {
        assertThat(errors("""
                unit:
                  name: X
                  name: Y
                """)).containsExactly("unit.name: is given twice (line 3)");
    }

    @Test
    void sectionThatIsNotAMapping() {
        assertThat(errors("""
                unit: Server Room
                """)).containsExactly("unit: must be a mapping of keys and values (line 1)");
    }

    @Test
    void listThatIsNotAList() {
        assertThat(errors("""
                unit: {name: X}
                holidays: 2026-12-25
                """)).containsExactly("holidays: must be a list (line 2)");
    }

    @Test
    void scalarThatIsAList() {
        assertThat(errors("""
                unit: {name: [X, Y]}
                """)).containsExactly("unit.name: must be a single value, not a list or a mapping (line 1)");
    }

    @Test
    void documentThatIsNotAMapping() {
        assertThat(errors("""
                - unit
                """)).containsExactly("configuration: must be a mapping of keys such as unit: (line 1)");
    }

    @Test
    void emptyDocumentNeedsAUnitName() {
        assertThat(errors("")).containsExactly("unit.name: is required (line 1)");
    }

    @Test
    void badEnumChoiceListsTheChoices() {
        assertThat(errors("""
                unit: {name: X, temperature-unit: K}
                """)).containsExactly("unit.temperature-unit: must be one of: C, F (line 1)");
    }

    @Test
    void badTimeZone() {
        assertThat(errors("""
                unit: {name: X, time-zone: Mars/Olympus}
                """)).containsExactly("unit.time-zone: must be a time zone such as UTC or Europe/Berlin (line 1)");
    }

    @Test
    void badHoliday() {
        assertThat(errors("""
                unit: {name: X}
                holidays: [2026-12-25, 2026-02-30, christmas]
                """)).containsExactly(
                "holidays[1]: must be a date such as 2026-12-25 (line 2)",
                "holidays[2]: must be a date such as 2026-12-25 (line 2)");
    }

    @Test
    void badBoolean() {
        assertThat(errors("""
                unit: {name: X}
                snmp: {enabled: maybe}
                """)).containsExactly("snmp.enabled: must be true or false (line 2)");
    }

    @Test
    void badWholeNumberAndPortRange() {
        assertThat(errors("""
                unit: {name: X}
                web: {port: eighty}
                snmp: {port: 70000}
                """)).containsExactly(
                "web.port: must be a whole number (line 2)",
                "snmp.port: must be 0 to 65535 (line 3)");
    }

    @Test
    void badDuration() {
        assertThat(errors("""
                unit: {name: X}
                datalog: {interval: 5 minutes, retention: 1w}
                """)).containsExactly(
                "datalog.interval: must be a duration such as 30s, 5m or 1h (line 2)",
                "datalog.retention: must be a duration such as 30s, 5m or 1h (line 2)");
    }

    @Test
    void durationMinimums() {
        assertThat(errors("""
                unit: {name: X}
                email:
                  two-way: {poll-interval: 500ms}
                delivery: {intercall-delay: 30s, max-rounds: 0}
                events: {retention: 0}
                """)).containsExactly(
                "email.two-way.poll-interval: must be at least 1s (line 3)",
                "delivery.intercall-delay: must be at least 1m (line 4)",
                "delivery.max-rounds: must be at least 1 (line 4)",
                "events.retention: must be longer than 0 (line 5)");
    }

    @Test
    void badEmailAddressAndServer() {
        assertThat(errors("""
                unit: {name: X}
                email:
                  smtp: {server: "mail server"}
                  return-address: ims.example.com
                """)).containsExactly(
                "email.smtp.server: must be an IP address or a host name (line 3)",
                "email.return-address: must be an e-mail address such as alice@example.com (line 4)");
    }

    @Test
    void classesOfTheirOwn() {
        assertThat(errors("""
                unit: {name: X}
                classes: [Server, Water, Server, ""]
                """)).containsExactly(
                "classes[1]: is one of the manual's classes already; list only your own (line 2)",
                "classes[2]: is listed twice (line 2)",
                "classes[3]: must not be empty (line 2)");
    }

    @Test
    void simulatedHosts() {
        ImsConfig config = ConfigTexts.config("""
                unit: {name: X}
                network: {probe: simulated, simulated-hosts: {10.0.0.1: true, nas.local: no}}
                """);
        assertThat(config.network().probe()).isEqualTo(ProbeMode.SIMULATED);
        assertThat(config.network().simulatedHosts()).containsOnly(
                java.util.Map.entry("10.0.0.1", true), java.util.Map.entry("nas.local", false));
        assertThat(errors("""
                unit: {name: X}
                network:
                  simulated-hosts:
                    -bad: true
                    nas.local: sometimes
                """)).containsExactly(
                "network.simulated-hosts.-bad: is not an IPv4 address or a host name (line 4)",
                "network.simulated-hosts.nas.local: must be true (it answers) or false (it does not) (line 5)");
    }

    @Test
    void emptySectionsCountAsNotWritten() {
        assertThat(errors("""
                unit:
                email: ~
                web:
                inputs:
                """)).containsExactly("unit.name: is required (line 1)");
        assertThat(ConfigTexts.config("""
                unit: {name: X}
                email: ~
                web:
                inputs:
                """).web().port()).isEqualTo(8080);
    }
}
