package org.imssim.firmware.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting for real I/O that the unit does on its own threads (SMTP, POP3, the store): checks at
 * once and then every few milliseconds, not after Awaitility's default 100 ms.
 */
public final class Soon {

    private Soon() {
    }

    /** Up to 5 s. */
    public static ConditionFactory soon() {
        return within(Duration.ofSeconds(5));
    }

    public static ConditionFactory within(Duration atMost) {
        return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }
}
