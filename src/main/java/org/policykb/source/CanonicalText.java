package org.policykb.source;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text a reader sees in a web page or a Word document, written the way the plain-text parser reads text
 * files: one paragraph per line; a table as one tab-indented cell per line with a blank line after each row
 * (a cell's further lines follow without a tab), as word processors flatten tables; and the header the
 * format carries (a portal's 发文字号 table, meta tags) in front as YAML front matter with the keys Markdown
 * uses, plus {@code titleHint} for a title the parser takes only when the text's head gives none (a page
 * heading outside the body, a Word file's stored title). Not thread-safe: one per document.
 */
final class CanonicalText {
    /** Values that YAML would read as something else unless quoted. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile("^[\"'\\[\\]{}>|*&!%@#`,?:-]|[\"']$|: | #|:$|\\\\");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private final Map<String, String> frontMatter = new LinkedHashMap<>();
    private final StringBuilder body = new StringBuilder();

    /** Sets a front matter value unless one is already set: callers offer their sources best first. */
    CanonicalText meta(String key, String value) {
        String v = value == null ? "" : value.replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
        if (!v.isEmpty()) {
            frontMatter.putIfAbsent(key, v);
        }
        return this;
    }

    CanonicalText date(LocalDate date) {
        return meta("date", date.toString());
    }

    boolean hasMeta(String key) {
        return frontMatter.containsKey(key);
    }

    /** A paragraph; a line break inside it starts a new line. Empty lines are dropped. */
    CanonicalText paragraph(String text) {
        for (String line : lines(text)) {
            body.append(line).append('\n');
        }
        return this;
    }

    /**
     * A table, row by row, each cell's text possibly over several lines. Empty cells are left out: an empty
     * line would end the row.
     */
    CanonicalText table(List<List<String>> rows) {
        List<List<String>> cells = rows.stream()
                .map(row -> row.stream().filter(cell -> !lines(cell).isEmpty()).toList())
                .filter(row -> !row.isEmpty())
                .toList();
        if (cells.size() > 1 && cells.getFirst().size() == 1 && cells.get(1).size() > 1) {
            // A first row that spans the table is its caption (表2 …), written above it as a word processor would.
            paragraph(cells.getFirst().getFirst());
            cells = cells.subList(1, cells.size());
        }
        for (List<String> row : cells) {
            for (String cell : row) {
                List<String> lines = lines(cell);
                body.append('\t').append(lines.getFirst()).append('\n');
                lines.subList(1, lines.size()).forEach(more -> body.append(more).append('\n'));
            }
            body.append('\n'); // a blank line ends the row, and after the last row the table
        }
        return this;
    }

    boolean hasBody() {
        return !body.isEmpty();
    }

    String body() {
        return body.toString();
    }

    /** The front matter block, then the body. */
    String text() {
        if (frontMatter.isEmpty()) {
            return body.toString();
        }
        StringBuilder out = new StringBuilder("---\n");
        frontMatter.forEach((key, value) -> out.append(key).append(": ").append(yamlValue(value)).append('\n'));
        return out.append("---\n").append(body).toString();
    }

    /**
     * A value as YAML reads it back (flexmark's front matter visitor, checked by SnakeYAML): plain when it can be,
     * else in single quotes (no escapes in them), else in double quotes with {@code \"} for a quote.
     */
    private static String yamlValue(String value) {
        if (!NEEDS_QUOTES.matcher(value).find()) {
            return value;
        }
        if (value.indexOf('\'') < 0) {
            return "'" + value + "'";
        }
        return "\"" + value.replace("\\", "＼").replace("\"", "\\\"") + "\"";
    }

    /** The lines of {@code text}, each without white space at either end, empty ones dropped. */
    private static List<String> lines(String text) {
        return LINE_BREAK.splitAsStream(text)
                .map(CanonicalText::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** Strips spaces, tabs, ideographic spaces and no-break spaces, which String.strip() leaves in part. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }
}
