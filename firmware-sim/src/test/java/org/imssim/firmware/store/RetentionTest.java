package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void eventsOlderThanTheRetentionAreDeletedWithinTheHour() {
        try (UnitFixture unit = UnitFixture.start("unit: {name: Lab}\nevents: {retention: 1d}\n")) {
            assertThat(unit.eventTexts()).contains("Unit started");
            unit.clock().advance(Duration.ofHours(12));
            unit.onLoop(() -> {
                unit.unit().events().record("host", EventSource.SYSTEM, "Half a day later");
                return null;
            });
            unit.clock().advance(Duration.ofHours(13));
            assertThat(unit.eventTexts()).contains("Half a day later").doesNotContain("Unit started");
        }
    }
}
