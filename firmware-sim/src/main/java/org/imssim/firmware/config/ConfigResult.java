package org.imssim.firmware.config;

import java.util.List;

/**
 * The outcome of loading a configuration: the configuration when it has no error, every error at
 * once in file order (by line, then path), and the warnings, which never stop the unit.
 *
 * @param config   the loaded configuration; {@code null} exactly when {@code errors} is not empty
 * @param errors   the errors in file order; empty when the configuration loaded
 * @param warnings the warnings in file order ({@code check-config} prints them, the unit logs them at start)
 */
public record ConfigResult(ImsConfig config, List<ConfigProblem> errors, List<ConfigProblem> warnings) {

    public ConfigResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (errors.isEmpty() == (config == null)) {
            throw new IllegalArgumentException("a result holds a configuration exactly when it has no error");
        }
    }

    /** True when the configuration loaded without error (warnings aside). */
    public boolean ok() {
        return errors.isEmpty();
    }
}
