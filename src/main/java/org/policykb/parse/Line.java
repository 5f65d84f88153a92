package org.policykb.parse;

import java.util.ArrayList;
import java.util.List;

import org.policykb.text.WordLeftovers;

/**
 * One line of source text. {@code content} is what the line says once leading white space and Word leftovers
 * such as {@code [bookmark: _GoBack]} are skipped and trailing white space is dropped; {@code contentStart} is
 * where it begins in the text. {@code start}/{@code next} delimit the whole line including its line break.
 */
record Line(int start, int next, int lineNo, int contentStart, String content, boolean tabIndented) {

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
            int skipped = WordLeftovers.skip(text, cs, end);
            if (skipped == cs) {
                break;
            }
            cs = skipped;
        }
        int ce = end;
        while (ce > cs && isSpace(text.charAt(ce - 1))) {
            ce--;
        }
        boolean tab = start < end && text.charAt(start) == '\t';
        // A leftover inside the line (「加强队伍建设[bookmark: _Hlk1]。」) is dropped from what the line says.
        return new Line(start, next, lineNo, cs, WordLeftovers.remove(text.substring(cs, ce)), tab);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\uFEFF' || c == '\r' || c == '\n';
    }
}
