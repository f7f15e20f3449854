package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.Test;

/**
 * The engine as UnitFirmware will wire it: on a started unit's hardware, loop and clock, recording
 * into the unit's durable event history with source {@code input}.
 */
class AlarmEngineOnUnitTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            nodes:
              - {number: 2, name: Row B, inputs: [{channel: 4, type: water, name: Leak, backend: mock}]}
            """;

    @Test
    void alarmEventsLandInTheUnitsHistory() {
        try (UnitFixture fixture = UnitFixture.start(CONFIG)) {
            UnitFirmware unit = fixture.unit();
            AlarmEngine engine = new AlarmEngine(unit.hardware(), unit.config(), unit.clock(),
                    AlarmEvents.into(unit.events()), new AlarmListener() { });
            InputAddress leak = InputAddress.parse("node-2/4");
            fixture.onLoop(() -> {
                engine.start();
                ((MockDigitalInput) unit.hardware().mockChannel(leak).orElseThrow()).mockLevel(true);
                return null;
            });

            fixture.clock().advance(Duration.ofSeconds(3));

            assertThat(fixture.onLoop(() -> engine.state(leak))).isEqualTo(AlarmState.ALARM_UNACKED);
            assertThat(fixture.eventTexts()).first().isEqualTo("Alarm: Leak Wet wet");
            assertThat(fixture.await(() -> unit.events().newest(1)).get(0))
                    .satisfies(e -> {
                        assertThat(e.unit()).isEqualTo("node-2");
                        assertThat(e.source().word()).isEqualTo("input");
                        assertThat(e.time()).isEqualTo(UnitFixture.START.plusSeconds(3));
                    });
            fixture.onLoop(() -> {
                engine.stop();
                return null;
            });
        }
    }
}
