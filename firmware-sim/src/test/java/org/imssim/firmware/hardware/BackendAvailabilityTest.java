package org.imssim.firmware.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.imssim.firmware.config.ConfigProblem;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What check-config and the start log say of serial and usb-relay PowerGates whose port is missing. */
class BackendAvailabilityTest {

    @TempDir
    Path dir;

    @Test
    void aMissingPortIsAWarningThatSaysTheUnitWaitsForIt() throws Exception {
        Path present = Files.createFile(dir.resolve("ttyHere"));
        Path missing = dir.resolve("ttyGone");
        var config = UnitFixture.load("""
                unit: {name: Lab}
                powergates:
                  - {number: 1, outlets: 2, backend: serial, serial: {port: %s}}
                  - {number: 2, outlets: 2, backend: usb-relay, driver: lcus, serial: {port: %s}}
                  - {number: 3, outlets: 2, backend: serial, serial: {port: %s}}
                """.formatted(missing, missing, present), Map.of());
        assertThat(new BackendAvailability(dir.resolve("gpiochip0")).check(config)).extracting(ConfigProblem::toString)
                .containsExactly(
                        "powergates[0].serial.port: the serial port " + missing + " does not exist; the PowerGate will"
                                + " show UNKNOWN with Link Down until it appears",
                        "powergates[1].serial.port: the serial port " + missing + " does not exist; the PowerGate will"
                                + " show UNKNOWN with Link Down until it appears");
    }
}
