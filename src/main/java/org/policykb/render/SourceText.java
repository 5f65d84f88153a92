package org.policykb.render;

import org.policykb.model.Section;

import java.util.ArrayList;
import java.util.List;

/** Reading the source text around spans: headings, paragraphs (lines) and white space, full-width included. */
final class SourceText {
    private SourceText() {
    }

    /**
     * How a section's text begins: with a heading line of its own (the body starts after it), with a run-in
     * heading (its words end at {@code runInEnd} inside the first paragraph), or with neither, when the heading
     * as parsed is not found at the start (it is then shown as a heading above the whole text).
     */
    record Heading(boolean shown, int bodyStart, int runInEnd) {
    }

    static int clamp(int offset, String text) {
        return Math.max(0, Math.min(offset, text.length()));
    }

    static Heading heading(Section section, String text, int start, int end) {
        if (section.level() == 0) {
            return new Heading(false, Math.min(end, Math.max(start, frontMatterEnd(text))), -1);
        }
        String number = section.number() == null ? "" : section.number();
        String title = section.title() == null ? "" : section.title();
        int lineEnd = text.indexOf('\n', start);
        lineEnd = lineEnd < 0 || lineEnd > end ? end : lineEnd;
        int matched = matchIgnoringSpace(text, start, lineEnd, number + title);
        if (matched < 0 && !number.isEmpty()) {
            matched = matchIgnoringSpace(text, start, lineEnd, title);
        }
        if (matched < 0) {
            return new Heading(true, start, -1);
        }
        return text.substring(matched, lineEnd).isBlank() ? new Heading(true, lineEnd, -1) : new Heading(false, start, matched);
    }

    /**
     * Where a leading front matter block ({@code ---} … {@code ---}, as Markdown files and the canonical text of
     * web pages and Word documents open) ends: it is the document's metadata, shown in the page head, not text.
     */
    static int frontMatterEnd(String text) {
        return Math.max(0, org.policykb.text.FrontMatterBlock.end(text));
    }

    /** The offset just after {@code expected} if the text from {@code from} starts with it, white space aside. */
    private static int matchIgnoringSpace(String text, int from, int to, String expected) {
        String want = expected.replaceAll("[\\s\\u3000]", "");
        if (want.isEmpty()) {
            return -1;
        }
        int i = from;
        int j = 0;
        while (j < want.length()) {
            i = skipBlank(text, i, to);
            if (i >= to || text.charAt(i) != want.charAt(j)) {
                return -1;
            }
            i++;
            j++;
        }
        return i;
    }

    /** Past white space and Word leftovers ({@code [bookmark: _GoBack]}), which are not what a document says. */
    private static int skipBlank(String text, int from, int to) {
        int i = from;
        while (i < to) {
            if (isSpace(text.charAt(i))) {
                i++;
            } else {
                int past = org.policykb.text.WordLeftovers.skip(text, i, to);
                if (past == i) {
                    break;
                }
                i = past;
            }
        }
        return i;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Paragraph ranges: the lines of [from, to) without surrounding white space, blank lines dropped. */
    static List<int[]> paragraphs(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int lineStart = from;
        while (lineStart < to) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 || lineEnd > to ? to : lineEnd;
            int s = lineStart;
            int e = lineEnd;
            while (s < e && isSpace(text.charAt(s))) {
                s++;
            }
            while (e > s && isSpace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                out.add(new int[]{s, e});
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    static String squeeze(String s) {
        return s.replaceAll("[\\s\\u3000]", "");
    }
}
