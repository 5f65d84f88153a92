package org.policykb.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.policykb.model.Department;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A department's obligations as the ledger (台账) staff keep in a spreadsheet: one row per task it leads or
 * supports, UTF-8 with a byte-order mark so Excel reads the Chinese correctly, and an empty progress column to
 * fill in.
 */
final class DepartmentLedger {
    static final List<String> HEADER = List.of("角色", "文件", "发文字号", "发文日期", "章节", "任务编号", "任务",
            "任务内容", "牵头部门", "配合部门", "目标", "完成年限", "页面", "进展情况");

    private final RenderIndex index;
    private final ObjectWriter writer;

    DepartmentLedger(RenderIndex index) {
        this.index = index;
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS).build();
        this.writer = mapper.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));
    }

    String csv(Department department, List<Task> lead, List<Task> support) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        lead.forEach(t -> rows.add(row("牵头", t)));
        support.forEach(t -> rows.add(row("配合", t)));
        try {
            return "\uFEFF" + writer.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write the ledger of " + department.id(), e);
        }
    }

    private List<String> row(String role, Task task) {
        Optional<PolicyDocument> document = index.findDocument(task.documentId());
        List<Goal> goals = index.goalsOf(task);
        String section = index.contextOf(task).map(TaskViewBuilder::sectionLabel).orElse("");
        String years = goals.stream().map(Goal::year).flatMap(Optional::stream).distinct().sorted()
                .map(String::valueOf).collect(Collectors.joining("、"));
        List<String> cells = List.of(role,
                document.map(d -> d.meta().title()).orElse(task.documentId()),
                document.flatMap(d -> d.meta().docNumber()).orElse(""),
                document.flatMap(d -> d.meta().date()).map(Objects::toString).orElse(""),
                section,
                task.number() == null ? "" : task.number().strip(),
                task.title() == null ? "" : task.title().strip(),
                task.text() == null ? "" : String.join("\n", TaskViewBuilder.lines(task.text())),
                task.lead().orElse(""),
                String.join("、", task.support()),
                goals.stream().map(g -> g.text() + g.value().map(v -> "（" + v + "）").orElse(""))
                        .collect(Collectors.joining("；")),
                years,
                SiteUrls.task(task.id()),
                "");
        return cells.stream().map(DepartmentLedger::inert).toList();
    }

    /** A spreadsheet would run a cell starting with = + - @ as a formula; a leading apostrophe keeps it text. */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
