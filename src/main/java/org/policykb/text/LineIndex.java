package org.policykb.text;

import java.util.Arrays;

/** Line numbers of offsets in a text, by binary search over the line starts (\n, \r\n and lone \r end a line). */
public final class LineIndex {
    private final int[] starts;

    public LineIndex(CharSequence text) {
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
    }

    /** The 1-based line the character at {@code offset} stands on. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
