package org.policykb.parse;

import org.junit.jupiter.api.Test;
import org.policykb.model.ParsedDocument;
import org.policykb.testing.Fixtures;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain text may open with the front matter Markdown uses; web pages and Word documents bring their header in it. */
class PlainTextFrontMatterTest {
    private static final String BODY = """
            各中小学校：
            为切实做好校园安全工作，现将有关事项通知如下。
            一、排查范围
            全县各级各类学校和幼儿园。（县教育局、县公安局负责）
            """;
    private final PlainTextParser parser = new PlainTextParser();

    @Test
    void frontMatterIsMetadataAndPartOfThePreamble() {
        String text = "---\ntitle: 某县教育局关于开展校园安全大排查的通知\ndocNumber: 某教字〔2024〕21号\nissuer: 某县教育局\n"
                + "date: 2024-09-02\n---\n" + BODY;
        ParsedDocument doc = parser.parse(Fixtures.text("notice.html", text));
        assertEquals(Map.of("title", "某县教育局关于开展校园安全大排查的通知", "docNumber", "某教字〔2024〕21号",
                "issuer", "某县教育局", "date", "2024-09-02"), doc.frontMatter());
        assertEquals(Optional.of("某县教育局关于开展校园安全大排查的通知"), doc.headTitle());
        assertEquals("排查范围", doc.sections().getFirst().title());
        assertEquals(0, doc.root().span().start());
        assertTrue(doc.root().span().of(text).startsWith("---\ntitle: "), "the block is in the root's span");
        NoTextLostTest.assertTiled(Fixtures.text("notice.html", text));
    }

    @Test
    void aTransmittalTitleNamesWhatItTransmits() {
        ParsedDocument doc = parser.parse(Fixtures.text("t.html",
                "---\ntitle: 淄川区人民政府关于印发《淄川区教育事业发展“十四五”规划》的通知\n---\n" + BODY));
        assertEquals("淄川区教育事业发展“十四五”规划", doc.frontMatter().get("title"));
    }

    @Test
    void aTitleHintCountsOnlyWhenTheHeadGivesNoTitle() {
        ParsedDocument noHead = parser.parse(Fixtures.text("a.docx", "---\ntitleHint: 关于开展校园安全大排查的通知\n---\n" + BODY));
        assertEquals(Optional.of("关于开展校园安全大排查的通知"), noHead.headTitle());
        assertEquals("关于开展校园安全大排查的通知", noHead.frontMatter().get("title"));
        ParsedDocument withHead = parser.parse(Fixtures.text("b.docx",
                "---\ntitleHint: 关于印发2021年工作要点的通知\n---\n某县教育局2024年工作要点\n" + BODY));
        assertEquals(Optional.of("某县教育局2024年工作要点"), withHead.headTitle());
        assertEquals(Map.of(), withHead.frontMatter(), "a hint that was not used is no metadata");
    }

    @Test
    void quotedValuesAreUnquoted() {
        ParsedDocument doc = parser.parse(Fixtures.text("q.html", "---\ntitle: \"关于\\\"双减\\\"工作: 第二批\"\n---\n" + BODY));
        assertEquals("关于\"双减\"工作: 第二批", doc.frontMatter().get("title"));
    }

    @Test
    void textThatOnlyLooksLikeAnOpeningIsText() {
        String text = "---\n" + BODY;
        ParsedDocument doc = parser.parse(Fixtures.text("dash.txt", text));
        assertEquals(Map.of(), doc.frontMatter());
        assertEquals("排查范围", doc.sections().getFirst().title());
    }
}
