package org.policykb.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.KnowledgeBase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary kept per document gives the change report a whole summary would, reading only what differs. */
class SummaryStoreTest {
    private static final String PLAN = ChangeReportTest.V1;
    private static final String PLAN_EDITED = ChangeReportTest.V2;
    private static final String HEALTH = """
            某区2024年卫生健康工作要点
            一、重点任务
            1.推进家庭医生签约服务。签约率达到45%。（区卫健局负责）
            """;
    private static final String SPORT = """
            某区2024年体育工作要点
            一、重点任务
            1.建设全民健身设施。新建健身路径20处。（区教体局、区住建局负责）
            """;
    private static final String CULTURE = """
            某区2024年文化工作要点
            一、重点任务
            1.建设城市书房。新建城市书房5处。（区文旅局负责）
            """;

    private final ObjectMapper json = new ObjectMapper();

    private static KnowledgeBase read(Path content, Map<String, String> hashes, Map<String, String> files) throws Exception {
        try (Stream<Path> old = Files.list(content)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        hashes.clear();
        for (var file : files.entrySet()) {
            Files.writeString(content.resolve(file.getKey()), file.getValue());
            hashes.put(file.getKey(), org.policykb.model.Sha256.hex(file.getValue()));
        }
        return KnowledgeBaseReader.read(content);
    }

    @Test
    void aChangeReportFromThePartsOfChangedDocumentsEqualsOneFromWholeSummaries(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path state = tmp.resolve("state");
        Map<String, String> hashes = new HashMap<>();
        KnowledgeBase first = read(content, hashes, Map.of("plan.txt", PLAN, "health.txt", HEALTH, "sport.txt", SPORT));
        KnowledgeSummary whole = KnowledgeSummary.of(first, hashes);
        SummaryStore store = new SummaryStore(state, "code-1", json);
        store.write(first, hashes);

        // the plan is edited, the health plan removed, a culture plan added; the sport plan stays as it was
        KnowledgeBase second = read(content, hashes, Map.of("plan.txt", PLAN_EDITED, "sport.txt", SPORT, "culture.txt", CULTURE));
        SummaryStore.Comparison compared = new SummaryStore(state, "code-1", json).compare(second, hashes);
        ChangeReport expected = ChangeReport.between(whole, KnowledgeSummary.of(second, hashes));
        ChangeReport actual = ChangeReport.between(compared.before(), compared.after());
        assertEquals(expected, actual);
        assertTrue(actual.changes().stream().anyMatch(c -> c.kind() == ChangeReport.Kind.GOAL_CHANGED), actual.summary());
        assertTrue(actual.changes().stream().anyMatch(c -> c.kind() == ChangeReport.Kind.TASK_REMOVED
                && c.description().contains("家庭医生")), actual.summary());
        // only the documents that differ were read or summarised
        String sportId = second.documents().stream().filter(d -> d.source().equals("sport.txt")).findFirst().orElseThrow().id();
        assertTrue(compared.before().tasks().stream().noneMatch(t -> t.document().equals(sportId)));
        assertTrue(compared.after().tasks().stream().noneMatch(t -> t.document().equals(sportId)));
        assertEquals(3, compared.after().documents().size());

        // after the second build: one part per document and the index, the parts of old versions gone
        new SummaryStore(state, "code-1", json).write(second, hashes);
        try (Stream<Path> files = Files.list(state.resolve(SummaryStore.FOLDER))) {
            assertEquals(4, files.count());
        }
        assertTrue(new SummaryStore(state, "code-1", json).compare(second, hashes).before().tasks().isEmpty(),
                "nothing differs, nothing is read");
    }

    @Test
    void theSingleFileOfAnOlderPolicyKbIsComparedWithOnceThenReplaced(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path state = Files.createDirectories(tmp.resolve("state"));
        Map<String, String> hashes = new HashMap<>();
        KnowledgeBase first = read(content, hashes, Map.of("plan.txt", PLAN));
        json.writeValue(state.resolve(KnowledgeSummary.FILE_NAME).toFile(), KnowledgeSummary.of(first, hashes));

        KnowledgeBase second = read(content, hashes, Map.of("plan.txt", PLAN_EDITED));
        SummaryStore store = new SummaryStore(state, "code-1", json);
        SummaryStore.Comparison compared = store.compare(second, hashes);
        ChangeReport report = ChangeReport.between(compared.before(), compared.after());
        assertEquals(1, report.count(ChangeReport.Kind.DOCUMENT_CHANGED), report.summary());
        store.write(second, hashes);
        assertFalse(Files.exists(state.resolve(KnowledgeSummary.FILE_NAME)));
        assertEquals(List.of(), ChangeReport.between(store.compare(second, hashes).before(),
                store.compare(second, hashes).after()).changes());
    }
}
