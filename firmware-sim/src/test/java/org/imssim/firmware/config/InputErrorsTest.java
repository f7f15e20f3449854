package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.config.ConfigTexts.config;
import static org.imssim.firmware.config.ConfigTexts.errors;

import java.time.Duration;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.sensor.SensorType;
import org.junit.jupiter.api.Test;

/** Inputs of the Host and of Nodes: channels, types, backends, limits, classes and alarm responses. */
class InputErrorsTest {

    @Test
    void typeIsRequiredOnExternalChannels() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, name: Room}
                """)).containsExactly("inputs[0].type: is required (line 3)");
    }

    @Test
    void typeTokensAreExact() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: Temperature}
                """)).containsExactly("inputs[0].type: must be one of: temperature, humidity, power, current, "
                + "transducer, water, smoke, dry-contact (line 3)");
    }

    @Test
    void fixedChannelsTakeTheirTypeWhenLeftOut() {
        ImsConfig config = config("""
                unit: {name: X}
                inputs:
                  - {channel: 9}
                  - {channel: 10, type: ac-power}
                  - {channel: 11, high: 90}
                nodes:
                  - {number: 2, inputs: [{channel: 9, name: Row power}]}
                """);
        assertThat(config.inputs()).extracting(InputConfig::type)
                .containsExactly(SensorType.BATTERY, SensorType.AC_POWER, SensorType.SOUND);
        assertThat(config.inputs().get(2).high()).isEqualTo(90.0);
        assertThat(config.nodes().get(0).inputs().get(0).type()).isEqualTo(SensorType.NODE_POWER);
    }

    @Test
    void fixedChannelMustKeepItsType() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 10, type: temperature}
                nodes:
                  - {number: 2, inputs: [{channel: 9, type: ac-power}]}
                """)).containsExactly(
                "inputs[0].type: must be ac-power on channel 10, or left out (line 3)",
                "nodes[0].inputs[0].type: must be node-power on channel 9, or left out (line 5)");
    }

    @Test
    void fixedTypesAreNotAllowedOnChannelsOneToEight() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 3, type: battery}
                nodes:
                  - {number: 2, inputs: [{channel: 1, type: node-power}]}
                """)).containsExactly(
                "inputs[0].type: must not be battery on channels 1 to 8: it exists only on Host channels 9 to 11 (line 3)",
                "nodes[0].inputs[0].type: must not be node-power on channels 1 to 8: it exists only on Node channel 9 (line 5)");
    }

    @Test
    void channelRanges() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 12, type: water}
                  - {channel: 0, type: water}
                nodes:
                  - {number: 2, inputs: [{channel: 10, type: water}]}
                """)).containsExactly(
                "inputs[0].channel: must be 1 to 11 (line 3)",
                "inputs[1].channel: must be 1 to 11 (line 4)",
                "nodes[0].inputs[0].channel: must be 1 to 9 (line 6)");
    }

    @Test
    void channelTwiceInOneUnit() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water}
                  - {channel: 1, type: smoke}
                nodes:
                  - {number: 2, inputs: [{channel: 1, type: water}]}
                """)).containsExactly("inputs[1].channel: is already used by another input of this unit (line 4)");
    }

    @Test
    void classMustBeKnown() {
        ImsConfig config = config("""
                unit: {name: X}
                classes: [Server]
                inputs:
                  - {channel: 1, type: water, class: Server}
                """);
        assertThat(config.inputs().get(0).alarmClass()).isEqualTo("Server");
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, class: Server}
                """)).containsExactly(
                "inputs[0].class: must be one of the manual's classes or one listed under classes: (line 3)");
    }

    @Test
    void limitsApplyToNumericReadingsOnly() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, high: 1, calibration: 2}
                  - {channel: 11, low: 20}
                  - {channel: 2, type: temperature, low: 30, high: 20}
                  - {channel: 3, type: humidity, low: dry}
                """)).containsExactly(
                "inputs[0].calibration: applies only to inputs with a numeric reading (line 3)",
                "inputs[0].high: applies only to inputs with a numeric reading (line 3)",
                "inputs[1].low: does not apply to sound inputs, which alarm above high only (line 4)",
                "inputs[2].low: must not be above high (line 5)",
                "inputs[3].low: must be a number such as 72 or 21.5 (line 6)");
    }

    @Test
    void normalAndRangeBelongToTheirTypes() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, normal: open}
                  - {channel: 2, type: temperature, range: 20}
                  - {channel: 3, type: current, range: 30}
                  - {channel: 4, type: dry-contact, normal: shut}
                """)).containsExactly(
                "inputs[0].normal: applies only to dry-contact inputs (line 3)",
                "inputs[1].range: applies only to current inputs (line 4)",
                "inputs[2].range: must be one of: 15, 20 (line 5)",
                "inputs[3].normal: must be one of: open, closed (line 6)");
    }

    @Test
    void typeDependentSettingsStayAbsent() {
        InputConfig input = config("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: dry-contact, normal: open}
                """).inputs().get(0);
        assertThat(input.low()).isNull();
        assertThat(input.high()).isNull();
        assertThat(input.recognitionTime()).isNull();
        assertThat(input.alarmClass()).isNull();
        assertThat(input.initial()).isNull();
        assertThat(input.normal()).isEqualTo(ContactNormal.OPEN);
        assertThat(input.resetTime()).isEqualTo(Duration.ZERO);
        assertThat(input.enabled()).isTrue();
        assertThat(input.returnToNormal()).isTrue();
        assertThat(input.datalog()).isTrue();
        assertThat(input.schedule()).isNull();
        assertThat(input.backend()).isEqualTo(InputBackend.MOCK);
    }

    @Test
    void initialOnlyOnMockChannelsAndInTheReadingsWords() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, backend: gpio, gpio: {pin: 4}, initial: wet}
                  - {channel: 2, type: water, initial: damp}
                  - {channel: 3, type: temperature, initial: warm}
                  - {channel: 9, initial: fail}
                """)).containsExactly(
                "inputs[0].initial: is allowed only on mock channels (backend: mock) (line 3)",
                "inputs[1].initial: must be one of: dry, wet (line 4)",
                "inputs[2].initial: must be a number such as 72 or 21.5 (line 5)",
                "inputs[3].initial: must be one of: ok, fault (line 6)");
    }

    @Test
    void backendChoices() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, backend: serial}
                """)).containsExactly("inputs[0].backend: must be one of: mock, gpio, onewire (line 3)");
    }

    @Test
    void gpioOnlyForContactsWaterAndSmoke() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: temperature, backend: gpio, gpio: {pin: 4}}
                """)).containsExactly(
                "inputs[0].backend: may be gpio only for dry-contact, water and smoke inputs (line 3)");
    }

    @Test
    void onewireOnlyForTemperature() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: humidity, backend: onewire, onewire: {id: 28-0123456789ab}}
                """)).containsExactly("inputs[0].backend: may be onewire only for temperature inputs (line 3)");
    }

    @Test
    void backendSettingsOnlyWithTheirBackend() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, gpio: {pin: 4}}
                  - channel: 2
                    type: temperature
                    backend: gpio
                    onewire: {id: 28-0123456789ab}
                """)).containsExactly(
                "inputs[0].gpio: is allowed only with backend: gpio (line 3)",
                "inputs[1].gpio: is required (line 4)",
                "inputs[1].backend: may be gpio only for dry-contact, water and smoke inputs (line 6)",
                "inputs[1].onewire: is allowed only with backend: onewire (line 7)");
    }

    @Test
    void gpioAndOnewireSettings() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: smoke, backend: gpio, gpio: {pin: 99, pull: sideways, active: mid, debounce: 5}}
                  - {channel: 2, type: temperature, backend: onewire, onewire: {id: probe-1}}
                  - {channel: 3, type: temperature, backend: onewire, onewire: {dir: /tmp}}
                """)).containsExactly(
                "inputs[0].gpio.active: must be one of: high, low (line 3)",
                "inputs[0].gpio.debounce: must be a duration such as 30s, 5m or 1h (line 3)",
                "inputs[0].gpio.pin: must be 0 to 53 (line 3)",
                "inputs[0].gpio.pull: must be one of: up, down, off (line 3)",
                "inputs[1].onewire.id: must be a 1-Wire id such as 28-0123456789ab (line 4)",
                "inputs[2].onewire.id: is required (line 5)");
    }

    @Test
    void pinUsedTwiceIsAnErrorOnTheSecondUse() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - {channel: 1, type: water, backend: gpio, gpio: {pin: 17}}
                nodes:
                  - number: 2
                    inputs:
                      - {channel: 1, type: smoke, backend: gpio, gpio: {pin: 17}}
                powergates:
                  - {number: 1, outlets: 2, backend: gpio, gpio: {pins: [5, 17]}}
                """)).containsExactly(
                "nodes[0].inputs[0].gpio.pin: uses GPIO pin 17, already used by inputs[0].gpio.pin (line 7)",
                "powergates[0].gpio.pins[1]: uses GPIO pin 17, already used by inputs[0].gpio.pin (line 9)");
    }

    @Test
    void alarmResponses() {
        InputConfig input = config("""
                unit: {name: X}
                inputs:
                  - channel: 1
                    type: water
                    alarm-responses: [{powergate: 1, outlet: 2, action: off}, {powergate: 1, outlet: 1, action: on}]
                powergates: [{number: 1, outlets: 2}]
                """).inputs().get(0);
        assertThat(input.alarmResponses()).containsExactly(
                new AlarmResponseConfig(1, 2, OutletAction.OFF), new AlarmResponseConfig(1, 1, OutletAction.ON));
    }

    @Test
    void alarmResponseErrors() {
        assertThat(errors("""
                unit: {name: X}
                inputs:
                  - channel: 1
                    type: water
                    alarm-responses:
                      - {powergate: 2, outlet: 1}
                      - {powergate: 1, outlet: 3}
                      - {powergate: 1, outlet: 1, action: toggle}
                      - {outlet: 1}
                      - {powergate: 1, outlet: 1}
                powergates: [{number: 1, outlets: 2}]
                """)).containsExactly(
                "inputs[0].alarm-responses[0].powergate: must be a PowerGate listed under powergates: (line 6)",
                "inputs[0].alarm-responses[1].outlet: must be an outlet of PowerGate 1: 1 to 2 (line 7)",
                "inputs[0].alarm-responses[2].action: must be one of: on, off, cycle (line 8)",
                "inputs[0].alarm-responses[3].powergate: is required (line 9)",
                "inputs[0].alarm-responses[4]: is one too many: an input has at most 4 alarm responses (line 10)");
    }
}
