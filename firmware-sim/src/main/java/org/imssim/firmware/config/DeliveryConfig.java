package org.imssim.firmware.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Top-level {@code delivery:}, the calling rounds of an alarm (SPEC §4).
 *
 * @param intercallDelay {@code intercall-delay}, default 1m, at least 1m
 * @param maxRounds      {@code max-rounds}, default 3, at least 1
 */
public record DeliveryConfig(Duration intercallDelay, int maxRounds) {

    public DeliveryConfig {
        Objects.requireNonNull(intercallDelay, "intercallDelay");
    }
}
