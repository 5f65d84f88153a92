package org.policykb.render;

import org.junit.jupiter.api.Test;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SourceSpan;
import org.policykb.model.Task;
import org.policykb.render.DocumentView.Inline;
import org.policykb.render.DocumentView.SectionView;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewBuildersTest {
    private final KnowledgeBase kb = KnowledgeBaseFixtures.twoDocuments();
    private final RenderIndex index = new RenderIndex(kb);
    private final SiteLayout layout = new SiteLayout(new RenderContext(LocalDate.of(2024, 6, 1), "知识库"), false);
    private final GoalRows goalRows = new GoalRows(index, 2024);

    @Test
    void homeCountsEverythingAndListsUpcomingGoalsByYear() {
        HomeView home = new IndexViewBuilder(index, layout, goalRows).home();
        assertEquals(List.of(2, 5, 7, 9), List.of(home.documentCount(), home.taskCount(), home.departmentCount(), home.goalCount()));
        assertEquals("根据 2 份文件生成于 2024年6月1日", home.generatedLine());
        assertEquals(List.of("2024", "2024", "2024", "2025", "2025", "2025", "2025"),
                home.soonestGoals().stream().map(GoalRow::year).toList());
        assertEquals("current", home.soonestGoals().get(0).due());
        assertEquals(List.of("2024年全区教育工作要点", "淄川区教育事业发展“十四五”规划"),
                home.recentDocuments().stream().map(r -> r.document().label()).toList());
        assertEquals("区教体局", home.busiestDepartments().get(0).department().label());
        assertEquals(4, home.busiestDepartments().get(0).leadCount());
        assertEquals("", home.page().root());
        assertEquals("", home.page().searchHref(), "no search page, no search box");
    }

    @Test
    void documentSectionsSplitHeadingsRunInTitlesGoalsAndAttributions() {
        PolicyDocument plan = index.expectDocument("zc-plan");
        List<SectionView> sections = new DocumentBodyBuilder(index).sections(plan, "../");
        assertEquals(List.of("top", "一", "二", "二.（一）", "二.（一）.1", "二.（一）.2", "二.（二）", "二.（二）.3"),
                sections.stream().map(SectionView::id).toList());
        assertEquals(0, sections.get(0).headingLevel(), "the preamble has no heading");
        assertEquals(2, sections.get(1).headingLevel());
        assertEquals(0, sections.get(4).headingLevel(), "a run-in heading stays in its paragraph");
        List<Inline> task1 = sections.get(4).blocks().get(0).paragraphs().get(0).inlines();
        assertEquals(List.of("runin", "text", "goal", "text", "lead", "text", "support", "text", "support", "text"),
                task1.stream().map(Inline::kind).toList());
        assertEquals("1．完善全学段一体化思政工作体系", task1.get(0).text());
        assertEquals("区委教育工委", task1.get(4).text());
        assertEquals("../departments/团区委.html", task1.get(8).href());
        DocumentView.TaskMark mark = sections.get(4).blocks().get(0).task();
        assertEquals("task-二.（一）.1", mark.id());
        assertEquals("1", mark.number());
        assertEquals(List.of("区委宣传部", "团区委"), mark.support().stream().map(Link::label).toList());
        // task 2 spans two lines: two paragraphs in one block
        assertEquals(2, sections.get(5).blocks().get(0).paragraphs().size());
        // the preamble and the headings are outside every task
        assertNull(sections.get(0).blocks().get(0).task());
    }

    @Test
    void aLargeLedgerIsSplitIntoPagesOfWholeDocuments() {
        var department = index.findDepartment("区财政局").orElseThrow();
        DepartmentView whole = new DepartmentViewBuilder(index, layout, goalRows).department(department);
        assertEquals(List.of(), whole.pages(), "a small ledger has one page and no pager");
        assertEquals(2, whole.documents().size());
        // one task to a page: each of its two documents gets a page of its own
        List<DepartmentView> pages = new DepartmentViewBuilder(index, layout, goalRows, 1).pages(department);
        assertEquals(2, pages.size());
        // together the pages list every task of the one-page ledger once, in the same order, and all its goals
        assertEquals(rows(List.of(whole)), rows(pages));
        assertEquals(whole.goals().stream().map(GoalRow::anchor).sorted().toList(),
                pages.stream().flatMap(p -> p.goals().stream()).map(GoalRow::anchor).sorted().toList());
        for (DepartmentView page : pages) {
            assertEquals(whole.supportCount(), page.supportCount());
            assertEquals(1, page.documents().size());
        }
        DepartmentView second = pages.get(1);
        assertEquals(2, second.pageNumber());
        assertEquals("../../", second.page().root());
        assertEquals(List.of("../../departments/区财政局.html", ""), second.pages().stream().map(Link::href).toList());
        assertEquals(List.of("", "../departments/区财政局/2.html"), pages.get(0).pages().stream().map(Link::href).toList());
        assertEquals("../../departments/区教体局.html", second.partners().get(0).department().href());
    }

    private static List<String> rows(List<DepartmentView> pages) {
        return pages.stream().flatMap(p -> p.documents().stream())
                .flatMap(g -> java.util.stream.Stream.concat(g.lead().stream(), g.support().stream()))
                .map(DepartmentView.TaskRow::id).toList();
    }

    @Test
    void departmentViewGroupsItsTasksByDocumentNewestFirst() {
        DepartmentView view = new DepartmentViewBuilder(index, layout, goalRows)
                .department(index.findDepartment("区财政局").orElseThrow());
        assertEquals(0, view.leadCount());
        assertEquals(2, view.supportCount());
        assertEquals(List.of("2024年全区教育工作要点", "淄川区教育事业发展“十四五”规划"),
                view.documents().stream().map(g -> g.document().label()).toList());
        assertEquals(List.of("区教体局"), view.documents().get(0).support().get(0).others().stream().map(Link::label).toList());
        assertEquals("../departments/区财政局.csv", view.ledger().href());
        assertEquals(List.of("区教体局", "区发改局"), view.partners().stream().map(p -> p.department().label()).toList());
        assertEquals(2, view.partners().get(0).sharedTasks());
    }

    @Test
    void relatedTasksPreferOtherDocumentsAndExplainWhy() {
        RelatedTasks related = new RelatedTasks(index);
        List<RelatedTasks.Match> matches = related.of(index.findTask("work-2024/一.1").orElseThrow());
        assertEquals("zc-plan/二.（二）.3", matches.get(0).task().id());
        assertEquals(List.of("区教体局", "区财政局"), matches.get(0).sharedDepartments());
        assertTrue(matches.get(0).similarity() > 0.12, "新改扩建幼儿园 … 新增公办学位 is worded alike");
        assertTrue(matches.size() <= RelatedTasks.LIMIT);
        assertTrue(matches.stream().noneMatch(m -> m.task().id().equals("work-2024/一.1")));
    }

    /** The knowledge base with one task's text changed by {@code edit}. */
    private KnowledgeBase withTaskText(String taskId, java.util.function.UnaryOperator<String> edit) {
        List<PolicyDocument> documents = kb.documents().stream().map(d -> new PolicyDocument(d.id(), d.source(),
                d.text(), d.meta(), d.root(), d.tasks().stream().map(t -> !t.id().equals(taskId) ? t
                        : new Task(t.id(), t.documentId(), t.sectionId(), t.number(), t.title(), edit.apply(t.text()),
                        t.lead(), t.support(), t.span())).toList(), d.goals(), d.problems())).toList();
        return new KnowledgeBase(documents, kb.departments(), kb.departmentIdByName(), kb.problems());
    }

    @Test
    void relatedTasksAreReusedWhileNoTaskIsWordedOrAssignedDifferently() {
        RelatedTaskTable first = new RelatedTasks(index).table();
        RelatedTaskTable read = RelatedTaskTable.read(first.bytes()).orElseThrow();
        String taskId = "work-2024/一.1";

        // a figure is not part of the comparison: the table read back is reused, and gives the same matches
        KnowledgeBase figure = withTaskText(taskId, text -> text.replaceFirst("[0-9]+", "97"));
        assertTrue(!figure.equals(kb), "the edit changed a figure");
        RenderIndex figureIndex = new RenderIndex(figure);
        RelatedTasks reused = new RelatedTasks(figureIndex, read, id -> Optional.empty());
        assertTrue(reused.table() == read, "same tasks, same departments, same words: the table is reused");
        assertEquals(List.copyOf(new RelatedTasks(figureIndex).of(figureIndex.findTask(taskId).orElseThrow())),
                reused.of(figureIndex.findTask(taskId).orElseThrow()));

        // new wording at the start of a task is compared again
        KnowledgeBase worded = withTaskText(taskId, text -> "统筹推进义务教育优质均衡发展，" + text);
        RelatedTasks recomputed = new RelatedTasks(new RenderIndex(worded), read, id -> Optional.empty());
        assertTrue(recomputed.table() != read && !recomputed.table().inputs().equals(read.inputs()));
    }

    @Test
    void aDocumentReadFromTheSameSourceIsNotComparedAgainToFindTheTableStillHolds() {
        java.util.function.Function<String, Optional<String>> versions = id -> Optional.of("first reading of " + id);
        RelatedTaskTable first = RelatedTaskTable.read(new RelatedTasks(index, RelatedTaskTable.NONE, versions).table()
                .bytes()).orElseThrow();
        String taskId = "work-2024/一.1";
        KnowledgeBase worded = withTaskText(taskId, text -> "统筹推进义务教育优质均衡发展，" + text);

        // the same version stands for the same wording: what the table knew of the document is taken as it is
        assertSame(first, new RelatedTasks(new RenderIndex(worded), first, versions).table());

        // a new version is taken apart again: new wording is compared afresh
        String documentId = index.findTask(taskId).orElseThrow().documentId();
        java.util.function.Function<String, Optional<String>> edited = id -> id.equals(documentId)
                ? Optional.of("second reading of " + id) : versions.apply(id);
        RelatedTaskTable recomputed = new RelatedTasks(new RenderIndex(worded), first, edited).table();
        assertNotEquals(first.inputs(), recomputed.inputs());

        assertEquals(recomputed.wording("second reading of " + documentId),
                RelatedTaskTable.read(recomputed.bytes()).orElseThrow().wording("second reading of " + documentId));
        assertTrue(recomputed.wording("second reading of " + documentId).isPresent());

        // a new version with the same wording (a figure changed) is taken apart, and the table is kept as it is
        KnowledgeBase figure = withTaskText(taskId, text -> text.replaceFirst("[0-9]+", "97"));
        assertSame(first, new RelatedTasks(new RenderIndex(figure), first, edited).table());
    }

    @Test
    void aDamagedRelatedTaskTableIsNoTable() {
        byte[] bytes = new RelatedTasks(index).table().bytes();
        assertTrue(RelatedTaskTable.read(bytes).isPresent());
        assertTrue(RelatedTaskTable.read(java.util.Arrays.copyOf(bytes, bytes.length - 3)).isEmpty(), "cut short");
        assertTrue(RelatedTaskTable.read("not a table".getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEmpty());
        byte[] outOfRange = bytes.clone();
        // the last related task's position, made to point past the tasks
        int at = bytes.length - 8 * countOf(bytes) - 4;
        java.nio.ByteBuffer.wrap(outOfRange).putInt(at, Integer.MAX_VALUE);
        assertTrue(RelatedTaskTable.read(outOfRange).isEmpty(), "a position past the tasks");
    }

    /** How many related-task entries a table's bytes hold (the last of its start offsets). */
    private static int countOf(byte[] bytes) {
        RelatedTaskTable table = RelatedTaskTable.read(bytes).orElseThrow();
        int count = 0;
        for (int t = 0; t < table.tasks(); t++) {
            count += table.count(t);
        }
        return count;
    }

    @Test
    void aTableRowsTaskPageDropsTheCellsItsHeadingRepeats() {
        Task row = new Task("d/表2.4", "d", "表2", "4", "乡村中小学厕所革命工程",
                "4\n乡村中小学厕所\n革命工程\n改善乡村中小学卫生条件。（区教体局、区财政局负责）", Optional.of("区教体局"),
                List.of("区财政局"), new SourceSpan(0, 10, 1));
        assertEquals(List.of("改善乡村中小学卫生条件。（区教体局、区财政局负责）"), TaskViewBuilder.body(row));
        Task runIn = new Task("d/1", "d", "s1", "1．", "推进集团化办学", "1．推进集团化办学。组建教育集团12个。",
                Optional.empty(), List.of(), new SourceSpan(0, 10, 1));
        assertEquals(List.of("1．推进集团化办学。组建教育集团12个。"), TaskViewBuilder.body(runIn), "a run-in title stays in its sentence");
    }

    @Test
    void bigramsAndJaccard() {
        long[] a = RelatedTasks.bigrams("新增学位，新增学位");
        assertEquals(3, a.length, "新增 增学 学位, once each; the comma breaks the run");
        assertEquals(1.0, RelatedTasks.similarity("新增学位，新增学位", "新增学位"));
        assertEquals(0.2, RelatedTasks.similarity("新增学位", "学位数量"), 1e-9);
    }

    @Test
    void hrefsAreRelativeAndPercentEncoded() {
        assertEquals("../../", RelativeHref.root("tasks/doc/1.html"));
        assertEquals("../departments/区教体局.html#g1",
                RelativeHref.to("../", "departments/区教体局.html#g1"));
        assertEquals("a%20b%25.html", RelativeHref.to("", "a b%.html"));
    }
}
