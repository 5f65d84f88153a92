package org.policykb.parse;

import java.util.regex.Pattern;

/**
 * What an unmarked line must look like to be a heading (「凝心铸魂 全面加强党对教育工作的领导」) rather than a
 * fragment of running text, a date, a signature or a byline. Context (what comes before and after) is judged by
 * the {@link StructureBuilder}.
 */
final class Headlines {
    static final int MAX_LENGTH = 40;
    private static final Pattern DATE_LINE = Pattern.compile(
            "^[（(]?\\s*(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*[\\d一二三四五六七八九十]{1,3}\\s*月(?:\\s*[\\d一二三四五六七八九十]{1,3}\\s*日)?.{0,4}$");
    private static final Pattern DOC_NUMBER_LINE = Pattern.compile("^[\\p{IsHan}A-Za-z]{1,12}\\s*[〔\\[［【(（]\\s*\\d{4}\\s*[〕\\]］】)）]\\s*第?\\s*\\d+\\s*号$");
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:本报|本刊)?(?:记者|通讯员|实习生|特约记者)[\\s:：]*[\\p{IsHan}·]{2,4}(?:[\\s、，,]+(?:(?:记者|通讯员|实习生)[\\s:：]*)?[\\p{IsHan}·]{2,4})*$"
                    + "|^(?:来源|作者|编辑|责任编辑)[:：].{1,30}$");
    /** 「牵头单位：市教育局」「完成时限：2025年底」: a labelled value, not a heading. */
    private static final Pattern LABEL = Pattern.compile(
            "^[\\p{IsHan}]{0,6}(?:单位|部门|责任人|时间|时限|期限|目标|内容|要求|依据|指标|地点|对象|范围|方式)[：:]");
    private static final String TERMINAL = "。！？；：:;!?，,、…";

    private Headlines() {
    }

    static boolean isDateLine(String s) {
        return DATE_LINE.matcher(s).matches();
    }

    static boolean isDocNumberLine(String s) {
        return DOC_NUMBER_LINE.matcher(s.strip()).matches();
    }

    static boolean isByline(String s) {
        return BYLINE.matcher(s.strip()).matches();
    }

    /** A kicker above a news headline ends in an ellipsis: 「省级优质园达514所,组建53个教育集团……」. */
    static boolean isKicker(String s) {
        return s.endsWith("…") || s.endsWith("...");
    }

    /** The line's own shape allows it to be a heading. */
    static boolean looksLikeHeadline(String s) {
        int length = s.codePointCount(0, s.length());
        if (length < 2 || length > MAX_LENGTH) {
            return false;
        }
        if (s.indexOf('。') >= 0 || TERMINAL.indexOf(s.charAt(s.length() - 1)) >= 0) {
            return false;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if ((first == '（' || first == '(') && (last == '）' || last == ')')) {
            return false; // a parenthetical note such as （此件公开发布）
        }
        if (isDateLine(s) || isDocNumberLine(s) || isByline(s) || isKicker(s) || LABEL.matcher(s).find()) {
            return false;
        }
        int han = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                han++;
            }
        }
        return han >= 2 && han * 2 >= s.replaceAll("\\s", "").length();
    }

    /** Text ends like a sentence or a heading, so what follows starts afresh (not a wrapped line). */
    static boolean endsBlock(String s) {
        if (s.isEmpty()) {
            return true;
        }
        return "。！？；：:;!?”」』）)…".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    /** An organisation name as it appears in a signature line: 「淄川区人民政府」. */
    static boolean looksLikeOrganisation(String s) {
        return s.length() <= 30 && s.matches(".*(?:政府|办公厅|办公室|委员会|局|厅|部|委|院|中心|工委|办|会|处|所|公司|集团|银行)$");
    }
}
