package org.imssim.firmware.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the errors and warnings of one load, to be reported all at once in file order. */
final class Problems {

    private static final Comparator<ConfigProblem> FILE_ORDER =
            Comparator.comparingInt(ConfigProblem::line).thenComparing(ConfigProblem::path);

    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    void error(String path, String sentence, int line) {
        ConfigProblem problem = new ConfigProblem(path, sentence, line);
        if (!errors.contains(problem)) {
            errors.add(problem);
        }
    }

    void warn(String path, String sentence, int line) {
        ConfigProblem problem = new ConfigProblem(path, sentence, line);
        if (!warnings.contains(problem)) {
            warnings.add(problem);
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ConfigProblem> errors() {
        return errors.stream().sorted(FILE_ORDER).toList();
    }

    List<ConfigProblem> warnings() {
        return warnings.stream().sorted(FILE_ORDER).toList();
    }
}
