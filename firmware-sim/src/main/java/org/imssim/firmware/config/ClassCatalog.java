package org.imssim.firmware.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The classes a configuration may name: the manual's eleven and those listed under top-level {@code classes:}. */
final class ClassCatalog {

    static final String UNKNOWN_CLASS = "must be one of the manual's classes or one listed under classes:";

    private final List<String> custom;
    private final Set<String> known;

    private ClassCatalog(List<String> custom) {
        this.custom = List.copyOf(custom);
        this.known = new HashSet<>(AlarmClasses.MANUAL);
        this.known.addAll(custom);
    }

    /** Reads top-level {@code classes:}: each named once, none of the manual's, at most 64 classes in all. */
    static ClassCatalog read(MappingCursor root, ReadContext ctx) {
        List<String> custom = new ArrayList<>();
        int maxCustom = AlarmClasses.MAX_CLASSES - AlarmClasses.MANUAL.size();
        for (MappingCursor.Item item : root.items("classes")) {
            String name = ctx.text(item.node(), item.path());
            if (name == null) {
                if (!ctx.failsAsText(item.node())) {
                    ctx.problems.error(item.path(), "must not be empty", item.line());
                }
            } else if (AlarmClasses.MANUAL.contains(name)) {
                ctx.problems.error(item.path(), "is one of the manual's classes already; list only your own", item.line());
            } else if (custom.contains(name)) {
                ctx.problems.error(item.path(), "is listed twice", item.line());
            } else if (custom.size() == maxCustom) {
                ctx.problems.error(item.path(), "is one too many: a unit has at most " + AlarmClasses.MAX_CLASSES
                        + " classes, the manual's " + AlarmClasses.MANUAL.size() + " included", item.line());
            } else {
                custom.add(name);
            }
        }
        return new ClassCatalog(custom);
    }

    List<String> custom() {
        return custom;
    }

    boolean knows(String className) {
        return known.contains(className);
    }

    /** Reads a {@code class} key; {@code dflt} (may be null) when not written. */
    String readClass(MappingCursor m, String key, String dflt) {
        String name = m.text(key);
        if (name == null) {
            return dflt;
        }
        if (!knows(name)) {
            m.error(key, UNKNOWN_CLASS);
            return dflt;
        }
        return name;
    }

    /** Reads a list of classes, such as a profile's {@code classes}. */
    List<String> readClasses(MappingCursor m, String key, ReadContext ctx) {
        List<String> names = new ArrayList<>();
        for (MappingCursor.Item item : m.items(key)) {
            String name = ctx.text(item.node(), item.path());
            if (name == null) {
                if (!ctx.failsAsText(item.node())) {
                    ctx.problems.error(item.path(), "must not be empty", item.line());
                }
            } else if (!knows(name)) {
                ctx.problems.error(item.path(), UNKNOWN_CLASS, item.line());
            } else if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
