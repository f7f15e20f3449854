package org.imssim.firmware.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Top-level {@code datalog:} (SPEC §9).
 *
 * @param interval  {@code interval}, default 5m: how often inputs with {@code datalog: true} are sampled
 * @param retention {@code retention}, default 30d
 */
public record DatalogConfig(Duration interval, Duration retention) {

    public DatalogConfig {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(retention, "retention");
    }
}
