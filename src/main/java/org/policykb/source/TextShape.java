package org.policykb.source;

/**
 * Counts of the kinds of character in a decoded text, to judge whether a guessed charset produced Chinese
 * prose or noise: a wrong multi-byte guess yields private-use, unassigned or foreign-script characters, and
 * a binary file yields control characters.
 *
 * @param visible    characters other than white space
 * @param han        Chinese ideographs
 * @param expected   ideographs, CJK and general punctuation, full-width forms and printable ASCII
 * @param controls   control characters other than tab, line feed, form feed and carriage return
 */
record TextShape(int visible, int han, int expected, int controls) {

    /** Share of expected characters a Chinese text must reach; allows a few Greek, Cyrillic or box-drawing signs. */
    private static final double CHINESE_SHARE = 0.9;
    /** Text files hold next to no control characters; at one in ten a file is data, not prose. */
    private static final double BINARY_CONTROL_SHARE = 0.1;

    private static final byte SPACE = 0;
    private static final byte LAYOUT_CONTROL = 1;
    private static final byte CONTROL = 2;
    private static final byte HAN = 3;
    private static final byte EXPECTED = 4;
    private static final byte OTHER = 5;
    /**
     * The kind of every character of the Basic Multilingual Plane, worked out once: asking Unicode's script and block
     * tables (two binary searches) for each of the millions of characters a large corpus holds cost a third of the
     * time it takes to read it.
     */
    private static final byte[] BMP_KINDS = bmpKinds();

    static TextShape of(CharSequence text) {
        int visible = 0;
        int han = 0;
        int expected = 0;
        int controls = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int kind;
            if (Character.isSurrogate(c)) {
                int cp = Character.codePointAt(text, i);
                i += Character.charCount(cp);
                kind = kind(cp);
            } else {
                i++;
                kind = BMP_KINDS[c];
            }
            switch (kind) {
                case CONTROL -> {
                    controls++;
                    visible++;
                }
                case HAN -> {
                    han++;
                    expected++;
                    visible++;
                }
                case EXPECTED -> {
                    expected++;
                    visible++;
                }
                case OTHER -> visible++;
                default -> {
                    // white space and line breaks count for nothing
                }
            }
        }
        return new TextShape(visible, han, expected, controls);
    }

    private static byte[] bmpKinds() {
        byte[] kinds = new byte[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            kinds[c] = kind(c);
        }
        return kinds;
    }

    private static byte kind(int cp) {
        if (Character.isISOControl(cp)) {
            return cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r' ? LAYOUT_CONTROL : CONTROL;
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return SPACE;
        }
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            return HAN;
        }
        return isExpectedBesideHan(cp) ? EXPECTED : OTHER;
    }

    private static boolean isExpectedBesideHan(int cp) {
        if (cp < 0x7F) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION
                || block == Character.UnicodeBlock.LATIN_1_SUPPLEMENT && !Character.isLetter(cp)
                || block == Character.UnicodeBlock.NUMBER_FORMS
                || block == Character.UnicodeBlock.ENCLOSED_ALPHANUMERICS
                || block == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
                || block == Character.UnicodeBlock.MATHEMATICAL_OPERATORS
                || block == Character.UnicodeBlock.GEOMETRIC_SHAPES
                || block == Character.UnicodeBlock.BOX_DRAWING;
    }

    /** True when the text has Chinese in it and hardly anything a Chinese document would not contain. */
    boolean readsAsChinese() {
        return han > 0 && expected >= CHINESE_SHARE * visible;
    }

    boolean looksBinary() {
        return controls > BINARY_CONTROL_SHARE * visible;
    }
}
