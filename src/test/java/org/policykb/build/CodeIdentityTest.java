package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The code's identity follows the bytes of its classes and resources, not their dates. */
class CodeIdentityTest {
    @Test
    void aChangedClassOrResourceIsOtherCodeAndARecompiledIdenticalOneIsNot(@TempDir Path tmp) throws Exception {
        Path classes = tmp.resolve("classes");
        Path gazetteer = classes.resolve("org/policykb/extract/places.txt");
        Files.createDirectories(gazetteer.getParent());
        Files.writeString(gazetteer, "淄博市\n张店区\n");
        Files.write(classes.resolve("org/policykb/extract/Gazetteer.class"), new byte[]{(byte) 0xca, (byte) 0xfe, 0, 1});
        String original = CodeIdentity.of(classes);

        Files.setLastModifiedTime(gazetteer, FileTime.fromMillis(1_500_000_000_000L));
        assertEquals(original, CodeIdentity.of(classes), "the same bytes, written again, are the same code");

        Files.writeString(gazetteer, "淄博市\n张店区\n周村区\n");
        assertNotEquals(original, CodeIdentity.of(classes), "a place added to the gazetteer changes what is extracted");

        Files.writeString(gazetteer, "淄博市\n张店区\n");
        assertEquals(original, CodeIdentity.of(classes));
        Files.move(gazetteer, gazetteer.resolveSibling("places-old.txt"));
        assertNotEquals(original, CodeIdentity.of(classes), "a renamed resource is not found where the code looks");
    }

    @Test
    void aJarIsItsBytes(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("policykb.jar");
        Files.write(jar, new byte[]{'P', 'K', 3, 4, 1});
        String original = CodeIdentity.of(jar);
        assertEquals(original, CodeIdentity.of(jar));
        Files.write(jar, new byte[]{'P', 'K', 3, 4, 2});
        assertNotEquals(original, CodeIdentity.of(jar));
    }

    @Test
    void theCodeOfThisProcessIsItsClassesFolder() {
        assertEquals(CodeIdentity.current(), CodeIdentity.current());
        assertEquals(CodeIdentity.of(KnowledgeBaseReader.class), CodeIdentity.current(), "the classes did not change meanwhile");
    }
}
