package org.imssim.firmware.config;

import java.util.List;
import java.util.Objects;

/**
 * A PowerGate's {@code gpio:}, for {@code backend: gpio}: one relay pin per outlet (SPEC §11).
 *
 * @param pins   {@code pins}, required: BCM GPIO numbers, outlet 1 first, as many as outlets; each unique
 *               across the whole configuration
 * @param active {@code active}, default low: which level energises a relay
 */
public record GpioOutletsConfig(List<Integer> pins, ActiveLevel active) {

    public GpioOutletsConfig {
        pins = List.copyOf(pins);
        Objects.requireNonNull(active, "active");
    }
}
