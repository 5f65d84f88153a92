package org.policykb.text;

import java.util.OptionalInt;

/** Chinese numerals as written in headings and dates: 一 … 九十九, 〇/零, 两, and 百/千 for larger numbers. */
public final class ChineseNumerals {
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    public static boolean isNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || c == '〇' || c == '两' || c == '十' || c == '百' || c == '千' || c == '万';
    }

    /** The value of a run of Chinese numerals, e.g. 十二 → 12, 二〇二二 → 2022 (digit by digit when no unit). */
    public static OptionalInt parse(String s) {
        if (s.isEmpty()) {
            return OptionalInt.empty();
        }
        boolean hasUnit = s.chars().anyMatch(c -> c == '十' || c == '百' || c == '千' || c == '万');
        if (!hasUnit) {
            int v = 0;
            for (char c : s.toCharArray()) {
                int d = digit(c);
                if (d < 0) {
                    return OptionalInt.empty();
                }
                v = v * 10 + d;
            }
            return OptionalInt.of(v);
        }
        int total = 0;
        int section = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                current = d;
            } else if (c == '十' || c == '百' || c == '千') {
                int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                section += (current == 0 ? 1 : current) * unit;
                current = 0;
            } else if (c == '万') {
                total += (section + current) * 10000;
                section = 0;
                current = 0;
            } else {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(total + section + current);
    }

    private static int digit(char c) {
        if (c == '〇') {
            return 0;
        }
        if (c == '两') {
            return 2;
        }
        return DIGITS.indexOf(c);
    }
}
