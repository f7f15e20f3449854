package org.imssim.firmware.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Top-level {@code storage:}.
 *
 * @param dir {@code dir}, default {@code ./imssim-data}, resolved against the configuration file's folder:
 *            history, outbox, seen mail, datalog, outlet states
 */
public record StorageConfig(Path dir) {

    public StorageConfig {
        Objects.requireNonNull(dir, "dir");
    }
}
