package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.policykb.model.Goal;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Problem;
import org.policykb.model.Section;
import org.policykb.model.SourceFile;
import org.policykb.model.Task;
import org.policykb.source.ScanResult;
import org.policykb.testing.Fixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web pages and Word documents are read as faithfully as text files: the fixtures in sites/formats are samples
 * 001 and 003 saved as a portal page, a meta-tagged page and a Word document with automatic numbering
 * (written by FormatFixtureWriter), and each must extract exactly what its .txt extracts.
 */
class FormatsTest {
    private static final String PLAN = "001_9519b755a898c3c4.txt";
    private static final String WORK_POINTS = "003_b9182d471b85b56e.txt";
    private static final KnowledgeBase SAMPLES = KnowledgeBaseReader.read(Fixtures.content());
    private static final KnowledgeBase FORMATS = KnowledgeBaseReader.read(Fixtures.site("formats"));
    private static final ScanResult SCAN = Fixtures.scan(Fixtures.site("formats"));

    @Test
    void portalPageExtractsWhatItsTextExtracts() {
        assertSameExtraction(doc(SAMPLES, PLAN), doc(FORMATS, "portal-gbk.html"));
    }

    @Test
    void wordDocumentExtractsWhatItsTextExtracts() {
        assertSameExtraction(doc(SAMPLES, PLAN), doc(FORMATS, "numbered.docx"));
    }

    @Test
    void metaTaggedPageExtractsWhatItsTextExtracts() {
        assertSameExtraction(doc(SAMPLES, WORK_POINTS), doc(FORMATS, "meta-only.htm"));
    }

    @Test
    void thePortalHeaderTableBecomesFrontMatterAndTheGbkPageIsDecoded() {
        SourceFile page = file("portal-gbk.html");
        assertEquals("GB18030", page.charset());
        assertTrue(page.text().startsWith("---\n"), page.text().substring(0, 80));
        String frontMatter = page.text().substring(0, page.text().indexOf("\n---\n") + 5);
        assertTrue(frontMatter.contains("title: 淄川区人民政府关于印发淄川区教育事业发展“十四五”规划的通知\n"), frontMatter);
        assertTrue(frontMatter.contains("docNumber: 川政发〔2022〕10号\n"), frontMatter);
        assertTrue(frontMatter.contains("issuer: 淄川区人民政府\n"), frontMatter);
        assertTrue(frontMatter.contains("date: 2022-12-28\n"), "成文日期, not 发布日期: " + frontMatter);
        PolicyDocument d = doc(FORMATS, "portal-gbk.html");
        assertEquals("淄川区教育事业发展“十四五”规划", d.meta().title(), "a transmittal's title names what it transmits");
        assertEquals(Optional.of("川政发〔2022〕10号"), d.meta().docNumber());
        assertEquals(Optional.of(LocalDate.of(2022, 12, 28)), d.meta().date());
    }

    @Test
    void metaTagsGiveTheTitleOfAPageWithoutHeader() {
        SourceFile page = file("meta-only.htm");
        assertEquals("UTF-8", page.charset());
        assertTrue(page.text().startsWith("---\ntitle: 中共淄博市委教育工委 淄博市教育局2020年工作要点\n---\n"), page.text().substring(0, 80));
    }

    @Test
    void scriptsNavigationHeaderTableLinksAndFootersAreNotText() {
        String portal = file("portal-gbk.html").text();
        for (String chrome : List.of("网站统计脚本", "首页", "政务公开", "当前位置", "索引号", "主题分类", "浏览次数", "字号",
                "打印本页", "关闭窗口", "相关文件", "养老服务体系", "主办单位", "网站标识码", "责任编辑", "text-indent", "<p")) {
            assertFalse(portal.contains(chrome), chrome);
        }
        String metaOnly = file("meta-only.htm").text();
        for (String chrome : List.of("页面统计", "新闻中心", "热点新闻", "中考报名", "版权所有", "请启用浏览器脚本", "MsoNormal")) {
            assertFalse(metaOnly.contains(chrome), chrome);
        }
        assertTrue(portal.contains("\n淄川区人民政府\n2022年12月28日\n"), "a <br> inside a paragraph ends a line");
    }

    @Test
    void wordNumberingIsRenderedAsTheMarkersAReaderSees() {
        String text = file("numbered.docx").text();
        assertTrue(text.contains("\n一、总体要求\n（一）指导思想\n"), "一、 from the heading style's list, （一） from the paragraph's");
        assertTrue(text.contains("\n二、重点任务\n（一）全面落实立德树人根本任务\n1．完善全学段一体化思政工作体系。"), "levels restart under a higher one");
        assertTrue(text.contains("\n（八）提升教育治理能力与保障水平\n1．健全教育法治制度体系。"));
        assertTrue(text.contains("\n6．健全学校安全风险防控体系。"));
        assertTrue(text.contains("\n三、组织实施\n（一）"), "counters run on across the table");
        assertTrue(text.contains("\n表2“十四五”教育事业发展重点项目清单\n\t序号\n\t名称\n\t主要内容\n\n\t1\n"), "the table is flattened as the samples flatten it");
    }

    @Test
    void trackedDeletionsCommentsBookmarksAndHiddenTextAreNotText() {
        String text = file("numbered.docx").text();
        for (String absent : List.of("此句已删除", "旧的表述", "批注", "核对原文", "隐藏的编辑备注", "_Hlk", "bookmark")) {
            assertFalse(text.contains(absent), absent);
        }
        assertTrue(text.contains("坚持党的全面领导。坚持中国特色社会主义教育发展道路"), "a tracked insertion is text");
        assertTrue(text.startsWith("---\ntitleHint: 关于印发2021年工作要点的通知\n---\n"), "the stored title is only a hint");
        assertEquals("淄川区教育事业发展“十四五”规划", doc(FORMATS, "numbered.docx").meta().title(),
                "the text has its own title lines, so the stale stored title is not used");
    }

    @Test
    void oldWordFilesAndDamagedOnesAreReportedByNameWhileTheRestBuilds() {
        assertEquals(List.of("meta-only.htm", "numbered.docx", "portal-gbk.html"),
                FORMATS.documents().stream().map(PolicyDocument::source).sorted().toList());
        Problem doc = problem("legacy.doc");
        assertEquals(Problem.Severity.ERROR, doc.severity());
        assertEquals("old binary Word format (.doc) is not supported: save it as .docx", doc.message());
        Problem damaged = problem("damaged.docx");
        assertEquals(Problem.Severity.ERROR, damaged.severity());
        assertTrue(damaged.message().startsWith("cannot read the Word document: it is damaged"), damaged.message());
    }

    private static void assertSameExtraction(PolicyDocument expected, PolicyDocument actual) {
        assertEquals(expected.meta(), actual.meta(), "metadata");
        assertEquals(sections(expected), sections(actual), "sections");
        assertEquals(tasks(expected), tasks(actual), "tasks");
        assertEquals(goals(expected), goals(actual), "goals");
        assertTrue(expected.tasks().size() > 20 && expected.goals().size() > 10, "the sample has tasks and goals to compare");
    }

    private static List<String> sections(PolicyDocument d) {
        return d.sections().stream().map((Section s) -> s.id() + " " + s.level() + " " + s.number() + " " + s.title() + " " + s.table()).toList();
    }

    private static List<String> tasks(PolicyDocument d) {
        return d.tasks().stream().map((Task t) -> local(t.id()) + " " + t.sectionId() + " " + t.number() + " " + t.title()
                + " lead=" + t.lead() + " support=" + t.support() + " " + normalise(t.text())).toList();
    }

    private static List<String> goals(PolicyDocument d) {
        return d.goals().stream().map((Goal g) -> local(g.id()) + " " + g.taskId().map(FormatsTest::local) + " " + g.text()
                + " " + g.value() + " " + g.year()).toList();
    }

    private static String local(String id) {
        return id.substring(id.indexOf('/') + 1);
    }

    /** The text without white space and Word's bookmark leftovers, which the .txt has and a page or .docx has not. */
    private static String normalise(String text) {
        return text.replaceAll("\\[bookmark: [^\\]]+\\]", "").replaceAll("[\\s\\u3000]+", "");
    }

    private static PolicyDocument doc(KnowledgeBase kb, String source) {
        return kb.documents().stream().filter(d -> d.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("no document " + source + " in " + kb.documents().stream().map(PolicyDocument::source).toList()));
    }

    private static SourceFile file(String name) {
        return SCAN.files().stream().filter(f -> f.relativePath().equals(name)).findFirst().orElseThrow();
    }

    private static Problem problem(String file) {
        return FORMATS.problems().stream().filter(p -> p.file().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + file + ": " + FORMATS.problems()));
    }
}
