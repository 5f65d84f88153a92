package org.policykb.source;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a reader sees of an HTML element, as {@link CanonicalText}: block elements and {@code <br>} end lines,
 * white space collapses as a browser collapses it, styling is dropped, and data tables become flattened tables
 * while layout tables are read as the blocks they hold.
 */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dd", "dt", "blockquote", "section", "article", "main", "center", "address", "figure", "figcaption",
            "hr", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "table", "form", "fieldset", "legend",
            "details", "summary", "body", "html", "pre");
    /** A table cell this long is a column of a page layout, not a cell of the document's table. */
    private static final int LAYOUT_CELL_HAN = 1500;

    private HtmlText() {
    }

    static void write(Element root, CanonicalText out) {
        new Writer(out).block(root);
    }

    /** The element's text with a line break between its blocks. */
    static String lines(Element element) {
        Writer writer = new Writer(null);
        writer.block(element);
        return String.join("\n", writer.collected);
    }

    private static final class Writer {
        private final CanonicalText out;
        private final List<String> collected = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        /** A newline in collapsed white space; whether it becomes a space depends on the next character. */
        private boolean pendingSpace;
        private boolean pendingSegmentBreak;

        Writer(CanonicalText out) {
            this.out = out;
        }

        void block(Element element) {
            flush();
            children(element);
            flush();
        }

        private void children(Element element) {
            for (Node child : element.childNodes()) {
                switch (child) {
                    case TextNode text -> text(text, isPre(element));
                    case Element e -> element(e);
                    default -> { }
                }
            }
        }

        private void element(Element e) {
            String tag = e.normalName();
            switch (tag) {
                case "br" -> {
                    pendingSpace = false;
                    pendingSegmentBreak = false;
                    line.append('\n');
                }
                case "img", "input", "select", "button", "textarea", "script", "style", "noscript", "template" -> { }
                case "table" -> table(e);
                case "pre" -> block(e);
                default -> {
                    if (BLOCKS.contains(tag)) {
                        block(e);
                    } else {
                        children(e);
                    }
                }
            }
        }

        private void text(TextNode node, boolean pre) {
            String s = node.getWholeText();
            if (pre) {
                line.append(s.replace('\u00A0', ' '));
                return;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    pendingSpace = true;
                    pendingSegmentBreak |= c == '\n' || c == '\r';
                    continue;
                }
                if (pendingSpace && !line.isEmpty() && line.charAt(line.length() - 1) != '\n') {
                    // A line break in the source next to a Chinese character is no space (CSS Text's segment break
                    // rule, widened to a Chinese character on either side: Word wraps 「新建\n3处」 mid-sentence).
                    if (!(pendingSegmentBreak && (isWide(line.charAt(line.length() - 1)) || isWide(c)))) {
                        line.append(' ');
                    }
                }
                pendingSpace = false;
                pendingSegmentBreak = false;
                line.append(c == '\u00A0' ? ' ' : c); // a no-break space is kept, as a browser keeps it
            }
        }

        private void table(Element table) {
            List<List<Element>> rows = rows(table);
            if (isLayout(table, rows)) {
                block(table);
                return;
            }
            flush();
            for (Element caption : table.children()) {
                if (caption.normalName().equals("caption")) {
                    emit(lines(caption));
                }
            }
            List<List<String>> cells = rows.stream().map(row -> row.stream().map(HtmlText::lines).toList()).toList();
            if (out != null) {
                out.table(cells);
            } else {
                cells.forEach(row -> row.forEach(this::emit));
            }
        }

        private void flush() {
            if (!line.isEmpty()) {
                emit(line.toString());
                line.setLength(0);
            }
            pendingSpace = false;
            pendingSegmentBreak = false;
        }

        private void emit(String text) {
            if (out != null) {
                out.paragraph(text);
            } else {
                for (String l : text.split("\n")) {
                    String stripped = CanonicalText.strip(l);
                    if (!stripped.isEmpty()) {
                        collected.add(stripped);
                    }
                }
            }
        }
    }

    /** The table's own rows (not those of tables inside it), each as its cells. */
    private static List<List<Element>> rows(Element table) {
        List<List<Element>> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            List<Element> cells = tr.children().stream().filter(c -> c.normalName().equals("td") || c.normalName().equals("th")).toList();
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return rows;
    }

    /** One column, tables inside cells, or a cell as long as a page: the table lays out the page. */
    private static boolean isLayout(Element table, List<List<Element>> rows) {
        if (rows.isEmpty() || rows.stream().allMatch(row -> row.size() < 2)) {
            return true;
        }
        if (!table.select("table table").isEmpty() || table.selectFirst("td table, th table") != null) {
            return true;
        }
        return rows.stream().flatMap(List::stream).anyMatch(cell -> han(cell.text()) > LAYOUT_CELL_HAN);
    }

    private static boolean isPre(Element element) {
        return element.closest("pre") != null;
    }

    static int han(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                n++;
            }
        }
        return n;
    }

    /** Chinese characters and full-width punctuation, between which a source line break is no space. */
    private static boolean isWide(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.HAN) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '…' || c == '—';
    }
}
