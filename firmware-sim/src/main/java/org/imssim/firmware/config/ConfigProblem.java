package org.imssim.firmware.config;

import java.util.Objects;

/**
 * One error or warning found in a configuration file (SPEC §12).
 *
 * <p>{@code path} is the key path with 0-based list indexes ({@code powergates[0].outlets}); for a
 * problem with the whole file (unreadable, not YAML) it is the file's name. {@code sentence} never
 * contains a secret's value. {@code line} is 1-based; {@code 0} means the problem has no line (the
 * file could not be read at all).
 *
 * <p>{@link #toString()} is the text {@code check-config} prints, exactly
 * {@code <path>: <sentence> (line <n>)}, or {@code <path>: <sentence>} when there is no line.
 */
public record ConfigProblem(String path, String sentence, int line) {

    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sentence, "sentence");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (none) or 1-based, was " + line);
        }
    }

    @Override
    public String toString() {
        return line > 0 ? path + ": " + sentence + " (line " + line + ")" : path + ": " + sentence;
    }
}
