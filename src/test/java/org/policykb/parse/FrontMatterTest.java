package org.policykb.parse;

import org.junit.jupiter.api.Test;
import org.policykb.model.ParsedDocument;
import org.policykb.model.Problem;
import org.policykb.testing.Fixtures;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontMatterTest {
    private final MarkdownParser parser = new MarkdownParser();

    private ParsedDocument parse(String text) {
        return parser.parse(Fixtures.text("briefing.md", text));
    }

    @Test
    void wellFormedFrontMatterIsReadWithoutProblems() {
        ParsedDocument doc = parse("---\ntitle: \"某区2025年教育工作新闻发布会实录\"\ndate: 2025-01-20\nkind: report\n---\n\n# 标题\n\n正文。\n");
        assertEquals("某区2025年教育工作新闻发布会实录", doc.frontMatter().get("title"));
        assertEquals(List.of(), doc.problems());
    }

    /** The nasty fixture's front matter: flexmark's visitor read 「[未闭合的括号 : : :」 as the title. */
    @Test
    void malformedFrontMatterIsReportedWithItsLineAndIgnored() {
        ParsedDocument doc = parse("---\ntitle: [未闭合的括号\n  - : : :\n\t坏缩进: {\n---\n\n# 某区前置元数据损坏的文件\n\n一、主要任务\n");
        assertEquals(Map.of(), doc.frontMatter());
        Problem problem = doc.problems().get(0);
        assertEquals("briefing.md", problem.file());
        assertTrue(problem.line() >= 2 && problem.line() <= 4, problem.toString());
        assertTrue(problem.message().startsWith("malformed front matter"), problem.toString());
        assertEquals("某区前置元数据损坏的文件", doc.headTitle().orElse(doc.sections().get(0).title()));
    }

    @Test
    void yamlTagsAreNeverTurnedIntoObjects() {
        ParsedDocument doc = parse("---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n---\n\n正文。\n");
        assertTrue(doc.problems().isEmpty() || doc.problems().get(0).message().contains("front matter"), doc.problems().toString());
    }
}
