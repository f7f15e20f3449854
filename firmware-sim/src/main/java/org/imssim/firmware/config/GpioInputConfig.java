package org.imssim.firmware.config;

import java.time.Duration;
import java.util.Objects;

/**
 * An input's {@code gpio:}, for {@code backend: gpio} (dry contacts, water and smoke sensors on a
 * Raspberry Pi; SPEC §11). The pin is unique across the whole configuration.
 *
 * @param pin      {@code pin}, required: the BCM GPIO number
 * @param pull     {@code pull}, default up
 * @param active   {@code active}, default low: which level means a closed contact (or wet, or smoke)
 * @param debounce {@code debounce}, default 50ms
 */
public record GpioInputConfig(int pin, Pull pull, ActiveLevel active, Duration debounce) {

    public GpioInputConfig {
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(debounce, "debounce");
    }
}
