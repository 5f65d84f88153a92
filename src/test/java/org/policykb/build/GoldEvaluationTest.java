package org.policykb.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.testing.Fixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds the sample content and scores its data export with the gold evaluator ({@code Fixtures.gold()}: ../shared/gold,
 * else the copy committed in src/test/resources/gold),
 * at the thresholds the foundation issue sets.
 */
class GoldEvaluationTest {
    @Test
    void sampleExportMeetsTheGoldThresholds(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        BuildResult result = new SiteBuilder().build(new BuildSettings(Fixtures.content(), out,
                Fixtures.projectRoot().resolve("templates"), false, LocalDate.of(2026, 1, 1)));
        assertEquals(5, result.knowledgeBase().documents().size());

        Process p = new ProcessBuilder("python3", Fixtures.gold().resolve("evaluate.py").toString(),
                "--gold", Fixtures.gold().toString(), "--data", out.resolve("data").toString(), "--json")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "evaluate.py did not finish");
        assertEquals(0, p.exitValue(), output);
        JsonNode scores = new ObjectMapper().readTree(output);
        JsonNode f1 = scores.get("scores");
        String report = scores.toPrettyString();
        assertTrue(f1.get("sections").get("f1").asDouble() >= 0.95, report);
        assertTrue(f1.get("tasks").get("f1").asDouble() >= 0.95, report);
        assertTrue(f1.get("departments").get("f1").asDouble() >= 0.95, report);
        assertTrue(f1.get("goals").get("f1").asDouble() >= 0.85, report);
        assertTrue(scores.get("roles_exact").asDouble() >= 0.95, report);
        assertTrue(scores.get("metadata").asDouble() >= 0.9, report);
    }
}
