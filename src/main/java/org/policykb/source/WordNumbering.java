package org.policykb.source;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * Word's automatic numbering, rendered as the marker a reader sees (一、 （一） 1． ①): the paragraph's list and
 * level (its own, or its style's), the level's format and text from the numbering definitions, and one counter
 * per list and level that runs on through the document. Not thread-safe: one per document, used in order.
 */
final class WordNumbering {
    private static final int LEVELS = 9;
    private static final String DIGITS = "〇一二三四五六七八九";
    private static final String LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String CELESTIAL = "甲乙丙丁戊己庚辛壬癸";
    private static final String ZODIAC = "子丑寅卯辰巳午未申酉戌亥";
    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    private final XWPFNumbering numbering;
    private final XWPFStyles styles;
    /** Counters per abstract list; a level not yet used (or reset by a higher one) is absent. */
    private final Map<BigInteger, Integer[]> counters = new HashMap<>();
    private final Set<BigInteger> numsSeen = new HashSet<>();

    WordNumbering(XWPFDocument document) {
        this.numbering = document.getNumbering();
        this.styles = document.getStyles();
    }

    /** The marker of the paragraph, with the separator a reader sees after it; counts it. Empty if unnumbered. */
    Optional<String> next(Element paragraph) {
        if (numbering == null) {
            return Optional.empty();
        }
        Optional<ListLevel> listLevel = listLevel(paragraph);
        if (listLevel.isEmpty()) {
            return Optional.empty();
        }
        BigInteger numId = listLevel.get().numId();
        int level = listLevel.get().level();
        XWPFNum num = numbering.getNum(numId);
        if (num == null || level < 0 || level >= LEVELS || num.getCTNum().getAbstractNumId() == null) {
            return Optional.empty(); // numId 0 means "no numbering"
        }
        BigInteger abstractId = num.getCTNum().getAbstractNumId().getVal();
        if (abstractId == null) {
            return Optional.empty();
        }
        XWPFAbstractNum abstractNum = numbering.getAbstractNum(abstractId);
        Optional<BigInteger> linked = abstractNum == null ? Optional.empty() : styleLinked(abstractNum);
        if (linked.isPresent()) {
            abstractId = linked.get();
            abstractNum = numbering.getAbstractNum(abstractId);
        }
        if (abstractNum == null) {
            return Optional.empty();
        }
        CTLvl[] levels = levels(abstractNum, num);
        Integer[] count = counters.computeIfAbsent(abstractId, id -> new Integer[LEVELS]);
        if (numsSeen.add(numId)) {
            for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
                int l = intOf(override.getIlvl(), -1);
                if (override.isSetStartOverride() && l >= 0 && l < LEVELS) {
                    count[l] = intOf(override.getStartOverride().getVal(), 1) - 1;
                }
            }
        }
        count[level] = (count[level] == null ? start(levels[level]) - 1 : count[level]) + 1;
        for (int deeper = level + 1; deeper < LEVELS; deeper++) {
            if (restartsAfter(levels[deeper], level)) {
                count[deeper] = null;
            }
        }
        return Optional.of(render(levels, count, level));
    }

    private String render(CTLvl[] levels, Integer[] count, int level) {
        CTLvl lvl = levels[level];
        String format = format(lvl);
        if (format.equals("none")) {
            return "";
        }
        String text = lvl != null && lvl.isSetLvlText() && lvl.getLvlText().getVal() != null ? lvl.getLvlText().getVal() : "%" + (level + 1) + ".";
        if (format.equals("bullet")) {
            return text.chars().anyMatch(c -> c >= 0xE000 && c <= 0xF8FF) || text.isBlank() ? "• " : text + " ";
        }
        boolean legal = lvl != null && lvl.isSetIsLgl();
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) >= '1' && text.charAt(i + 1) <= '9') {
                int ref = text.charAt(i + 1) - '1';
                int value = count[ref] != null ? count[ref] : start(levels[ref]);
                marker.append(number(value, legal && ref != level ? "decimal" : format(levels[ref])));
                i++;
            } else {
                marker.append(c);
            }
        }
        return marker + separator(lvl, marker);
    }

    /** Word puts a tab (or a space) after the marker; after 、 ． ） the gap is no text a reader would type. */
    private static String separator(CTLvl lvl, CharSequence marker) {
        // Read from the DOM: poi-ooxml-lite has no schema type for w:suff.
        String suffix = lvl == null ? "tab" : DocxReader.child((Element) lvl.getDomNode(), "suff").map(DocxReader::val).orElse("tab");
        if (suffix.equals("nothing") || marker.isEmpty()) {
            return "";
        }
        return Character.isLetterOrDigit(marker.charAt(marker.length() - 1)) ? " " : "";
    }

    /** A paragraph's list and level. */
    private record ListLevel(BigInteger numId, int level) {
    }

    /** The paragraph's own numbering, else its style's (following basedOn): heading styles often carry it. */
    private Optional<ListLevel> listLevel(Element paragraph) {
        Optional<Element> pPr = DocxReader.child(paragraph, "pPr");
        Optional<Element> numPr = pPr.flatMap(p -> DocxReader.child(p, "numPr"));
        if (numPr.isPresent()) {
            Optional<Element> numId = DocxReader.child(numPr.get(), "numId");
            if (numId.isEmpty()) {
                return Optional.empty();
            }
            int level = DocxReader.child(numPr.get(), "ilvl").map(i -> parse(DocxReader.val(i))).orElse(0);
            return Optional.of(new ListLevel(BigInteger.valueOf(parse(DocxReader.val(numId.get()))), level));
        }
        String styleId = pPr.flatMap(p -> DocxReader.child(p, "pStyle")).map(DocxReader::val).orElse("");
        for (int depth = 0; styles != null && !styleId.isEmpty() && depth < 10; depth++) {
            XWPFStyle style = styles.getStyle(styleId);
            if (style == null) {
                break;
            }
            CTPPrGeneral stylePPr = style.getCTStyle().getPPr();
            if (stylePPr != null && stylePPr.isSetNumPr() && stylePPr.getNumPr().isSetNumId()) {
                CTNumPr styleNumPr = stylePPr.getNumPr();
                int level = styleNumPr.isSetIlvl() ? intOf(styleNumPr.getIlvl().getVal(), 0) : 0;
                BigInteger numId = styleNumPr.getNumId().getVal();
                return numId == null ? Optional.empty() : Optional.of(new ListLevel(numId, level));
            }
            styleId = style.getBasisStyleID() == null ? "" : style.getBasisStyleID();
        }
        return Optional.empty();
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A list that uses a list style (w:numStyleLink) has its levels in the list the style points to; that
     * list, and its counters, are the ones to use.
     */
    private Optional<BigInteger> styleLinked(XWPFAbstractNum abstractNum) {
        Optional<String> styleId = DocxReader.child((Element) abstractNum.getCTAbstractNum().getDomNode(), "numStyleLink")
                .map(DocxReader::val).filter(id -> !id.isEmpty());
        if (styleId.isEmpty() || styles == null || styles.getStyle(styleId.get()) == null) {
            return Optional.empty();
        }
        CTPPrGeneral pPr = styles.getStyle(styleId.get()).getCTStyle().getPPr();
        if (pPr == null || !pPr.isSetNumPr() || !pPr.getNumPr().isSetNumId()) {
            return Optional.empty();
        }
        BigInteger numId = pPr.getNumPr().getNumId().getVal();
        XWPFNum styleNum = numId == null ? null : numbering.getNum(numId);
        return styleNum == null || styleNum.getCTNum().getAbstractNumId() == null
                ? Optional.empty() : Optional.of(styleNum.getCTNum().getAbstractNumId().getVal());
    }

    private static CTLvl[] levels(XWPFAbstractNum abstractNum, XWPFNum num) {
        CTLvl[] levels = new CTLvl[LEVELS];
        for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlArray()) {
            int l = intOf(lvl.getIlvl(), -1);
            if (l >= 0 && l < LEVELS) {
                levels[l] = lvl;
            }
        }
        for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
            int l = intOf(override.getIlvl(), -1);
            if (override.isSetLvl() && l >= 0 && l < LEVELS) {
                levels[l] = override.getLvl();
            }
        }
        return levels;
    }

    private static int start(CTLvl lvl) {
        return lvl != null && lvl.isSetStart() ? intOf(lvl.getStart().getVal(), 1) : 1;
    }

    private static String format(CTLvl lvl) {
        return lvl != null && lvl.isSetNumFmt() && lvl.getNumFmt().getVal() != null ? lvl.getNumFmt().getVal().toString() : "decimal";
    }

    /** By default a level restarts after any higher level; lvlRestart 0 means never, n after level n. */
    private static boolean restartsAfter(CTLvl lvl, int usedLevel) {
        if (lvl == null || !lvl.isSetLvlRestart()) {
            return true;
        }
        int restart = intOf(lvl.getLvlRestart().getVal(), 1);
        return restart != 0 && usedLevel < restart;
    }

    /** A number attribute of the numbering definitions, or {@code fallback} when a damaged file leaves it out. */
    private static int intOf(BigInteger value, int fallback) {
        return value == null ? fallback : value.intValue();
    }

    static String number(int value, String format) {
        return switch (format) {
            case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
                 "taiwaneseCountingThousand", "koreanCounting" -> counting(value, DIGITS, "十", "百", "千", false);
            case "chineseLegalSimplified", "japaneseLegal" -> counting(value, LEGAL_DIGITS, "拾", "佰", "仟", true);
            case "ideographTraditional" -> cycle(value, CELESTIAL);
            case "ideographZodiac" -> cycle(value, ZODIAC);
            case "ideographDigital", "taiwaneseDigital" -> digits(value);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
                    value >= 1 && value <= CIRCLED.length() ? String.valueOf(CIRCLED.charAt(value - 1)) : String.valueOf(value);
            case "decimalEnclosedParen" -> value >= 1 && value <= 20 ? String.valueOf((char) ('⑴' + value - 1)) : "(" + value + ")";
            case "decimalEnclosedFullstop" -> value >= 1 && value <= 20 ? String.valueOf((char) ('⒈' + value - 1)) : value + ".";
            case "decimalFullWidth", "decimalFullWidth2" -> fullWidth(String.valueOf(value));
            case "decimalZero" -> value < 10 ? "0" + value : String.valueOf(value);
            case "upperLetter" -> letters(value, 'A');
            case "lowerLetter" -> letters(value, 'a');
            case "upperRoman" -> roman(value);
            case "lowerRoman" -> roman(value).toLowerCase(java.util.Locale.ROOT);
            default -> String.valueOf(value);
        };
    }

    /** 1 一, 10 十, 11 十一, 20 二十, 105 一百〇五: the way Word counts in Chinese; financial numerals write 壹拾. */
    private static String counting(int value, String digits, String ten, String hundred, String thousand, boolean leadingOne) {
        if (value <= 0 || value >= 10000) {
            return String.valueOf(value);
        }
        String[] units = {"", ten, hundred, thousand};
        StringBuilder out = new StringBuilder();
        String s = String.valueOf(value);
        boolean zero = false;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(i) - '0';
            int unit = s.length() - 1 - i;
            if (d == 0) {
                zero = true;
                continue;
            }
            if (zero && !out.isEmpty()) {
                out.append(digits.charAt(0));
            }
            zero = false;
            if (leadingOne || !(d == 1 && unit == 1 && out.isEmpty())) {
                out.append(digits.charAt(d)); // 十一, not 一十一
            }
            out.append(units[unit]);
        }
        return out.toString();
    }

    private static String cycle(int value, String symbols) {
        return value >= 1 ? String.valueOf(symbols.charAt((value - 1) % symbols.length())) : String.valueOf(value);
    }

    private static String digits(int value) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(value).toCharArray()) {
            out.append(Character.isDigit(c) ? DIGITS.charAt(c - '0') : c);
        }
        return out.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append((char) (c - '0' + '０'));
        }
        return out.toString();
    }

    private static String letters(int value, char a) {
        if (value <= 0) {
            return String.valueOf(value);
        }
        char letter = (char) (a + (value - 1) % 26);
        return String.valueOf(letter).repeat((value - 1) / 26 + 1);
    }

    private static String roman(int value) {
        if (value <= 0 || value >= 4000) {
            return String.valueOf(value);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            while (value >= values[i]) {
                out.append(symbols[i]);
                value -= values[i];
            }
        }
        return out.toString();
    }
}
