package org.policykb.render;

import org.junit.jupiter.api.Test;
import org.policykb.build.KnowledgeBaseReader;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.render.DocumentView.SectionView;
import org.policykb.testing.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document's front matter (Markdown, or the header of a web page or Word document) is metadata, not shown text. */
class FrontMatterDisplayTest {
    @Test
    void theFrontMatterIsNotShownAsThePreamble() {
        KnowledgeBase kb = KnowledgeBaseReader.read(Fixtures.site("formats"));
        PolicyDocument page = kb.documents().stream().filter(d -> d.source().equals("portal-gbk.html")).findFirst().orElseThrow();
        List<SectionView> sections = new DocumentBodyBuilder(new RenderIndex(kb)).sections(page, "../");
        String preamble = sections.getFirst().blocks().stream().flatMap(b -> b.paragraphs().stream())
                .flatMap(p -> p.inlines().stream()).map(DocumentView.Inline::text).reduce("", String::concat);
        assertFalse(preamble.contains("docNumber:"), preamble);
        assertFalse(preamble.contains("---"), preamble);
        assertTrue(preamble.startsWith("川政发〔2022〕10号"), preamble);
    }

    @Test
    void theBlockEndsAtItsClosingLine() {
        assertEquals("---\ntitle: 某规划\n---\n".length(), SourceText.frontMatterEnd("---\ntitle: 某规划\n---\n正文。"));
        assertEquals(0, SourceText.frontMatterEnd("---\n正文，没有结束行。"));
        assertEquals(0, SourceText.frontMatterEnd("正文。\n---\n"));
    }
}
