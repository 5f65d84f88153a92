package org.policykb.index;

import java.util.PrimitiveIterator;

/**
 * Non-negative ints as base64url digits, the compact number format of the browser index: 5 bits to a digit, the
 * low bits first, the sixth bit saying another digit follows. Digits need no escaping in a JSON string, and an
 * ascending list written as differences costs a digit or two a number where decimals cost six or seven. search.js
 * reads them with the same alphabet.
 */
final class Varints {
    private static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Varints() {
    }

    static void append(StringBuilder out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Only non-negative numbers have digits: " + value);
        }
        int rest = value;
        while (rest >= 32) {
            out.append(DIGITS.charAt(32 | (rest & 31)));
            rest >>>= 5;
        }
        out.append(DIGITS.charAt(rest));
    }

    /** Ascending numbers as a JSON string of their differences, the first from 0. */
    static String ascending(PrimitiveIterator.OfInt values) {
        StringBuilder out = new StringBuilder("\"");
        int previous = 0;
        while (values.hasNext()) {
            int value = values.nextInt();
            append(out, value - previous);
            previous = value;
        }
        return out.append('"').toString();
    }
}
