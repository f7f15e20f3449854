package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.imssim.devices.unit.InputAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Min and max since start or reset, and the calibrated reading the engine judges (SPEC §3, §4). */
class MinMaxAndCalibrationTest {

    static final String CONFIG = """
            unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
            inputs:
              - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, calibration: -2,
                 backend: mock, initial: 74}
              - {channel: 2, type: water, name: Leak, backend: mock}
            """;
    private static final InputAddress ROOM_TEMP = InputAddress.parse("host/1");

    private final AlarmBench bench = AlarmBench.start(CONFIG);

    @AfterEach
    void close() {
        bench.close();
    }

    @Test
    void theEngineJudgesTheCalibratedReading() {
        bench.set("host/1", 87.0);
        bench.advance(Duration.ofMinutes(2));
        assertThat(bench.state("host/1")).as("87.0 raw is 85.0 calibrated: in range").isEqualTo(AlarmState.NORMAL);

        bench.set("host/1", 87.6);
        bench.advance(Duration.ofSeconds(60));

        assertThat(bench.events()).containsExactly("Alarm: Room Temp High 85.6 F");
    }

    @Test
    void minAndMaxAreKeptSinceStartAndSinceReset() {
        assertThat(minMax()).isEqualTo(new MinMax(72, 72, "F"));
        bench.set("host/1", 62);
        bench.set("host/1", 92.5);
        bench.set("host/1", 77);

        MinMax seen = minMax();
        assertThat(seen).isEqualTo(new MinMax(60, 90.5, "F"));
        assertThat(seen.minText()).isEqualTo("60.0 F");
        assertThat(seen.maxText()).isEqualTo("90.5 F");

        bench.onLoop(() -> {
            bench.engine().resetMinMax(ROOM_TEMP);
            return null;
        });
        assertThat(minMax()).isEqualTo(new MinMax(75, 75, "F"));
        bench.set("host/1", 72);
        assertThat(minMax()).isEqualTo(new MinMax(70, 75, "F"));
    }

    @Test
    void aBinaryInputHasNoMinOrMax() {
        bench.set("host/2", "wet");

        assertThat(bench.onLoop(() -> bench.engine().minMax(InputAddress.parse("host/2")))).isEmpty();
    }

    private MinMax minMax() {
        return bench.onLoop(() -> bench.engine().minMax(ROOM_TEMP)).orElseThrow();
    }
}
