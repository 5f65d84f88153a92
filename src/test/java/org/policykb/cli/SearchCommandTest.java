package org.policykb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.build.KnowledgeBaseReader;
import org.policykb.index.SearchIndex;
import org.policykb.model.DocumentKind;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchCommandTest {
    static Path state;
    static KnowledgeBase kb;

    @BeforeAll
    static void index(@TempDir Path dir) throws Exception {
        state = dir;
        kb = KnowledgeBaseReader.read(Path.of("content"));
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            index.update(kb);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.commandLine().execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void printsRankedHitsWithMarkedSnippetsAndUrls() {
        Run run = run("search", "教体局", "--type", "task", "--limit", "3", "--state", state.toString(), "--color", "never");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("1. [task] "), run.out());
        assertTrue(run.out().contains("区【教体局】"), run.out());
        assertTrue(run.out().contains("   tasks/"), run.out());
    }

    @Test
    void jsonGivesPlainSnippetsWithOffsets() throws Exception {
        Run run = run("search", "学前", "--json", "--state", state.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode hits = new ObjectMapper().readTree(run.out()).get("hits");
        assertEquals(10, hits.size());
        JsonNode snippet = hits.get(0).get("snippet");
        JsonNode mark = snippet.get("highlights").get(0);
        assertEquals("学前", snippet.get("text").asText().substring(mark.get(0).asInt(), mark.get(1).asInt()));
    }

    @Test
    void departmentFilterWithoutQueryListsItsTasks() throws Exception {
        Run run = run("search", "--department", "区教体局", "--role", "lead", "--json", "--limit", "1000", "--state", state.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertEquals(result.get("total").asInt(), result.get("hits").size());
        for (JsonNode hit : result.get("hits")) {
            assertEquals("task", hit.get("type").asText());
            assertEquals("区教体局", hit.get("lead").asText());
        }
    }

    /** The ids of all hits of a search printed as JSON, in rank order; the search must list all it found. */
    private static List<String> ids(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("search", "--json", "--limit", "100000", "--state", state.toString()));
        all.addAll(List.of(args));
        Run run = run(all.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        JsonNode result = new ObjectMapper().readTree(run.out());
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
        assertEquals(result.get("total").asInt(), ids.size());
        return ids;
    }

    @Test
    void kindWithoutQueryListsEverythingFromDocumentsOfThatKind() throws Exception {
        // what data/documents.json says: the work plans, each with its sections, tasks and goals
        PolicyDocument plan = kb.documents().stream().filter(d -> d.meta().kind() == DocumentKind.WORK_PLAN)
                .reduce((a, b) -> { throw new AssertionError("one work plan among the samples"); }).orElseThrow();
        Set<String> expected = new HashSet<>();
        expected.add("document/" + plan.id());
        plan.sections().forEach(s -> expected.add("section/" + plan.id() + "#" + s.id()));
        plan.tasks().forEach(t -> expected.add("task/" + t.id()));
        plan.goals().forEach(g -> expected.add("goal/" + g.id()));
        List<String> listed = ids("--kind", "work-plan");
        assertEquals(expected, new HashSet<>(listed));
        assertEquals(expected.size(), listed.size());
        assertTrue(listed.size() > 50, "the 2020 工作要点 has many items: " + listed.size());
    }

    @Test
    void kindKeepsExactlyTheHitsOfThatKindInTheirOrder() throws Exception {
        Map<String, DocumentKind> kindOf = new HashMap<>();
        kb.documents().forEach(d -> kindOf.put(d.id(), d.meta().kind()));
        List<String> everything = ids("教育");
        for (DocumentKind kind : DocumentKind.values()) {
            List<String> expected = everything.stream().filter(id -> kindOf.get(documentOf(id)) == kind).toList();
            assertEquals(expected, ids("教育", "--kind", kind.code()), kind.code());
        }
        assertTrue(ids("教育", "--kind", "news").size() >= 3, "the news article speaks of 教育");
    }

    private static String documentOf(String id) {
        String local = id.substring(id.indexOf('/') + 1);
        return local.split("[/#]")[0];
    }

    @Test
    void yearListsTheGoalsOfThatYearAndTheTasksWithSuchAGoal() throws Exception {
        // goals.json: the goals with year 2025; tasks.json: the tasks whose goals include one of them
        List<String> goals = kb.goals().stream().filter(g -> g.year().equals(Optional.of(2025)))
                .map(g -> "goal/" + g.id()).toList();
        Set<String> tasksWithGoal = kb.goals().stream().filter(g -> g.year().equals(Optional.of(2025)))
                .flatMap(g -> g.taskId().stream()).collect(Collectors.toSet());
        List<String> tasks = kb.tasks().stream().filter(t -> tasksWithGoal.contains(t.id())).map(t -> "task/" + t.id()).toList();
        assertEquals(27, goals.size(), "the samples' goals due in 2025");
        assertEquals(14, tasks.size(), "the samples' tasks with a goal due in 2025");
        assertEquals(goals, ids("--year", "2025", "--type", "goal"));
        assertEquals(tasks, ids("--year", "2025", "--type", "task"));
        List<String> both = new ArrayList<>(tasks);
        both.addAll(goals);
        assertEquals(both, ids("--year", "2025"));
        assertEquals(1, run("search", "--year", "1999", "--state", state.toString()).exit(), "no goal is due in 1999");
    }

    @Test
    void jsonHitsCarryTheirDocumentKindAndGoalYears() throws Exception {
        Run run = run("search", "--year", "2025", "--json", "--limit", "1000", "--state", state.toString());
        assertEquals(0, run.exit(), run.err());
        Map<String, DocumentKind> kindOf = new HashMap<>();
        kb.documents().forEach(d -> kindOf.put(d.id(), d.meta().kind()));
        Map<String, Integer> yearOfGoal = new HashMap<>();
        kb.goals().forEach(g -> g.year().ifPresent(y -> yearOfGoal.put("goal/" + g.id(), y)));
        int goals = 0;
        for (JsonNode hit : new ObjectMapper().readTree(run.out()).get("hits")) {
            String id = hit.get("id").asText();
            assertEquals(kindOf.get(hit.get("document").asText()).code(), hit.get("kind").asText(), id);
            List<Integer> years = new ArrayList<>();
            hit.get("years").forEach(y -> years.add(y.asInt()));
            assertTrue(years.contains(2025), id + " " + years);
            if (id.startsWith("goal/")) {
                assertEquals(List.of(yearOfGoal.get(id)), years, id);
                goals++;
            }
        }
        assertEquals(27, goals);
    }

    @Test
    void kindAndYearTogether() throws Exception {
        Set<String> planDocuments = kb.documents().stream().filter(d -> d.meta().kind() == DocumentKind.WORK_PLAN)
                .map(PolicyDocument::id).collect(Collectors.toSet());
        List<String> expected = kb.goals().stream().filter(g -> g.year().equals(Optional.of(2020)))
                .filter(g -> planDocuments.contains(g.documentId())).map(g -> "goal/" + g.id()).toList();
        assertFalse(expected.isEmpty());
        assertEquals(expected, ids("--kind", "work-plan", "--year", "2020", "--type", "goal"));
    }

    @Test
    void unknownKindNamesTheKinds() {
        Run run = run("search", "教育", "--kind", "memo", "--state", state.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("「memo」") && run.err().contains("plan, work-plan, report, news"), run.err());
        assertEquals("", run.out());
        assertEquals(2, run("search", "--year", "二〇二五", "--state", state.toString()).exit());
        Run help = run("search", "--help");
        assertTrue(help.out().contains("--kind=KIND") && help.out().contains("work-plan")
                && help.out().contains("--year=YYYY"), help.out());
    }

    @Test
    void exitCodesSayWhatHappened() {
        assertEquals(1, run("search", "局体教区", "--state", state.toString()).exit());
        Run unknown = run("search", "--department", "区教育局", "--state", state.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("closest: 区教体局"), unknown.err());
        assertEquals(2, run("search", "教育", "--role", "lead", "--state", state.toString()).exit());
        assertEquals(2, run("search", "--state", state.toString()).exit());
        assertEquals(3, run("search", "教育", "--state", state.resolve("missing").toString()).exit());
    }
}
