package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.testing.Fixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 50 MB document and a line of 1 MB, made at test time, built by the real SiteBuilder in the test JVM's heap
 * (2 GB): the build finishes in bounded time, both documents are read whole, tiled by their sections and
 * published with every task.
 */
class LargeInputTest {
    @Test
    @Timeout(300)
    void aFiftyMegabyteDocumentAndAOneMegabyteLineAreBuilt(@TempDir Path tmp) throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("fifty-megabytes.txt"), LargeDocuments.fiftyMegabytes());
        Files.writeString(content.resolve("one-megabyte-line.txt"), LargeDocuments.oneMegabyteLine());
        Path site = tmp.resolve("out/site");
        long started = System.nanoTime();
        BuildResult result = new SiteBuilder().build(new BuildSettings(content, site, Fixtures.projectRoot().resolve("templates"),
                false, LocalDate.of(2025, 1, 1)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("LargeInputTest: " + result.summary() + "; measured " + millis + " ms");

        Map<String, PolicyDocument> bySource = result.knowledgeBase().documents().stream()
                .collect(Collectors.toMap(PolicyDocument::source, Function.identity()));
        PolicyDocument big = bySource.get("fifty-megabytes.txt");
        assertTrue(big.text().getBytes(StandardCharsets.UTF_8).length >= 50_000_000);
        assertTiled(big);
        assertEquals(100, big.tasks().size());
        assertTrue(big.tasks().stream().allMatch(t -> t.lead().orElse("").equals("区教体局")), "every task keeps its lead");
        PolicyDocument line = bySource.get("one-megabyte-line.txt");
        assertTrue(line.text().getBytes(StandardCharsets.UTF_8).length >= 1_000_000);
        assertTiled(line);
        assertEquals("区教体局", line.tasks().get(0).lead().orElseThrow());
        assertTrue(Files.size(site.resolve("documents/fifty-megabytes.html")) > 50_000_000);
        assertTrue(Files.isRegularFile(site.resolve("documents/one-megabyte-line.html")));
    }

    private static void assertTiled(PolicyDocument doc) {
        List<Section> all = doc.root().flatten();
        int at = 0;
        for (Section s : all) {
            assertEquals(at, s.span().start(), doc.source() + ": " + s.id());
            at = s.span().end();
        }
        assertEquals(doc.text().length(), at, doc.source());
    }
}
