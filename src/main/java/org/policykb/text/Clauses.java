package org.policykb.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences (ended by 。！？；) and sentences into clauses (separated by ，：, outside of
 * brackets and quotes), keeping offsets into the original text.
 */
public final class Clauses {
    private Clauses() {
    }

    /** A piece of text: {@code [start, end)} in the text it was cut from, trimmed of white space. */
    public record Piece(int start, int end, String text) {
    }

    public static List<Piece> sentences(String text, int from, int to) {
        return split(text, from, to, "。！？；!?;\n");
    }

    public static List<Piece> clauses(String text, int from, int to) {
        return split(text, from, to, "。！？；!?;\n，,：:");
    }

    private static List<Piece> split(String text, int from, int to, String separators) {
        List<Piece> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '（' || c == '(' || c == '“' || c == '《' || c == '「' || c == '【' || c == '[') {
                depth++;
            } else if ((c == '）' || c == ')' || c == '”' || c == '》' || c == '」' || c == '】' || c == ']') && depth > 0) {
                depth--;
            } else if (c == '\n') {
                depth = 0;
            }
            boolean ratio = (c == ':' || c == '：') && i > from && i + 1 < to
                    && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
            if ((depth == 0 || c == '\n') && separators.indexOf(c) >= 0 && !ratio) {
                add(out, text, start, i);
                start = i + 1;
            }
        }
        add(out, text, start, to);
        return out;
    }

    private static void add(List<Piece> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Piece(start, end, text.substring(start, end)));
        }
    }
}
