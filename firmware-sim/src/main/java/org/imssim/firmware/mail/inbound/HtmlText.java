package org.imssim.firmware.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The lines of an HTML mail body, for mail clients (phones, mostly) that send HTML only.
 *
 * <p>Block elements ({@code p}, {@code div}, {@code li}, {@code tr}, headings, …) and
 * {@code br} end a line; table cells on a row are separated by a space; runs of white space
 * collapse as a browser shows them, except in {@code pre}; {@code script}, {@code style} and
 * the like are dropped. The content of a {@code blockquote} becomes {@code > }-quoted lines
 * (one {@code >} per level), so that quoted history in an HTML reply is cut like quoted
 * history in a text reply. Entities are decoded ({@code &nbsp;} stays U+00A0). Lines are
 * joined with {@code \n}. Never throws on any markup; jsoup walks the tree without recursion.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
            "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "tr", "ul");
    private static final Set<String> SKIPPED = Set.of(
            "head", "script", "style", "template", "title", "noscript", "object", "svg", "math");

    private HtmlText() {
    }

    /** The text of an HTML document or fragment, one line per visual line. */
    public static String toPlainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        LineWriter writer = new LineWriter();
        NodeTraversor.traverse(writer, Jsoup.parse(html).body());
        return writer.text();
    }

    /** Walks the tree and writes lines; the state is the depth of quotes, {@code pre} and skipped elements. */
    private static final class LineWriter implements NodeVisitor {
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private String linePrefix = "";
        private int quoteDepth;
        private int preDepth;
        private int skipDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (skipDepth == 0) {
                    write(text.getWholeText());
                }
            } else if (node instanceof Element element) {
                String name = element.normalName();
                if (SKIPPED.contains(name)) {
                    skipDepth++;
                } else if (skipDepth == 0) {
                    open(name);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String name = element.normalName();
                if (SKIPPED.contains(name)) {
                    skipDepth--;
                } else if (skipDepth == 0) {
                    close(name);
                }
            }
        }

        private void open(String name) {
            switch (name) {
                case "br" -> endLine(true);
                case "td", "th" -> {
                    if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                        line.append(' ');
                    }
                }
                case "blockquote" -> {
                    endLine(false);
                    quoteDepth++;
                }
                case "pre" -> {
                    endLine(false);
                    preDepth++;
                }
                default -> {
                    if (BLOCKS.contains(name)) {
                        endLine(false);
                    }
                }
            }
        }

        private void close(String name) {
            if (BLOCKS.contains(name)) {
                endLine(false);
            }
            if (name.equals("blockquote") && quoteDepth > 0) {
                quoteDepth--;
            } else if (name.equals("pre") && preDepth > 0) {
                preDepth--;
            }
        }

        private void write(String text) {
            if (preDepth > 0) {
                String[] parts = text.split("\r\n|\r|\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        endLine(true);
                    }
                    append(parts[i]);
                }
                return;
            }
            StringBuilder collapsed = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
                if (!space) {
                    collapsed.append(c);
                } else if (!endsWithSpace(collapsed) && !(collapsed.length() == 0 && atLineStartOrSpace())) {
                    collapsed.append(' ');
                }
            }
            append(collapsed.toString());
        }

        private boolean atLineStartOrSpace() {
            return line.length() == 0 || line.charAt(line.length() - 1) == ' ';
        }

        private static boolean endsWithSpace(StringBuilder s) {
            return s.length() > 0 && s.charAt(s.length() - 1) == ' ';
        }

        private void append(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (line.length() == 0) {
                linePrefix = "> ".repeat(quoteDepth);
            }
            line.append(text);
        }

        /** Ends the current line; an empty one only for {@code br} (and line breaks in {@code pre}). */
        private void endLine(boolean evenIfEmpty) {
            if (line.length() == 0 && !evenIfEmpty) {
                return;
            }
            String prefix = line.length() == 0 ? "> ".repeat(quoteDepth) : linePrefix;
            String content = preDepth > 0 ? line.toString() : line.toString().stripTrailing();
            lines.add((prefix + content).stripTrailing());
            line.setLength(0);
            linePrefix = "";
        }

        String text() {
            endLine(false);
            return String.join("\n", lines);
        }
    }
}
