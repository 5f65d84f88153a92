package org.policykb.text;

/**
 * A heading marker found at the start of a line.
 *
 * @param raw    the marker exactly as written, e.g. {@code （二）} or {@code 3．}
 * @param value  its number (二 → 2)
 * @param length characters the marker and the white space after it take up in the line
 */
public record Marker(MarkerStyle style, String raw, int value, int length) {
}
