package org.imssim.firmware.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What every reader of one load shares: the problems found so far, the environment, the folder
 * relative paths resolve against, and the cursors opened (so that unknown keys are reported for
 * every mapping, whichever reader opened it).
 *
 * <p>Every scalar is taken as its text, never as YAML 1.1 would type it, so {@code on}, {@code off},
 * {@code yes} and {@code no} stay words. A scalar written exactly {@code ${NAME}} takes the value of
 * the environment variable {@code NAME}. The empty string and YAML's null count as not set.
 */
final class ReadContext {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    final Problems problems;
    private final Function<String, String> env;
    private final Path baseDir;
    private final List<MappingCursor> cursors = new ArrayList<>();

    ReadContext(Problems problems, Function<String, String> env, Path baseDir) {
        this.problems = problems;
        this.env = env;
        this.baseDir = baseDir;
    }

    /** The 1-based line where {@code node} starts. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    void opened(MappingCursor cursor) {
        cursors.add(cursor);
    }

    /** Reports every key no reader asked for, in every mapping opened during this load. */
    void reportUnknownKeys() {
        cursors.forEach(MappingCursor::reportUnknownKeys);
    }

    /**
     * The text of a scalar node, after {@code ${NAME}} substitution; {@code null} when not set (empty,
     * YAML null, or an environment variable that is unset — reported — or empty). A node that is not a
     * scalar is reported as {@code must be a single value}.
     */
    String text(Node node, String path) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.error(path, "must be a single value, not a list or a mapping", line(node));
            return null;
        }
        if (scalar.getTag().equals(Tag.NULL) && scalar.isPlain()) {
            return null;
        }
        String text = scalar.getValue();
        Matcher reference = ENV_REFERENCE.matcher(text);
        if (reference.matches()) {
            String name = reference.group(1);
            String value = env.apply(name);
            if (value == null) {
                problems.error(path, "needs the environment variable " + name + ", which is not set", line(node));
                return null;
            }
            text = value;
        }
        return text.isEmpty() ? null : text;
    }

    /** True when reading {@code node} as text reports an error: not a scalar, or an unset environment variable. */
    boolean failsAsText(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return true;
        }
        Matcher reference = ENV_REFERENCE.matcher(scalar.getValue());
        return reference.matches() && env.apply(reference.group(1)) == null;
    }

    /** {@code text} as a path, resolved against the configuration file's folder; null when not a path (reported). */
    Path resolve(String text, String path, int line) {
        try {
            return baseDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            problems.error(path, "must be a file or folder path", line);
            return null;
        }
    }

    /**
     * The first line of the file named by a {@code <key>-file} entry, without its line ending; null
     * when the file cannot be read or its first line is empty (both reported, never with the content).
     */
    String firstLineOf(String fileText, String path, int line) {
        Path file = resolve(fileText, path, line);
        if (file == null) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            problems.error(path, "names a file that cannot be read; check the path and permissions", line);
            return null;
        }
        String first = lines.isEmpty() ? "" : lines.get(0);
        if (first.isEmpty()) {
            problems.error(path, "names a file whose first line is empty", line);
            return null;
        }
        return first;
    }
}
