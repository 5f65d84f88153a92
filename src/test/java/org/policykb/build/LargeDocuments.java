package org.policykb.build;

/**
 * Documents too large to commit, made at test time: one of 50 MB (UTF-8) with the shape of a long plan — chapters
 * of numbered tasks with long paragraphs and attribution clauses — and one whose second line is 1 MB long.
 */
final class LargeDocuments {
    private static final String SENTENCE = "深入推进义务教育优质均衡发展，统筹城乡学校布局，改善农村学校办学条件，"
            + "加强教师队伍建设，完善家校社协同育人机制，提高教育教学质量。";
    private static final String GOAL = "到2025年新建改扩建学校5所、新增学位2000个，义务教育巩固率达到99%以上。";

    private LargeDocuments() {
    }

    /** About 50,000,000 bytes of UTF-8 in 20 chapters of 5 tasks each. */
    static String fiftyMegabytes() {
        int sentenceBytes = SENTENCE.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int perTask = 50_100_000 / 100 / sentenceBytes + 1;
        StringBuilder out = new StringBuilder(52_000_000 / 3);
        out.append("某区超大篇幅的教育发展规划\n\n");
        for (int chapter = 1; chapter <= 20; chapter++) {
            out.append(chineseNumber(chapter))
                    .append("、第").append(chapter).append("部分重点任务\n");
            for (int task = 1; task <= 5; task++) {
                out.append(task).append("．推进第").append(chapter).append("部分第").append(task).append("项工作。").append(GOAL);
                for (int i = 0; i < perTask; i++) {
                    out.append(SENTENCE);
                    if (i % 50 == 49) {
                        out.append('\n');
                    }
                }
                out.append("（区教体局、区财政局负责）\n");
            }
        }
        return out.toString();
    }

    /** A title line, then one line of over 1,000,000 bytes, then a closing line. */
    static String oneMegabyteLine() {
        StringBuilder out = new StringBuilder("某区单行超长的工作要点\n一、").append(GOAL);
        while (out.length() * 3 < 1_150_000) {
            out.append(SENTENCE);
        }
        return out.append("（区教体局负责）\n二、结尾。\n").toString();
    }

    private static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n <= 10) {
            return n == 10 ? "十" : String.valueOf(digits.charAt(n));
        }
        return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }
}
