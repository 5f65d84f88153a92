package org.policykb.source;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Word's number formats give the markers a reader of a Chinese document sees. */
class WordNumberingTest {
    @Test
    void chineseCountingAsWordCounts() {
        String[] expected = {"一", "二", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百〇五", "一百一十"};
        int[] values = {1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], WordNumbering.number(values[i], "chineseCounting"), "value " + values[i]);
        }
        assertEquals("十二", WordNumbering.number(12, "chineseCountingThousand"));
        assertEquals("壹拾贰", WordNumbering.number(12, "chineseLegalSimplified"));
    }

    @Test
    void otherFormats() {
        assertEquals("丙", WordNumbering.number(3, "ideographTraditional"));
        assertEquals("寅", WordNumbering.number(3, "ideographZodiac"));
        assertEquals("③", WordNumbering.number(3, "decimalEnclosedCircle"));
        assertEquals("⑶", WordNumbering.number(3, "decimalEnclosedParen"));
        assertEquals("⒊", WordNumbering.number(3, "decimalEnclosedFullstop"));
        assertEquals("１２", WordNumbering.number(12, "decimalFullWidth"));
        assertEquals("二〇二五", WordNumbering.number(2025, "ideographDigital"));
        assertEquals("12", WordNumbering.number(12, "decimal"));
        assertEquals("xiv", WordNumbering.number(14, "lowerRoman"));
        assertEquals("C", WordNumbering.number(3, "upperLetter"));
    }
}
