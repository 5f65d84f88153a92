package org.policykb.render;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SiteUrls;
import org.policykb.model.StreamedFile;
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
    private static final String LEAD = "牵头";
    private static final String SUPPORT = "配合";
    /** Changes whenever what a row shows changes, so parts of ledgers of older builds are not copied. */
    private static final String PART_FORMAT = "ledger rows 1\u0000";
    private final RenderIndex index;
    private final ObjectWriter writer;

    DepartmentLedger(RenderIndex index) {
        this.index = index;
        // each document's rows are written by a writer of their own, which must leave the file open when done
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
                .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        // no flush after each row: the stream compares what it is given with the published file, in blocks
        this.writer = mapper.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"))
                .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /**
     * Writes the ledger row by row: a department's tasks of 10,000 documents are a 130 MB file. The rows of one
     * document in one role are a {@link StreamedFile.Output#part part}, keyed by {@code version} (what exactly the
     * document was read from, if known) and the tasks: publishing copies the part from the published ledger while
     * the document is unchanged, instead of making its rows again.
     */
    void write(List<Task> lead, List<Task> support, java.util.function.Function<String, Optional<String>> version,
               StreamedFile.Output out) throws java.io.IOException {
        out.write(BYTE_ORDER_MARK);
        try (com.fasterxml.jackson.databind.SequenceWriter rows = writer.writeValues(out)) {
            rows.write(HEADER);
        }
        rows(LEAD, lead, version, out);
        rows(SUPPORT, support, version, out);
    }

    /** The rows of {@code tasks} in {@code role}, a part for each run of tasks of one document. */
    private void rows(String role, List<Task> tasks, java.util.function.Function<String, Optional<String>> version,
                      StreamedFile.Output out) throws java.io.IOException {
        for (int start = 0; start < tasks.size(); ) {
            String documentId = tasks.get(start).documentId();
            int end = start;
            while (end < tasks.size() && tasks.get(end).documentId().equals(documentId)) {
                end++;
            }
            List<Task> run = tasks.subList(start, end);
            StreamedFile.Content content = part -> {
                try (com.fasterxml.jackson.databind.SequenceWriter rows = writer.writeValues(part)) {
                    for (Task task : run) {
                        rows.write(row(role, task));
                    }
                }
            };
            Optional<String> read = version.apply(documentId);
            if (read.isPresent()) {
                StringBuilder key = new StringBuilder(PART_FORMAT).append(role).append('\u0000').append(read.get());
                run.forEach(task -> key.append('\u0000').append(task.id()));
                out.part(key.toString(), content);
            } else {
                content.writeTo(out);
            }
            start = end;
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
