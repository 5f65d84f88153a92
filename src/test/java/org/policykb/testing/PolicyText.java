package org.policykb.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.List;

/**
 * Generated input for the property tests: Chinese policy fragments (heading markers 一、（二）3．（4）①表2,
 * responsibility clauses, targets with numbers and units, Chinese punctuation, quotes and brackets, Markdown
 * and Word leftovers) mixed with arbitrary characters, lone surrogates and control characters among them.
 */
public final class PolicyText {
    private static final List<String> FRAGMENTS = List.of(
            "一、", "二、", "十二、", "（一）", "（二）", "(三)", "1．", "2.", "3、", "（4）", "(5)", "①", "②", "⑳", "表1", "表2 ",
            "第一章", "第二条", "附件1", "某区2025年教育工作要点", "关于印发《某区教育发展规划》的通知", "淄川区人民政府", "2024年5月6日",
            "（区教体局、区财政局负责）", "（区发改局牵头，区财政局、区人社局配合）", "（牵头单位：区教体局；责任单位：各镇街）",
            "负责", "牵头", "配合", "责任单位：", "区教体局", "市教育局、", "各镇（街道）", "记者 陶春燕",
            "到2025年", "到“十四五”末，", "优良率达到55%", "新建幼儿园10所", "95%以上", "1.2万人", "3600个", "不低于90%", "每年", "提高到",
            "。", "，", "；", "、", "：", "“", "”", "‘", "’", "「", "」", "《", "》", "（", "）", "(", ")", "[", "]", "【", "】",
            "……", "——", "　", " ", "\t", "\r", "\n", "\r\n", "\n\n", "\u00A0", "\uFEFF", "\u200B",
            "下一步，", "一是", "二是", "三是", "主要目标", "保障措施", "重点任务",
            "[bookmark: _GoBack]", "[bookmark: _Hlk150674455]", "---\n", "title: x\n", "# ", "## ", "| 序号 | 任务 | 责任单位 |\n", "|---|---|---|\n",
            "\\", "\\。", "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "`", "*", "_", "> ", "- ",
            "扩大学前教育资源", "提升义务教育质量", "加强教师队伍建设");

    private PolicyText() {
    }

    /** Documents of up to {@code maxPieces} pieces, most of them policy fragments. */
    public static Arbitrary<String> documents(int maxPieces) {
        Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> han = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> digits = Arbitraries.integers().between(0, 3000).map(String::valueOf);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, fragment), net.jqwik.api.Tuple.of(4, han),
                net.jqwik.api.Tuple.of(2, digits), net.jqwik.api.Tuple.of(2, anyChars));
        return piece.list().ofMaxSize(maxPieces).map(pieces -> String.join("", pieces));
    }
}
