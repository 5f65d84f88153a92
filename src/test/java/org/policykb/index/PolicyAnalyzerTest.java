package org.policykb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyAnalyzerTest {
    private final Analyzer analyzer = new PolicyAnalyzer();
    private final QueryParser parser = new QueryParser(analyzer);

    private List<String> tokens(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }

    @Test
    void departmentAbbreviationIsBigramsAndUnigrams() throws IOException {
        assertEquals(List.of("区", "区教", "教", "教体", "体", "体局", "局"), tokens("区教体局"));
    }

    @Test
    void fullWidthLettersAndDigitsFoldAndLowerCase() throws IOException {
        assertEquals(List.of("2025", "年", "pm2.5"), tokens("２０２５年ＰＭ2.5"));
    }

    @Test
    void queryOfACjkRunIsThePhraseOfItsBigrams() {
        assertEquals(List.of(new QueryPart(List.of("教体", "体局"))), parser.parse("教体局"));
        assertEquals(List.of(new QueryPart(List.of("学前"))), parser.parse("学前"));
        assertEquals(List.of(new QueryPart(List.of("局"))), parser.parse("局"));
        assertEquals(List.of(new QueryPart(List.of("心理", "理健", "健康")), new QueryPart(List.of("近视"))),
                parser.parse("心理健康  近视"));
        assertEquals(List.of(new QueryPart(List.of("2025")), new QueryPart(List.of("年"))), parser.parse("2025年"));
        assertTrue(parser.parse("，。！ ").isEmpty());
    }

    @Test
    void phraseMatchesInsideLongerNamesAndCompounds() {
        Snippets snippets = new Snippets(analyzer);
        String task = "（区教体局、区卫健局负责）";
        assertEquals(List.of(new Snippet.Highlight(2, 5)), snippets.matches(task, parser.parse("教体局")));
        String plan = "持续扩增学前教育优质资源。";
        assertEquals(List.of(new Snippet.Highlight(4, 6)), snippets.matches(plan, parser.parse("学前")));
        assertTrue(snippets.matches(task, parser.parse("局体教区")).isEmpty());
        // 心理健康 is a phrase: the words spread over 心理和身体健康 are not a match
        assertTrue(snippets.matches("促进学生心理和身体健康", parser.parse("心理健康")).isEmpty());
        assertEquals(1, snippets.matches("设立学生心理健康发展服务中心", parser.parse("心理健康")).size());
    }
}
