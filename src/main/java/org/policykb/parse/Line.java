package org.policykb.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of source text. {@code content} is what the line says once leading white space and Word leftovers
 * such as {@code [bookmark: _GoBack]} are skipped and trailing white space is dropped; {@code contentStart} is
 * where it begins in the text. {@code start}/{@code next} delimit the whole line including its line break.
 */
record Line(int start, int next, int lineNo, int contentStart, String content, boolean tabIndented) {
    private static final Pattern WORD_LEFTOVER = Pattern.compile("\\G\\[(?:bookmark|Hlk|_Hlk|_GoBack)[^\\]\\n]{0,80}\\]");

    boolean blank() {
        return content.isEmpty();
    }

    /** Splits text into lines on \n, \r\n and lone \r, so every character belongs to exactly one line. */
    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int lineNo = 1;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            if (next < n && text.charAt(next) == '\r') {
                next++;
            }
            if (next < n && text.charAt(next) == '\n' && (next == end || text.charAt(end) == '\r')) {
                next++;
            }
            lines.add(of(text, start, end, next, lineNo++));
            start = next;
        }
        return lines;
    }

    static Line of(String text, int start, int end, int next, int lineNo) {
        int cs = start;
        while (true) {
            while (cs < end && isSpace(text.charAt(cs))) {
                cs++;
            }
            Matcher m = WORD_LEFTOVER.matcher(text).region(cs, end);
            if (m.lookingAt()) {
                cs = m.end();
            } else {
                break;
            }
        }
        int ce = end;
        while (ce > cs && isSpace(text.charAt(ce - 1))) {
            ce--;
        }
        boolean tab = start < end && text.charAt(start) == '\t';
        return new Line(start, next, lineNo, cs, text.substring(cs, ce), tab);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\uFEFF' || c == '\r' || c == '\n';
    }
}
