package org.policykb.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed gold answers are the shared ones: one answer per sample document, and the evaluator. */
class GoldCopyTest {
    @Test
    void theCommittedGoldCoversEverySampleAndEqualsTheSharedOneWhereThatExists() throws IOException {
        List<String> committed = names(Fixtures.committedGold());
        assertTrue(committed.contains("evaluate.py"), committed.toString());
        try (Stream<Path> samples = Files.list(Fixtures.content())) {
            for (Path sample : samples.filter(p -> p.toString().endsWith(".txt")).toList()) {
                String answer = sample.getFileName().toString().replaceAll("\\.txt$", ".json");
                assertTrue(committed.contains(answer), "no gold answer for " + sample.getFileName());
            }
        }
        Path shared = Fixtures.sharedGold();
        if (Files.isDirectory(shared)) {
            assertEquals(names(shared), committed, "the shared gold has other files than the committed copy");
            for (String name : committed) {
                assertArrayEquals(Files.readAllBytes(shared.resolve(name)),
                        Files.readAllBytes(Fixtures.committedGold().resolve(name)), name + " differs from ../shared/gold");
            }
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
