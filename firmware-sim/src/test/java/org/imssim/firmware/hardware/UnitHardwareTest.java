package org.imssim.firmware.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.imssim.devices.unit.InputAddress;
import org.imssim.devices.unit.Presence;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.Test;

class UnitHardwareTest {

    private static final String CONFIG = """
            unit: {name: Lab, temperature-unit: F}
            inputs:
              - {channel: 1, type: temperature, calibration: 0.5, backend: mock, initial: 72}
              - {channel: 2, type: dry-contact, name: Gate, backend: gpio, gpio: {pin: 17}}
              - {channel: 3, type: water, backend: mock}
            """;

    @Test
    void drivingAMockChannelChangesTheInputsReading() {
        try (UnitFixture fixture = UnitFixture.start(CONFIG)) {
            UnitHardware hardware = fixture.unit().hardware();
            InputAddress temp = InputAddress.parse("host/1");
            assertThat(fixture.onLoop(() -> hardware.input(temp).orElseThrow().reading().orElseThrow().text()))
                    .isEqualTo("72.5 F");
            fixture.onLoop(() -> {
                ((MockAnalogInput) hardware.mockChannel(temp).orElseThrow()).mockValue(90.5);
                return null;
            });
            assertThat(fixture.onLoop(() -> hardware.input(temp).orElseThrow().reading().orElseThrow().text()))
                    .isEqualTo("91.0 F");
            InputAddress water = InputAddress.parse("host/3");
            fixture.onLoop(() -> {
                ((MockDigitalInput) hardware.mockChannel(water).orElseThrow()).unplug();
                return null;
            });
            assertThat(fixture.onLoop(() -> hardware.input(water).orElseThrow().presence())).isEqualTo(Presence.MISSING);
        }
    }

    @Test
    void anInputOnABackendNotBuiltYetShowsItsSensorMissingAndHasNoMockChannel() {
        try (UnitFixture fixture = UnitFixture.start(CONFIG)) {
            UnitHardware hardware = fixture.unit().hardware();
            InputAddress gate = InputAddress.parse("host/2");
            assertThat(fixture.onLoop(() -> hardware.input(gate).orElseThrow().presence())).isEqualTo(Presence.MISSING);
            assertThat(hardware.mockChannel(gate)).isEmpty();
            assertThat(hardware.settings(gate).alarmClass()).isEqualTo("Other");
            assertThat(hardware.settings(InputAddress.parse("host/10")).alarmClass()).isEqualTo("Power");
        }
    }
}
