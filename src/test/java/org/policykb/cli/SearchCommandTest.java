package org.policykb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.build.KnowledgeBaseReader;
import org.policykb.index.SearchIndex;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchCommandTest {
    static Path state;

    @BeforeAll
    static void index(@TempDir Path dir) throws Exception {
        state = dir;
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
            index.update(KnowledgeBaseReader.read(Path.of("content")));
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
