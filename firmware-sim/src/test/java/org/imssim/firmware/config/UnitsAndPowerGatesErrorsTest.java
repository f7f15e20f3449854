package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.config.ConfigTexts.config;
import static org.imssim.firmware.config.ConfigTexts.errors;

import java.time.Duration;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.PowerUpPolicy;
import org.imssim.devices.powergate.ShutdownPolicy;
import org.junit.jupiter.api.Test;

/** Nodes, the units named anywhere, and PowerGates. */
class UnitsAndPowerGatesErrorsTest {

    @Test
    void nodeNumbers() {
        assertThat(errors("""
                unit: {name: X}
                nodes:
                  - {number: 1}
                  - {number: 33}
                  - {number: 2}
                  - {number: 2}
                  - {name: Row C}
                """)).containsExactly(
                "nodes[0].number: must be 2 to 32 (line 3)",
                "nodes[1].number: must be 2 to 32 (line 4)",
                "nodes[3].number: is already used by another Node (line 6)",
                "nodes[4].number: is required (line 7)");
    }

    @Test
    void unitsNamedMustBeHostOrAConfiguredNode() {
        assertThat(errors("""
                unit: {name: X}
                nodes: [{number: 2}]
                powergates:
                  - {number: 1, outlets: 1, unit: node-1}
                  - {number: 2, outlets: 1, unit: node-3}
                  - {number: 3, outlets: 1, unit: node-2}
                ip-devices:
                  - {name: Gw, address: 10.0.0.1, unit: Host}
                profiles:
                  - {username: bob, password: pw, level: user, units: [host, node-2, node-4]}
                """)).containsExactly(
                "powergates[0].unit: node-1 is the Host: write host (line 4)",
                "powergates[1].unit: must be host or a node listed under nodes:, such as node-2 (line 5)",
                "ip-devices[0].unit: must be host or a node listed under nodes:, such as node-2 (line 8)",
                "profiles[0].units[2]: must be host or a node listed under nodes:, such as node-2 (line 10)");
    }

    @Test
    void outletsMustBeOneToEight() {
        assertThat(errors("""
                unit: {name: X}
                powergates:
                  - {number: 1, outlets: 9}
                  - {number: 2}
                """)).containsExactly(
                "powergates[0].outlets: must be 1 to 8 (line 3)",
                "powergates[1].outlets: is required (line 4)");
    }

    @Test
    void powerGateNumbers() {
        assertThat(errors("""
                unit: {name: X}
                powergates:
                  - {number: 17, outlets: 1}
                  - {number: 1, outlets: 1}
                  - {number: 1, outlets: 1}
                """)).containsExactly(
                "powergates[0].number: must be 1 to 16 (line 3)",
                "powergates[2].number: is already used by another PowerGate (line 5)");
    }

    @Test
    void outletNamesAndSettings() {
        assertThat(errors("""
                unit: {name: X}
                powergates:
                  - number: 1
                    outlets: 2
                    outlet-names: [Router]
                    outlet-settings:
                      - {outlet: 3}
                      - {outlet: 1, cycle-time: 0}
                      - {outlet: 1}
                """)).containsExactly(
                "powergates[0].outlet-names: must have 2 entries, one per outlet (line 5)",
                "powergates[0].outlet-settings[0].outlet: must be 1 to 2 (line 7)",
                "powergates[0].outlet-settings[1].cycle-time: must be longer than 0 (line 8)",
                "powergates[0].outlet-settings[2].outlet: is already set by another entry of outlet-settings (line 9)");
    }

    @Test
    void policiesAreWordsNotBooleans() {
        PowerGateConfig gate = config("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, alarm-responses: [{powergate: 1, outlet: 1, action: off},
                                                                {powergate: 1, outlet: 2, action: on}]}
                powergates:
                  - number: 1
                    outlets: 3
                    power-up: off
                    on-shutdown: on
                    outlet-settings: [{outlet: 1, power-up: on}]
                """).powerGate(1).orElseThrow();
        assertThat(gate.powerUp()).isEqualTo(PowerUpPolicy.OFF);
        assertThat(gate.onShutdown()).isEqualTo(ShutdownPolicy.ON);
        assertThat(gate.powerUpOf(1)).isEqualTo(PowerUpPolicy.ON);
        assertThat(gate.powerUpOf(2)).isEqualTo(PowerUpPolicy.OFF);
        ImsConfig config = config("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, alarm-responses: [{powergate: 1, outlet: 1, action: off},
                                                                {powergate: 1, outlet: 2, action: on}]}
                powergates: [{number: 1, outlets: 2, on-shutdown: off}]
                """);
        assertThat(config.inputs().get(0).alarmResponses()).extracting(AlarmResponseConfig::action)
                .containsExactly(OutletAction.OFF, OutletAction.ON);
        assertThat(config.powerGate(1).orElseThrow().onShutdown()).isEqualTo(ShutdownPolicy.OFF);
    }

    @Test
    void policyChoices() {
        assertThat(errors("""
                unit: {name: X}
                powergates:
                  - {number: 1, outlets: 1, power-up: yes, on-shutdown: last}
                """)).containsExactly(
                "powergates[0].on-shutdown: must be one of: keep, off, on (line 3)",
                "powergates[0].power-up: must be one of: last, on, off (line 3)");
    }

    @Test
    void gpioPowerGate() {
        assertThat(errors("""
                unit: {name: X}
                powergates:
                  - {number: 1, outlets: 2, backend: gpio, gpio: {pins: [5, 6, 13]}}
                  - {number: 2, outlets: 2, backend: gpio}
                  - {number: 3, outlets: 1, backend: gpio, gpio: {active: high}}
                  - {number: 4, outlets: 1, backend: gpio, gpio: {pins: [x]}}
                """)).containsExactly(
                "powergates[0].gpio.pins: must have 2 pins, one per outlet (line 3)",
                "powergates[1].gpio: is required (line 4)",
                "powergates[2].gpio.pins: is required (line 5)",
                "powergates[3].gpio.pins[0]: must be a GPIO number 0 to 53 (line 6)");
    }

    @Test
    void serialAndUsbRelayPowerGates() {
        assertThat(errors("""
                unit: {name: X}
                powergates:
                  - {number: 1, outlets: 2, backend: serial}
                  - {number: 2, outlets: 2, backend: usb-relay, serial: {baud: 9600}}
                  - {number: 3, outlets: 2, backend: usb-relay, driver: hid, serial: {port: /dev/ttyUSB1}}
                  - {number: 4, outlets: 2, backend: serial, driver: lcus, serial: {port: /dev/ttyS0}}
                  - {number: 5, outlets: 2, serial: {port: /dev/ttyS0}}
                  - {number: 6, outlets: 2, backend: relay}
                """)).containsExactly(
                "powergates[0].serial: is required (line 3)",
                "powergates[1].serial.port: is required (line 4)",
                "powergates[2].driver: must be one of: lcus (line 5)",
                "powergates[3].driver: is allowed only with backend: usb-relay (line 6)",
                "powergates[4].serial: is allowed only with backend: serial or usb-relay (line 7)",
                "powergates[5].backend: must be one of: mock, gpio, serial, usb-relay (line 8)");
    }

    @Test
    void powerGateDefaults() {
        PowerGateConfig gate = config("""
                unit: {name: X}
                powergates: [{number: 5, outlets: 8}]
                """).powerGate(5).orElseThrow();
        assertThat(gate.unit()).isEqualTo("host");
        assertThat(gate.name()).isNull();
        assertThat(gate.outletNames()).isEmpty();
        assertThat(gate.outletName(8)).isNull();
        assertThat(gate.cycleTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(gate.powerUp()).isEqualTo(PowerUpPolicy.LAST);
        assertThat(gate.onShutdown()).isEqualTo(ShutdownPolicy.KEEP);
        assertThat(gate.outletSettings()).isEmpty();
        assertThat(gate.backend()).isEqualTo(PowerGateBackend.MOCK);
        assertThat(gate.gpio()).isNull();
        assertThat(gate.serial()).isNull();
        assertThat(gate.driver()).isNull();
    }
}
