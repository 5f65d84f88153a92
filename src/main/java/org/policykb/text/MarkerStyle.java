package org.policykb.text;

/**
 * The families of heading markers in Chinese official documents. {@code rank} orders them from the outermost
 * (chapters) to the innermost (circled numbers); documents use them in this order, though they may skip some.
 * Styles with the same rank but different punctuation (1． and 1、) are still distinct styles.
 */
public enum MarkerStyle {
    CHAPTER(-2),         // 第一章
    PART(-1),            // 第一节 / 第一部分
    CHINESE_COMMA(0),    // 一、
    CHINESE_PAREN(1),    // （一）
    ARABIC_DOT(2),       // 1． 1.
    ARABIC_COMMA(2),     // 1、
    ARABIC_PAREN(3),     // （1）
    CIRCLED(4),          // ①
    ARTICLE(5),          // 第一条
    TABLE(-3);           // 表2

    private final int rank;

    MarkerStyle(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
