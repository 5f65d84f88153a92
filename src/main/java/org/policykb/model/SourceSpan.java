package org.policykb.model;

/**
 * A half-open range {@code [start, end)} of characters in a document's decoded text, with the 1-based line
 * on which it starts, so that a problem or an anchor can always point back to the source.
 */
public record SourceSpan(int start, int end, int line) {
    public SourceSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Invalid span [" + start + ", " + end + ")");
        }
        if (line < 1) {
            throw new IllegalArgumentException("Line numbers start at 1, got " + line);
        }
    }

    public int length() {
        return end - start;
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
