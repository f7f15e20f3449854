package org.imssim.firmware.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates the configuration file of SPEC §12 into an {@link ImsConfig}.
 *
 * <p>Every error is reported at once, in file order, as a {@link ConfigProblem}
 * ({@code <path>: <sentence> (line <n>)}); a configuration is returned only when there is none.
 * Warnings come separately and never stop the unit. Nothing is thrown for a bad file: an unreadable
 * file or a YAML syntax error is one error like any other.
 *
 * <p>Scalars are read as their text, so YAML 1.1's {@code on}, {@code off}, {@code yes}, {@code no}
 * stay words ({@code power-up: on}). Secrets may be written {@code ${NAME}} (any scalar: the
 * environment variable {@code NAME}, an error when unset) or as {@code password-file},
 * {@code mail-pin-file}, {@code username-file} and {@code community-file} (the file's first line).
 * No error, warning or record's {@code toString()} ever holds a secret's value. Relative paths resolve
 * against the configuration file's folder.
 */
public final class ConfigLoader {

    private static final String TEXT_NAME = "configuration";

    private ConfigLoader() {
    }

    /**
     * Loads the configuration file {@code file}.
     *
     * @param file the YAML file; relative paths in it resolve against its folder
     * @param env  the environment ({@code System::getenv} in production): {@code ${NAME}} takes {@code env.apply(NAME)}
     */
    public static ConfigResult load(Path file, Function<String, String> env) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(env, "env");
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return failed(new ConfigProblem(name, "is not UTF-8 text", 0));
        } catch (IOException | SecurityException e) {
            return failed(new ConfigProblem(name, "cannot be read; check the path and permissions", 0));
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent() != null ? absolute.getParent() : absolute;
        return load(text, folder, env, file, name);
    }

    /**
     * Loads a configuration from text, for tests and for a configuration shipped inside the jar.
     * Problems with the whole text are reported under the path {@code configuration}.
     *
     * @param yamlText the YAML text
     * @param baseDir  the folder relative paths resolve against
     * @param env      the environment: {@code ${NAME}} takes {@code env.apply(NAME)}
     */
    public static ConfigResult load(String yamlText, Path baseDir, Function<String, String> env) {
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(env, "env");
        return load(yamlText, baseDir.toAbsolutePath(), env, null, TEXT_NAME);
    }

    private static ConfigResult load(String text, Path baseDir, Function<String, String> env, Path sourceFile,
                                     String documentName) {
        Node document;
        try {
            document = compose(text);
        } catch (MarkedYAMLException e) {
            return failed(new ConfigProblem(documentName, syntaxSentence(e), lineOf(e)));
        } catch (YAMLException e) {
            return failed(new ConfigProblem(documentName, "is not valid YAML", 0));
        }
        Problems problems = new Problems();
        ReadContext ctx = new ReadContext(problems, env, baseDir);
        MappingCursor root = MappingCursor.root(document, ctx, documentName);
        ImsConfig config = new ConfigReader(ctx).read(root, sourceFile);
        return new ConfigResult(problems.hasErrors() ? null : config, problems.errors(), problems.warnings());
    }

    private static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        options.setMaxAliasesForCollections(50);
        return new Yaml(options).compose(new StringReader(text));
    }

    /** SnakeYAML's description of the problem (never the offending text around it), as a sentence. */
    private static String syntaxSentence(MarkedYAMLException e) {
        String problem = e.getProblem();
        if (problem == null || problem.isBlank()) {
            return "is not valid YAML";
        }
        return "is not valid YAML: " + problem.strip();
    }

    private static int lineOf(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? 0 : mark.getLine() + 1;
    }

    private static ConfigResult failed(ConfigProblem problem) {
        return new ConfigResult(null, List.of(problem), List.of());
    }
}
