package org.imssim.firmware.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.imssim.devices.sensor.SensorType;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.Level;
import org.imssim.firmware.config.ProbeMode;
import org.imssim.firmware.config.InputConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void theShippedDemoLoadsWithoutErrorsOrWarnings() {
        java.util.Map<String, String> env = java.util.Map.of("DEMO_SMTP_PORT", "1", "DEMO_POP3_PORT", "2",
                "DEMO_WEB_PORT", "3", "DEMO_STORAGE", dir.toString());
        ConfigResult result = ConfigLoader.load(DemoConfiguration.text(), dir, env::get);
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void theDemoHasWhatTheReadmePromises() {
        ImsConfig config = DemoConfiguration.load(4025, 4110, 0, dir);
        assertThat(config.email().smtp().port()).isEqualTo(4025);
        assertThat(config.email().twoWay().port()).isEqualTo(4110);
        assertThat(config.email().twoWay().enabled()).isTrue();
        assertThat(config.web().port()).isEqualTo(0);
        assertThat(config.storage().dir()).isEqualTo(dir.toAbsolutePath());
        assertThat(config.network().probe()).isEqualTo(ProbeMode.SIMULATED);
        // one sensor of every external type on the Host
        assertThat(config.inputs().stream().map(InputConfig::type).collect(Collectors.toSet()))
                .containsAll(java.util.Arrays.stream(SensorType.values()).filter(t -> !t.isFixed()).toList());
        assertThat(config.nodes()).hasSize(1);
        assertThat(config.powergates().get(0).outletNames()).containsExactly("Router", "Switch", "NAS", "Camera");
        assertThat(config.ipDevices()).isNotEmpty();
        assertThat(config.profiles()).extracting(p -> p.level()).containsExactly(Level.MASTER, Level.USER);
        assertThat(config.profiles()).allSatisfy(p -> assertThat(DemoMailServer.MAILBOXES)
                .contains(p.contacts().get(0).email()));
    }
}
