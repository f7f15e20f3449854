package org.imssim.firmware.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Top-level {@code events:} (SPEC §8).
 *
 * @param retention {@code retention}, default 90d
 */
public record EventsConfig(Duration retention) {

    public EventsConfig {
        Objects.requireNonNull(retention, "retention");
    }
}
