package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.policykb.model.Department;
import org.policykb.model.DocumentKind;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Task;
import org.policykb.testing.Fixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layouts other than the samples': a GB18030 national opinion, a programme with labelled units and a table, Markdown. */
class LayoutsTest {
    private static final KnowledgeBase KB = KnowledgeBaseReader.read(Fixtures.site("layouts"));

    private static PolicyDocument doc(String source) {
        return KB.documents().stream().filter(d -> d.source().equals(source)).findFirst().orElseThrow();
    }

    private static List<String> titles(PolicyDocument d) {
        return d.tasks().stream().map(Task::title).toList();
    }

    @Test
    void nationalOpinionInGb18030() {
        PolicyDocument d = doc("opinion-gb18030.txt");
        assertEquals("国务院办公厅关于进一步加强中小学生体质健康工作的意见", d.meta().title());
        assertEquals(Optional.of("国办发〔2025〕7号"), d.meta().docNumber());
        assertEquals(Optional.of("国务院办公厅"), d.meta().issuer());
        assertEquals(Optional.of(LocalDate.of(2025, 3, 18)), d.meta().date());
        assertEquals(DocumentKind.PLAN, d.meta().kind());
        assertEquals(List.of("保证体育锻炼时间", "改善场地设施条件", "加强体育教师队伍建设"), titles(d),
                "the framework chapters (总体要求, 保障措施) hold no tasks");
        Task facilities = d.tasks().get(1);
        assertEquals(Optional.of("国家发展改革委"), facilities.lead());
        assertEquals(List.of("教育部", "财政部", "住房城乡建设部"), facilities.support());
        assertTrue(d.goals().stream().anyMatch(g -> g.taskId().isEmpty() && g.value().equals(Optional.of("60%以上"))
                && g.year().equals(Optional.of(2027))), "the goal chapter's targets belong to the document");
    }

    @Test
    void programmeWithLabelledUnitsAndAResponsibilityColumn() {
        PolicyDocument d = doc("programme.txt");
        assertEquals("某市义务教育薄弱环节改善实施方案（2024—2026年）", d.meta().title());
        assertEquals(List.of("实施校舍改造工程", "配齐教学装备", "落实经费投入", "城区学校扩容", "农村寄宿制学校建设"), titles(d));
        assertEquals(Optional.of("市财政局"), d.tasks().get(2).lead());
        assertEquals(Optional.of("市教育局"), d.tasks().get(3).lead());
        assertEquals(List.of("市自然资源局"), d.tasks().get(3).support());
        assertTrue(d.goals().stream().allMatch(g -> g.year().equals(Optional.of(2026))), "horizon from the title's range");
    }

    @Test
    void markdownFrontMatterOverridesInference() {
        PolicyDocument d = doc("briefing.md");
        assertEquals("某区2025年教育工作新闻发布会实录", d.meta().title());
        assertEquals(Optional.of("某区人民政府新闻办公室"), d.meta().issuer());
        assertEquals(Optional.of(LocalDate.of(2025, 1, 20)), d.meta().date());
        assertEquals(DocumentKind.REPORT, d.meta().kind());
        assertEquals(List.of("扩大优质资源", "提升教育质量", "加强队伍建设"), titles(d));
    }

    @Test
    void oneDepartmentPerDistinctUnitWithItsTasks() {
        Department moe = KB.expectDepartmentByName("教育部");
        assertEquals(2, moe.leadTasks().size());
        assertEquals(1, moe.supportTasks().size());
        assertEquals(KB.departments().size(), KB.departments().stream().map(Department::name).distinct().count());
    }
}
