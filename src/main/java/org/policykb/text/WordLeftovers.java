package org.policykb.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks a word processor leaves in text it exports: {@code [bookmark: _GoBack]}, {@code [bookmark: _Hlk150674455]}.
 * They are not part of what the document says, so no title, task text or page shows them; the source text keeps
 * them, so offsets and the no-text-lost tiling are untouched.
 */
public final class WordLeftovers {
    private static final Pattern LEFTOVER = Pattern.compile("\\[(?:bookmark|Hlk|_Hlk|_GoBack)[^\\]\\n\\r]{0,80}\\]");

    private WordLeftovers() {
    }

    /** The text without its leftovers; the same string when there are none. */
    public static String remove(String text) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        return LEFTOVER.matcher(text).replaceAll("");
    }

    /** The end of the leftover that starts exactly at {@code at}, or {@code at} when none does. */
    public static int skip(CharSequence text, int at, int to) {
        if (at >= to || text.charAt(at) != '[') {
            return at;
        }
        Matcher m = LEFTOVER.matcher(text).region(at, to);
        return m.lookingAt() ? m.end() : at;
    }
}
