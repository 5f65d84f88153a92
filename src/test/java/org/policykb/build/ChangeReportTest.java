package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.KnowledgeBase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeReportTest {
    /** A work plan, and the same plan with a target raised, a task added, tasks renumbered and one reassigned. */
    static final String V1 = """
            某区2024年工作要点
            一、重点任务
            1.扩大学前教育资源。普惠性幼儿园覆盖率达到80%。（区教体局、区财政局负责）
            2.改善办学条件。新建学校3所。（区教体局负责）
            3.加强教师队伍建设。招聘教师200名。（区人社局、区教体局负责）
            """;
    static final String V2 = """
            某区2024年工作要点
            一、重点任务
            1.扩大学前教育资源。普惠性幼儿园覆盖率达到90%。（区教体局、区财政局负责）
            2.落实课后服务。课后服务实现全覆盖。（区教体局负责）
            3.改善办学条件。新建学校3所。（区教体局负责）
            4.加强教师队伍建设。招聘教师200名。（区教体局、区人社局负责）
            """;

    private static KnowledgeSummary summary(Path dir, String text) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("plan.txt"), text);
        KnowledgeBase kb = KnowledgeBaseReader.read(dir);
        return KnowledgeSummary.of(kb, Map.of("plan.txt", Integer.toHexString(text.hashCode())));
    }

    @Test
    void renumberedTasksMoveChangedTargetsAndReassignmentsAreReported(@TempDir Path tmp) throws Exception {
        ChangeReport report = ChangeReport.between(summary(tmp.resolve("a"), V1), summary(tmp.resolve("b"), V2));
        assertEquals(1, report.count(ChangeReport.Kind.DOCUMENT_CHANGED));
        assertEquals(1, report.count(ChangeReport.Kind.TASK_ADDED), report.changes().toString());
        assertEquals(2, report.count(ChangeReport.Kind.TASK_MOVED), "改善办学条件 2.→3. and 加强教师队伍建设 3.→4.");
        assertTrue(report.movedTaskIds().isEmpty(), "renumbered tasks keep their ids: " + report.movedTaskIds());
        List<String> goals = report.changes().stream().filter(c -> c.kind() == ChangeReport.Kind.GOAL_CHANGED)
                .map(ChangeReport.Change::description).toList();
        assertEquals(List.of("普惠性幼儿园覆盖率 80% → 90%"), goals);
        assertTrue(report.changes().stream().anyMatch(c -> c.kind() == ChangeReport.Kind.TASK_REASSIGNED
                && c.description().contains("区人社局牵头，区教体局配合 → 区教体局牵头，区人社局配合")), report.changes().toString());
        assertTrue(report.summary().contains("普惠性幼儿园覆盖率 80% → 90%"));
    }

    @Test
    void aTaskWhoseTitleWasEditedIsFoundByItsTextAndRedirected(@TempDir Path tmp) throws Exception {
        String edited = V1.replace("2.改善办学条件。", "2.持续改善办学条件。");
        ChangeReport report = ChangeReport.between(summary(tmp.resolve("a"), V1), summary(tmp.resolve("b"), edited));
        assertEquals(Map.of("plan/t-改善办学条件", "plan/t-持续改善办学条件"), report.movedTaskIds());
    }

    @Test
    void anUnchangedBuildHasNoChanges(@TempDir Path tmp) throws Exception {
        ChangeReport report = ChangeReport.between(summary(tmp.resolve("a"), V1), summary(tmp.resolve("b"), V1));
        assertTrue(report.isEmpty(), report.changes().toString());
    }
}
