package org.imssim.firmware.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.Test;

/** The status report shows each input's alarm state as the alarm engine has it. */
class StatusWithAlarmsTest {

    private static final String CONFIG = """
            unit: {name: Lab, time-zone: UTC}
            inputs:
              - {channel: 3, type: water, name: Floor, backend: mock}
            profiles:
              - {username: alice, password: x, level: master, classes: [Water, Power], contacts: [{email: alice@example.com}]}
            """;

    private static String report(UnitFixture fixture) {
        return fixture.onLoop(() -> StatusReport.text(fixture.unit().status().snapshot(
                new Permissions(fixture.unit().profiles().find("alice").orElseThrow()))));
    }

    private static void drive(UnitFixture fixture, String address, boolean level) {
        fixture.onLoop(() -> {
            ((MockDigitalInput) fixture.unit().hardware().mockChannel(InputAddress.parse(address)).orElseThrow())
                    .mockLevel(level);
            return null;
        });
    }

    @Test
    void aWetFloorIsPendingForItsRecognitionTimeThenInAlarm() {
        try (UnitFixture fixture = UnitFixture.start(CONFIG)) {
            assertThat(report(fixture)).contains("  3 Floor: dry, NORMAL");
            drive(fixture, "host/3", true);
            assertThat(report(fixture)).contains("  3 Floor: wet, PENDING");
            fixture.clock().advance(Duration.ofSeconds(2));
            assertThat(report(fixture)).contains("  3 Floor: wet, PENDING");
            fixture.clock().advance(Duration.ofSeconds(1));
            assertThat(report(fixture)).contains("  3 Floor: wet, ALARM_UNACKED");
            assertThat(fixture.eventTexts()).contains("Alarm: Floor Wet wet");
        }
    }

    @Test
    void theHostsFixedChannelsAreSimulatedToo() {
        try (UnitFixture fixture = UnitFixture.start(CONFIG)) {
            drive(fixture, "host/10", false);
            assertThat(report(fixture)).contains("  10 AC Power: fail, PENDING");
            fixture.clock().advance(Duration.ofSeconds(60));
            assertThat(report(fixture)).contains("  10 AC Power: fail, ALARM_UNACKED");
        }
    }
}
