package org.imssim.firmware.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An input's {@code onewire:}, for {@code backend: onewire}: a DS18B20 temperature probe read from
 * the Linux 1-Wire files (SPEC §11).
 *
 * @param id  {@code id}, required: the probe's 1-Wire id, such as {@code 28-0123456789ab}
 * @param dir {@code dir}, default {@code /sys/bus/w1/devices}, resolved against the configuration file's folder
 */
public record OneWireConfig(String id, Path dir) {

    public OneWireConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dir, "dir");
    }
}
