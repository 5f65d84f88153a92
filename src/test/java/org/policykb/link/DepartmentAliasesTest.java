package org.policykb.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.build.KnowledgeBaseReader;
import org.policykb.model.Department;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepartmentAliasesTest {
    @Test
    void namesListedAsAliasesAreOneDepartment(@TempDir Path content) throws Exception {
        Files.writeString(content.resolve("a.txt"), "某区工作要点\n一、重点任务\n1.扩大学前教育资源。新建幼儿园10所。（区教体局、区财政局负责）\n");
        Files.writeString(content.resolve("b.txt"), "某区实施方案\n一、主要任务\n1.改善办学条件。新建学校3所。（淄川区教育和体育局负责）\n");
        Files.writeString(content.resolve(DepartmentAliases.FILE_NAME), "# 编辑维护\n淄川区教育和体育局 = 区教体局, 淄川区教体局\n");
        KnowledgeBase kb = KnowledgeBaseReader.read(content);
        Department edu = kb.expectDepartmentByName("区教体局");
        assertEquals("淄川区教育和体育局", edu.name());
        assertTrue(edu.aliases().contains("区教体局"));
        assertEquals(2, edu.leadTasks().size());
        assertEquals(2, kb.departments().size());
    }

    @Test
    void aLineWithoutAliasIsReportedWithItsLine() {
        List<Problem> problems = new ArrayList<>();
        DepartmentAliases aliases = DepartmentAliases.parse("departments.aliases", "区教体局 = 淄川区教育和体育局\n区财政局\n", problems);
        assertEquals("区教体局", aliases.canonical("淄川区教育和体育局"));
        assertEquals(1, problems.size());
        assertEquals(2, problems.get(0).line());
    }
}
