package org.policykb.render;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

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

    /** UTF-8's byte-order mark, which tells Excel the file is UTF-8. */
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final RenderIndex index;
    private final ObjectWriter writer;

    DepartmentLedger(RenderIndex index) {
        this.index = index;
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS).build();
        // no flush after each row: the stream compares what it is given with the published file, in blocks
        this.writer = mapper.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"))
                .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** Writes the ledger row by row: a department's tasks of 10,000 documents are a 130 MB file. */
    void write(List<Task> lead, List<Task> support, java.io.OutputStream out) throws java.io.IOException {
        out.write(BYTE_ORDER_MARK);
        try (com.fasterxml.jackson.databind.SequenceWriter rows = writer.writeValues(out)) {
            rows.write(HEADER);
            for (Task task : lead) {
                rows.write(row("牵头", task));
            }
            for (Task task : support) {
                rows.write(row("配合", task));
            }
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
