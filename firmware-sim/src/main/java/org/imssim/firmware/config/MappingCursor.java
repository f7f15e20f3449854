package org.imssim.firmware.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML mapping of the configuration, knowing its key path and line, so that every problem
 * names both.
 *
 * <p>Each getter reports a bad value (never quoting it, since it may be a secret) and returns the
 * default, or null, instead; the load as a whole then fails. A key no getter asked for is reported
 * as {@code is not a known key} on its own line when the load ends; a key given twice, on the line
 * of the second. A cursor may stand for a mapping that was not written (its line is then its
 * parent's), so that defaults and {@code is required} come out of the same code.
 */
final class MappingCursor {

    /** One element of a list, with its path ({@code inputs[2]}) and line. */
    record Item(Node node, String path, int line) {
    }

    /** One entry of a mapping whose keys are free (a schedule, simulated hosts). */
    record Entry(String key, int keyLine, Node value, String path) {
    }

    private final ReadContext ctx;
    private final String path;
    private final int line;
    private final boolean written;
    /** Stands for a value that was not a mapping (already reported): no {@code is required} inside it. */
    private final boolean quiet;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> asked = new HashSet<>();

    private MappingCursor(ReadContext ctx, String path, int line, MappingNode node, boolean quiet) {
        this.ctx = ctx;
        this.path = path;
        this.line = line;
        this.written = node != null;
        this.quiet = quiet;
        if (node != null) {
            collectEntries(node);
        }
        ctx.opened(this);
    }

    /** The document's top mapping; an empty document is an empty mapping at line 1. */
    static MappingCursor root(Node node, ReadContext ctx, String documentName) {
        if (node == null) {
            return new MappingCursor(ctx, "", 1, null, false);
        }
        if (!(node instanceof MappingNode mapping)) {
            ctx.problems.error(documentName, "must be a mapping of keys such as unit:", ReadContext.line(node));
            return new MappingCursor(ctx, "", ReadContext.line(node), null, true);
        }
        return new MappingCursor(ctx, "", ReadContext.line(node), mapping, false);
    }

    /** The mapping written at {@code node} (reported when it is not a mapping). */
    static MappingCursor of(Node node, String path, ReadContext ctx) {
        if (node instanceof MappingNode mapping) {
            return new MappingCursor(ctx, path, ReadContext.line(node), mapping, false);
        }
        boolean unset = node instanceof ScalarNode scalar
                && (scalar.getValue().isEmpty() || scalar.getTag().equals(Tag.NULL) && scalar.isPlain());
        if (!unset) {
            ctx.problems.error(path, "must be a mapping of keys and values", ReadContext.line(node));
        }
        return new MappingCursor(ctx, path, ReadContext.line(node), null, !unset);
    }

    private void collectEntries(MappingNode node) {
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey) || scalarKey.getValue().isEmpty()) {
                ctx.problems.error(path.isEmpty() ? "(key)" : path, "keys must be plain words", ReadContext.line(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            if (entries.containsKey(key)) {
                ctx.problems.error(pathOf(key), "is given twice", ReadContext.line(keyNode));
                continue;
            }
            entries.put(key, tuple);
        }
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    /** True when this mapping was written in the file (even empty). */
    boolean written() {
        return written;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value node of {@code key}, or null when the key is not written; marks the key as known. */
    Node raw(String key) {
        asked.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    /** True when {@code key} is written with a value (an empty value or YAML null counts as not written). */
    boolean has(String key) {
        Node node = raw(key);
        if (node == null) {
            return false;
        }
        if (node instanceof ScalarNode scalar) {
            return !scalar.getValue().isEmpty() && !(scalar.getTag().equals(Tag.NULL) && scalar.isPlain());
        }
        return true;
    }

    /** The line of {@code key}'s value when written, else this mapping's line (where a missing key is reported). */
    int lineOf(String key) {
        Node node = raw(key);
        return node == null ? line : ReadContext.line(node);
    }

    /** The line of the key itself when written, else this mapping's line. */
    int keyLineOf(String key) {
        asked.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line : ReadContext.line(tuple.getKeyNode());
    }

    void error(String key, String sentence) {
        ctx.problems.error(pathOf(key), sentence, lineOf(key));
    }

    void warn(String key, String sentence) {
        ctx.problems.warn(pathOf(key), sentence, lineOf(key));
    }

    /** Reports a key that is written but does not apply here; the key counts as known. */
    void rejectIfWritten(String key, String sentence) {
        asked.add(key);
        if (entries.containsKey(key)) {
            ctx.problems.error(pathOf(key), sentence, keyLineOf(key));
        }
    }

    // ---- scalars ----------------------------------------------------------------------------

    /** The text of {@code key}, or null when not written or empty. */
    String text(String key) {
        Node node = raw(key);
        return node == null ? null : ctx.text(node, pathOf(key));
    }

    /** The text of a required key; reports {@code is required} and returns null when missing. */
    String required(String key) {
        Node node = raw(key);
        if (node == null) {
            reportMissing(key);
            return null;
        }
        String text = ctx.text(node, pathOf(key));
        if (text == null && !alreadyReported(node)) {
            ctx.problems.error(pathOf(key), "is required", ReadContext.line(node));
        }
        return text;
    }

    void reportMissing(String key) {
        if (!quiet) {
            ctx.problems.error(pathOf(key), "is required", line);
        }
    }

    /** True when reading {@code node} as text has already produced an error (not a scalar, or an unset variable). */
    private boolean alreadyReported(Node node) {
        return ctx.failsAsText(node);
    }

    Integer integer(String key, Integer dflt) {
        String text = text(key);
        if (text == null) {
            return dflt;
        }
        OptionalInt value = ValueSyntax.integer(text);
        if (value.isEmpty()) {
            error(key, ValueSyntax.WHOLE_NUMBER_SENTENCE);
            return dflt;
        }
        return value.getAsInt();
    }

    /** A whole number from {@code min} to {@code max}; otherwise reported as {@code must be <min> to <max>}. */
    Integer integerIn(String key, Integer dflt, int min, int max) {
        Integer value = integer(key, null);
        if (value == null) {
            return dflt;
        }
        if (value < min || value > max) {
            error(key, "must be " + min + " to " + max);
            return dflt;
        }
        return value;
    }

    Integer requiredIntegerIn(String key, int min, int max) {
        if (!has(key)) {
            required(key);
            return null;
        }
        return integerIn(key, null, min, max);
    }

    Integer integerAtLeast(String key, int dflt, int min) {
        Integer value = integer(key, null);
        if (value == null) {
            return dflt;
        }
        if (value < min) {
            error(key, "must be at least " + min);
            return dflt;
        }
        return value;
    }

    /** A decimal number, or null when not written (or bad, reported). */
    Double number(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        OptionalDouble value = ValueSyntax.number(text);
        if (value.isEmpty()) {
            error(key, ValueSyntax.NUMBER_SENTENCE);
            return null;
        }
        return value.getAsDouble();
    }

    boolean bool(String key, boolean dflt) {
        String text = text(key);
        if (text == null) {
            return dflt;
        }
        Optional<Boolean> value = ValueSyntax.bool(text);
        if (value.isEmpty()) {
            error(key, ValueSyntax.BOOLEAN_SENTENCE);
            return dflt;
        }
        return value.get();
    }

    /** A duration ({@code 0} or {@code <integer><ms|s|m|h|d>}); {@code dflt} (may be null) when not written. */
    Duration duration(String key, Duration dflt) {
        String text = text(key);
        if (text == null) {
            return dflt;
        }
        Optional<Duration> value = ValueSyntax.duration(text);
        if (value.isEmpty()) {
            error(key, ValueSyntax.DURATION_SENTENCE);
            return dflt;
        }
        return value.get();
    }

    /** A duration of at least {@code min}, reported as {@code must be at least <minWords>}. */
    Duration durationAtLeast(String key, Duration dflt, Duration min, String minWords) {
        Duration value = duration(key, null);
        if (value == null) {
            return dflt;
        }
        if (value.compareTo(min) < 0) {
            error(key, "must be at least " + minWords);
            return dflt;
        }
        return value;
    }

    /** A duration longer than zero. */
    Duration positiveDuration(String key, Duration dflt) {
        Duration value = duration(key, null);
        if (value == null) {
            return dflt;
        }
        if (value.isZero()) {
            error(key, "must be longer than 0");
            return dflt;
        }
        return value;
    }

    /** One of an enum's constants, written as its lower-case name with {@code -} for {@code _}. */
    <E extends Enum<E>> E choice(String key, E dflt, Class<E> type) {
        return choice(key, dflt, Arrays.asList(type.getEnumConstants()), MappingCursor::token);
    }

    /** One of {@code options}, written exactly as {@code token} spells it. */
    <E> E choice(String key, E dflt, List<E> options, Function<E, String> token) {
        String text = text(key);
        if (text == null) {
            return dflt;
        }
        for (E option : options) {
            if (token.apply(option).equals(text)) {
                return option;
            }
        }
        error(key, oneOf(options, token));
        return dflt;
    }

    static <E> String oneOf(List<E> options, Function<E, String> token) {
        return "must be one of: " + options.stream().map(token).collect(Collectors.joining(", "));
    }

    /** The configuration token of an enum constant: {@code USB_RELAY} is {@code usb-relay}. */
    static String token(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A secret written as {@code key} (possibly {@code ${NAME}}) or as {@code key-file} (the file's
     * first line); null when neither is written. Giving both is an error.
     */
    String secret(String key) {
        String fileKey = key + "-file";
        boolean direct = has(key);
        boolean fromFile = has(fileKey);
        if (direct && fromFile) {
            ctx.problems.error(pathOf(fileKey), "must not be given together with " + key, keyLineOf(fileKey));
            return null;
        }
        if (fromFile) {
            String fileText = text(fileKey);
            return fileText == null ? null : ctx.firstLineOf(fileText, pathOf(fileKey), lineOf(fileKey));
        }
        return text(key);
    }

    /** A required secret: {@code key} or {@code key-file} must be written. */
    String requiredSecret(String key) {
        if (!has(key) && !has(key + "-file")) {
            return required(key);
        }
        return secret(key);
    }

    /** A path resolved against the configuration file's folder; {@code dflt} (may be null) is resolved too. */
    Path path(String key, String dflt) {
        String text = text(key);
        if (text == null) {
            return dflt == null ? null : ctx.resolve(dflt, pathOf(key), line);
        }
        return ctx.resolve(text, pathOf(key), lineOf(key));
    }

    // ---- nested ------------------------------------------------------------------------------

    /** The mapping under {@code key}; a cursor over nothing (at this mapping's line) when not written. */
    MappingCursor child(String key) {
        Node node = raw(key);
        if (node == null) {
            return new MappingCursor(ctx, pathOf(key), line, null, quiet);
        }
        return of(node, pathOf(key), ctx);
    }

    /** The elements of the list under {@code key}; empty when not written, or when not a list (reported). */
    List<Item> items(String key) {
        Node node = raw(key);
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode scalar && (scalar.getValue().isEmpty() || scalar.getTag().equals(Tag.NULL))) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            error(key, "must be a list");
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        List<Node> elements = sequence.getValue();
        for (int i = 0; i < elements.size(); i++) {
            Node element = elements.get(i);
            items.add(new Item(element, pathOf(key) + "[" + i + "]", ReadContext.line(element)));
        }
        return items;
    }

    /** The elements of the list under {@code key} read as mappings. */
    List<MappingCursor> mappings(String key) {
        return items(key).stream().map(item -> of(item.node(), item.path(), ctx)).toList();
    }

    /** The texts of the list under {@code key}; an empty element is reported as {@code must not be empty}. */
    List<String> texts(String key) {
        List<String> texts = new ArrayList<>();
        for (Item item : items(key)) {
            String text = ctx.text(item.node(), item.path());
            if (text != null) {
                texts.add(text);
            } else if (!alreadyReported(item.node())) {
                ctx.problems.error(item.path(), "must not be empty", item.line());
            }
        }
        return texts;
    }

    /** Every entry of this mapping, for mappings whose keys are free; all keys count as known. */
    List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        entries.forEach((key, tuple) -> {
            asked.add(key);
            all.add(new Entry(key, ReadContext.line(tuple.getKeyNode()), tuple.getValueNode(), pathOf(key)));
        });
        return all;
    }

    void reportUnknownKeys() {
        entries.forEach((key, tuple) -> {
            if (!asked.contains(key)) {
                ctx.problems.error(pathOf(key), "is not a known key", ReadContext.line(tuple.getKeyNode()));
            }
        });
    }
}
