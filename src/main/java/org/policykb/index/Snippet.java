package org.policykb.index;

import java.util.List;

/** A stretch of an item's text with the query's matches marked as [start, end) character ranges in it. */
public record Snippet(String text, List<Highlight> highlights) {
    public record Highlight(int start, int end) {
    }

    public Snippet {
        highlights = List.copyOf(highlights);
    }

    /** The snippet with each match wrapped in {@code open} and {@code close}, e.g. 【 and 】 or ANSI codes. */
    public String marked(String open, String close) {
        StringBuilder out = new StringBuilder(text.length() + highlights.size() * 8);
        int at = 0;
        for (Highlight h : highlights) {
            out.append(text, at, h.start()).append(open).append(text, h.start(), h.end()).append(close);
            at = h.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
