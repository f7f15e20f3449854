package org.imssim.firmware.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.testing.Soon.soon;

import java.time.Duration;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.status.StatusReport;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.Test;

class IpDeviceMonitorTest {

    private static final String CONFIG = """
            unit: {name: Lab, time-zone: UTC}
            network: {probe: simulated, simulated-hosts: {127.0.0.1: true, 127.0.0.2: false}}
            ip-devices:
              - {name: Gateway, address: 127.0.0.1, interval: 30s}
              - {name: Backup Link, address: 127.0.0.2, interval: 30s}
              - {name: Spare, address: 127.0.0.3, enabled: false}
            profiles:
              - {username: alice, password: x, level: master, classes: [IP Alarms], contacts: [{email: alice@example.com}]}
            """;

    private static String report(UnitFixture fixture) {
        return fixture.onLoop(() -> StatusReport.text(fixture.unit().status().snapshot(
                new Permissions(fixture.unit().profiles().find("alice").orElseThrow()))));
    }

    @Test
    void aDeviceThatDoesNotAnswerShowsPingTimeoutAndIsProbedEveryInterval() {
        try (UnitFixture fixture = UnitFixture.start(CONFIG)) {
            soon().until(() -> report(fixture).contains("Backup Link 127.0.0.2: Ping Timeout"));
            assertThat(report(fixture)).isEqualTo("""
                    IP devices
                      Gateway 127.0.0.1: Responding
                      Backup Link 127.0.0.2: Ping Timeout""");
            assertThat(fixture.clock().nextDue()).contains(UnitFixture.START.plus(Duration.ofSeconds(30)));
            fixture.clock().advance(Duration.ofSeconds(30));
            soon().until(() -> fixture.clock().nextDue().filter(t -> t.equals(UnitFixture.START.plusSeconds(60))).isPresent());
        }
    }

    @Test
    void theSystemProbeHearsLoopback() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.stream.Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "ping"))), "no ping here");
        assertThat(new SystemProbe().answers(Target.parse("127.0.0.1").orElseThrow(), Duration.ofSeconds(2))).isTrue();
        assertThat(new SystemProbe("imssim-no-such-ping", "x").answers(Target.parse("127.0.0.1").orElseThrow(),
                Duration.ofSeconds(1))).isFalse();
    }
}
