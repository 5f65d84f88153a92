package org.policykb.source;

import org.junit.jupiter.api.Test;
import org.policykb.testing.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** A damaged Word document is a problem, never an exception that would stop the build. */
class DocxRobustnessTest {
    @Test
    void damagedCopiesOfARealDocumentNeverThrow() throws IOException {
        byte[] original = Files.readAllBytes(Fixtures.site("formats").resolve("numbered.docx"));
        DocxReader reader = new DocxReader();
        Random random = new Random(25);
        for (int i = 0; i < 60; i++) {
            byte[] damaged = Arrays.copyOf(original, original.length);
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            }
            assertDoesNotThrow(() -> reader.read("damaged.docx", damaged));
            byte[] cut = Arrays.copyOf(original, random.nextInt(original.length));
            assertDoesNotThrow(() -> reader.read("cut.docx", cut));
        }
    }
}
