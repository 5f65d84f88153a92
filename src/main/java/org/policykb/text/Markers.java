package org.policykb.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the heading marker at the start of a line. Works on the width-folded text, so 1． and 1. are the
 * same style and （一） and (一) too; {@link Marker#raw()} keeps what was written.
 */
public final class Markers {
    private static final String CN = "[一二三四五六七八九十百零〇两]+";
    // Order matters: the parenthesised forms before the bare ones.
    private static final Pattern CHAPTER = Pattern.compile("^第(" + CN + "|\\d+)章[ \\t]*");
    private static final Pattern PART = Pattern.compile("^第(" + CN + "|\\d+)(?:节|部分)[ \\t]*");
    private static final Pattern ARTICLE = Pattern.compile("^第(" + CN + "|\\d+)条[ \\t]*");
    private static final Pattern CHINESE_PAREN = Pattern.compile("^\\((" + CN + ")\\)[ \\t]*");
    private static final Pattern ARABIC_PAREN = Pattern.compile("^\\((\\d{1,3})\\)[ \\t]*");
    private static final Pattern CHINESE_COMMA = Pattern.compile("^(" + CN + ")[、,][ \\t]*");
    // 1. but not 2.2倍 or 12.4; a dot may be followed by a space, a CJK character or a quote.
    private static final Pattern ARABIC_DOT = Pattern.compile("^(\\d{1,3})\\.(?!\\d)[ \\t]*");
    private static final Pattern ARABIC_COMMA = Pattern.compile("^(\\d{1,3})、[ \\t]*");
    private static final Pattern TABLE = Pattern.compile("^表[ \\t]*(\\d{1,3})(?![\\d.])[ \\t:：]*");
    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    private Markers() {
    }

    /** The marker that starts {@code line}, if any. {@code line} must not start with white space. */
    public static Optional<Marker> at(String line) {
        if (line.isEmpty()) {
            return Optional.empty();
        }
        String folded = Width.fold(line);
        int circled = CIRCLED.indexOf(line.charAt(0));
        if (circled >= 0) {
            int len = 1;
            while (len < line.length() && (line.charAt(len) == ' ' || line.charAt(len) == '\t' || line.charAt(len) == '\u3000')) {
                len++;
            }
            return Optional.of(new Marker(MarkerStyle.CIRCLED, line.substring(0, 1), circled + 1, len));
        }
        Optional<Marker> m;
        if ((m = match(CHAPTER, MarkerStyle.CHAPTER, line, folded)).isPresent()
                || (m = match(PART, MarkerStyle.PART, line, folded)).isPresent()
                || (m = match(ARTICLE, MarkerStyle.ARTICLE, line, folded)).isPresent()
                || (m = match(CHINESE_PAREN, MarkerStyle.CHINESE_PAREN, line, folded)).isPresent()
                || (m = match(ARABIC_PAREN, MarkerStyle.ARABIC_PAREN, line, folded)).isPresent()
                || (m = match(CHINESE_COMMA, MarkerStyle.CHINESE_COMMA, line, folded)).isPresent()
                || (m = match(ARABIC_DOT, MarkerStyle.ARABIC_DOT, line, folded)).isPresent()
                || (m = match(ARABIC_COMMA, MarkerStyle.ARABIC_COMMA, line, folded)).isPresent()
                || (m = match(TABLE, MarkerStyle.TABLE, line, folded)).isPresent()) {
            return m;
        }
        return Optional.empty();
    }

    private static Optional<Marker> match(Pattern pattern, MarkerStyle style, String line, String folded) {
        Matcher m = pattern.matcher(folded);
        if (!m.find()) {
            return Optional.empty();
        }
        String number = m.group(1);
        int value = Character.isDigit(number.charAt(0)) ? Integer.parseInt(number)
                : ChineseNumerals.parse(number).orElse(0);
        if (value <= 0) {
            return Optional.empty();
        }
        String raw = line.substring(0, m.end()).strip();
        // White space inside the raw marker (e.g. "表 2") is kept; only the trailing run is the gap.
        return Optional.of(new Marker(style, raw.isEmpty() ? line.substring(0, m.end()) : raw, value, m.end()));
    }
}
