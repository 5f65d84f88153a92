package org.policykb.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Task;
import org.policykb.parse.PlainTextParser;
import org.policykb.testing.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regression examples for what the property tests and the nasty inputs found in the extractors. */
class HostileTextTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor(Gazetteer.load());

    private static PolicyDocument extract(String text) {
        return EXTRACTOR.extract("doc", new PlainTextParser().parse(Fixtures.text("doc.txt", text)));
    }

    /**
     * 9,000 tasks without a colon once took minutes: every attribution looked for 「单位：」 to the end of the
     * whole document, and every task walked every earlier section to find its chapter.
     */
    @Test
    @Timeout(10)
    void extractionTimeGrowsWithTheTextNotItsSquare() {
        StringBuilder text = new StringBuilder("某区教育工作要点\n");
        String[] chapters = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        for (String chapter : chapters) {
            text.append(chapter).append("、重点任务\n");
            for (int i = 1; i <= 900; i++) {
                text.append(i).append("．扩大学前教育资源。新建幼儿园").append(i).append("所。（区教体局、区财政局负责）\n");
            }
        }
        PolicyDocument doc = extract(text.toString());
        assertEquals(9_000, doc.tasks().size());
        assertEquals("区教体局", doc.tasks().get(8_999).lead().orElseThrow());
        assertEquals(List.of("区财政局"), doc.tasks().get(8_999).support());
    }

    @Test
    void wordLeftoversAreNotPartOfTaskTitlesTextsOrGoals() {
        PolicyDocument doc = extract("""
                某区教育工作要点
                一、主要任务
                [bookmark: _GoBack]1．扩大学前教育资源。到2025年新建幼儿园13所。（区教体局负责）
                2．加强教师队伍建设[bookmark: _Hlk103589121]。到2025年招聘教师300名。（区人社局负责）
                """);
        List<Task> tasks = doc.tasks();
        assertEquals(List.of("扩大学前教育资源", "加强教师队伍建设"), tasks.stream().map(Task::title).toList());
        assertEquals("1．扩大学前教育资源。到2025年新建幼儿园13所。（区教体局负责）", tasks.get(0).text());
        assertEquals("2．加强教师队伍建设。到2025年招聘教师300名。（区人社局负责）", tasks.get(1).text());
        doc.goals().forEach(g -> assertFalse(g.text().contains("bookmark"), g.text()));
        assertEquals(2, doc.goals().size(), doc.goals().toString());
    }

    /** A file name of 255 bytes made an output name of 257 and stopped the whole build with 「File name too long」. */
    @Test
    void aVeryLongFileNameGivesAnIdThatStillFitsInAFileName() {
        String name = "规划/" + "长".repeat(84) + ".md";
        String id = DocumentExtractor.documentId(name);
        assertTrue(id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= DocumentExtractor.MAX_ID_BYTES, id);
        assertTrue(id.startsWith("规划-长长长"), id);
        assertEquals(id, DocumentExtractor.documentId(name), "stable");
        assertFalse(id.equals(DocumentExtractor.documentId("规划/" + "长".repeat(83) + "短.md")), "distinct");
        assertEquals("plans-2025-work-points", DocumentExtractor.documentId("plans/2025/work-points.txt"));
    }
}
