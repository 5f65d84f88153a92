package org.policykb.text;

/**
 * Where a YAML front matter block ends: it opens with a {@code ---} first line and closes with the next line that is
 * {@code ---} or {@code ...}. Markdown files carry one, and the canonical text of web pages and Word documents
 * starts with one; the parser reads it and the pages leave it out, by this one rule.
 */
public final class FrontMatterBlock {
    private FrontMatterBlock() {
    }

    /** The offset just past the closing line, or -1 when the text opens no block or never closes it. */
    public static int end(String text) {
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            return -1;
        }
        for (int start = text.indexOf('\n') + 1; start > 0 && start < text.length(); ) {
            int nl = text.indexOf('\n', start);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(start, lineEnd).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return nl < 0 ? text.length() : nl + 1;
            }
            start = nl + 1;
        }
        return -1;
    }
}
