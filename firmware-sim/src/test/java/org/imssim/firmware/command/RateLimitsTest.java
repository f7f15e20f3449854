package org.imssim.firmware.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.imssim.firmware.command.RateLimits.Decision;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private static final Instant MINUTE = Instant.parse("2026-11-29T15:04:00Z");
    private final RateLimits limits = new RateLimits();

    @Test
    void twentyCommandsPerAddressPerCalendarMinuteThenOneRefusalThenSilence() {
        for (int i = 0; i < 20; i++) {
            assertThat(limits.admit("bob@example.com", 1, MINUTE.plusSeconds(i))).isEqualTo(Decision.ADMIT);
        }
        assertThat(limits.admit("Bob@Example.com", 1, MINUTE.plusSeconds(30))).isEqualTo(Decision.REFUSE_WITH_REPLY);
        assertThat(limits.admit("bob@example.com", 1, MINUTE.plusSeconds(59))).isEqualTo(Decision.REFUSE_SILENTLY);
        assertThat(limits.admit("alice@example.com", 1, MINUTE.plusSeconds(59))).as("another address").isEqualTo(Decision.ADMIT);
        assertThat(limits.admit("bob@example.com", 1, MINUTE.plusSeconds(60))).as("a new calendar minute").isEqualTo(Decision.ADMIT);
    }

    @Test
    void aMessageCountsEachOfItsCommands() {
        assertThat(limits.admit("bob@example.com", 10, MINUTE)).isEqualTo(Decision.ADMIT);
        assertThat(limits.admit("bob@example.com", 10, MINUTE)).isEqualTo(Decision.ADMIT);
        assertThat(limits.admit("bob@example.com", 0, MINUTE)).as("no command still gets a reply").isEqualTo(Decision.REFUSE_WITH_REPLY);
    }

    @Test
    void aHundredRepliesPerClockHourForTheWholeUnit() {
        Instant hour = Instant.parse("2026-11-29T15:00:00Z");
        for (int i = 0; i < 100; i++) {
            assertThat(limits.admit("user" + i + "@example.com", 1, hour.plusSeconds(i))).isEqualTo(Decision.ADMIT);
        }
        assertThat(limits.admit("late@example.com", 1, hour.plusSeconds(200))).isEqualTo(Decision.REFUSE_WITH_REPLY);
        assertThat(limits.admit("other@example.com", 1, hour.plusSeconds(300))).isEqualTo(Decision.REFUSE_SILENTLY);
        assertThat(limits.admit("other@example.com", 1, hour.plusSeconds(3600))).isEqualTo(Decision.ADMIT);
    }
}
