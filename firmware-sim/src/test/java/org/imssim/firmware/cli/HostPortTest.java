package org.imssim.firmware.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesHostAndPort() {
        assertThat(HostPort.parse("127.0.0.1:3025")).contains(new HostPort("127.0.0.1", 3025));
        assertThat(HostPort.parse("[::1]:25")).contains(new HostPort("::1", 25));
        assertThat(HostPort.parse("[::1]:25").orElseThrow().toString()).isEqualTo("[::1]:25");
    }

    @Test
    void refusesWhatIsNotHostAndPort() {
        assertThat(HostPort.parse("127.0.0.1")).isEmpty();
        assertThat(HostPort.parse(":25")).isEmpty();
        assertThat(HostPort.parse("host:")).isEmpty();
        assertThat(HostPort.parse("host:http")).isEmpty();
        assertThat(HostPort.parse("host:70000")).isEmpty();
        assertThat(HostPort.parse("host:0")).isEmpty();
        assertThat(HostPort.parse(null)).isEmpty();
    }

    @Test
    void durationsAreWrittenAsInTheConfiguration() {
        assertThat(CliDurations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(CliDurations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(CliDurations.parse("2m")).contains(Duration.ofMinutes(2));
        assertThat(CliDurations.parse("30")).isEmpty();
        assertThat(CliDurations.parse("-1s")).isEmpty();
        assertThat(CliDurations.parse("1.5s")).isEmpty();
    }
}
