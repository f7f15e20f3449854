package org.imssim.firmware.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads configuration text in tests and shows its problems as {@code check-config} prints them. */
final class ConfigTexts {

    static final Path BASE_DIR = Path.of("/etc/imssim");

    private ConfigTexts() {
    }

    static ConfigResult load(String yaml) {
        return load(yaml, Map.of());
    }

    static ConfigResult load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(yaml, BASE_DIR, env::get);
    }

    /** The errors of {@code yaml}, as printed. */
    static List<String> errors(String yaml) {
        return load(yaml).errors().stream().map(ConfigProblem::toString).toList();
    }

    /** The warnings of {@code yaml}, as printed; fails when it has errors. */
    static List<String> warnings(String yaml) {
        ConfigResult result = load(yaml);
        if (!result.ok()) {
            throw new AssertionError("unexpected errors: " + result.errors());
        }
        return result.warnings().stream().map(ConfigProblem::toString).toList();
    }

    /** The configuration of {@code yaml}; fails when it has errors. */
    static ImsConfig config(String yaml) {
        ConfigResult result = load(yaml);
        if (!result.ok()) {
            throw new AssertionError("unexpected errors: " + result.errors());
        }
        return result.config();
    }

    /** Joins lines with '\n', for YAML text blocks built line by line. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
