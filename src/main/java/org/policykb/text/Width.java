package org.policykb.text;

/** Full-width ASCII forms (１２．％，) folded to their half-width twins, for comparing and matching only. */
public final class Width {
    private Width() {
    }

    public static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u3000') {
            return ' ';
        }
        return c;
    }

    /** Same length as the input, so offsets into the folded text are offsets into the original. */
    public static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }
}
