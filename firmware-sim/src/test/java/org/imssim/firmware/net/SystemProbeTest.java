package org.imssim.firmware.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The system's iputils tools against 127.0.0.1 only (.ci/run installs iputils-ping and iputils-tracepath). */
class SystemProbeTest {

    private static boolean installed(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    @Test
    void pingsLoopbackFourTimes() {
        assumeTrue(installed("ping"), "iputils ping is not installed here");
        String text = new SystemProbe().ping(Target.parse("127.0.0.1").orElseThrow());
        assertThat(text).contains("icmp_seq=1").contains("icmp_seq=4")
                .contains("4 packets transmitted, 4 received, 0% packet loss");
    }

    @Test
    void tracesLoopbackInOneHop() {
        assumeTrue(installed("tracepath"), "iputils tracepath is not installed here");
        String text = new SystemProbe().trace(Target.parse("127.0.0.1").orElseThrow());
        assertThat(text).contains(" 1:").contains("127.0.0.1").contains("reached");
    }

    @Test
    void aMissingToolGetsItsSentence() {
        SystemProbe probe = new SystemProbe("imssim-no-such-ping", "imssim-no-such-tracepath");
        Target target = Target.parse("127.0.0.1").orElseThrow();
        assertThat(probe.ping(target)).isEqualTo("ping is not installed on this unit.");
        assertThat(probe.trace(target)).isEqualTo("tracepath is not installed on this unit.");
    }
}
