package org.policykb.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.OutputFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteWriterTest {
    @TempDir
    Path tmp;

    private SiteWriter writer() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("project/content"));
        return new SiteWriter(content, tmp.resolve("home"));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(SiteWriter.MARKER)).sorted().toList();
        }
    }

    @Test
    void publishesAndReplacesTheWholeSite() throws IOException {
        Path out = tmp.resolve("project/site");
        writer().publish(out, List.of(OutputFile.utf8("index.html", "一"), OutputFile.utf8("departments/区教体局.html", "二")));
        assertEquals(List.of("departments/区教体局.html", "index.html"), listing(out));
        writer().publish(out, List.of(OutputFile.utf8("index.html", "三")));
        assertEquals(List.of("index.html"), listing(out), "files of the old site that the new one lacks are gone");
        assertEquals("三", Files.readString(out.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertEquals(List.of("content", "site"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary folders are left beside the site");
        }
    }

    @Test
    void aFailureWhileWritingLeavesTheOldSiteIntact() throws IOException {
        Path out = tmp.resolve("project/site");
        writer().publish(out, List.of(OutputFile.utf8("index.html", "旧"), OutputFile.utf8("documents/a.html", "旧文件")));
        // "x" is written as a file, so "x/y.html" cannot be: the write fails after some files are out
        List<OutputFile> broken = List.of(OutputFile.utf8("index.html", "新"), OutputFile.utf8("x", "file"),
                OutputFile.utf8("x/y.html", "cannot be written"));
        IOException e = assertThrows(IOException.class, () -> writer().publish(out, broken));
        assertTrue(e.getMessage().contains("x/y.html"), e.getMessage());
        assertEquals(List.of("documents/a.html", "index.html"), listing(out));
        assertEquals("旧", Files.readString(out.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertEquals(2, siblings.count(), "the half-written folder is removed");
        }
    }

    @Test
    void twoFilesForOnePathAreRefusedAndTheOldSiteStays() throws IOException {
        Path out = tmp.resolve("project/site");
        writer().publish(out, List.of(OutputFile.utf8("index.html", "旧")));
        // the second copy is refused whether the first was written anew or carried over unchanged
        for (String first : List.of("新", "旧")) {
            var e = assertThrows(IllegalArgumentException.class, () -> writer().publish(out,
                    List.of(OutputFile.utf8("index.html", first), OutputFile.utf8("index.html", "另一个"))));
            assertTrue(e.getMessage().contains("Two files for index.html"), e.getMessage());
            assertEquals("旧", Files.readString(out.resolve("index.html")));
        }
    }

    @Test
    void refusesFoldersWhoseReplacementWouldDestroySomethingElse() throws IOException {
        SiteWriter writer = writer();
        List<OutputFile> files = List.of(OutputFile.utf8("index.html", "x"));
        assertThrows(IllegalArgumentException.class, () -> writer.publish(Path.of("/"), files));
        assertThrows(IllegalArgumentException.class, () -> writer.publish(tmp.resolve("home"), files));
        assertThrows(IllegalArgumentException.class, () -> writer.publish(tmp.resolve("project"), files));
        assertThrows(IllegalArgumentException.class, () -> writer.publish(tmp.resolve("project/content"), files));
        assertThrows(IllegalArgumentException.class, () -> writer.publish(tmp.resolve("project/content/.."), files));
        assertTrue(Files.isDirectory(tmp.resolve("project/content")));
    }

    @Test
    void refusesToEmptyAFolderOfSomeoneElsesFiles() throws IOException {
        Path documents = Files.createDirectories(tmp.resolve("project/我的文档"));
        Files.writeString(documents.resolve("报告.docx"), "keep");
        var e = assertThrows(IllegalArgumentException.class,
                () -> writer().publish(documents, List.of(OutputFile.utf8("index.html", "x"))));
        assertTrue(e.getMessage().contains(SiteWriter.MARKER), e.getMessage());
        assertEquals("keep", Files.readString(documents.resolve("报告.docx")));
        Path empty = Files.createDirectories(tmp.resolve("project/empty"));
        writer().publish(empty, List.of(OutputFile.utf8("index.html", "x")));
        assertTrue(Files.exists(empty.resolve(SiteWriter.MARKER)), "a published site says who wrote it");
        writer().publish(empty, List.of(OutputFile.utf8("index.html", "y")));
        assertEquals("y", Files.readString(empty.resolve("index.html")));
    }

    @Test
    void neverDeletesThroughALinkOutOfTheSite() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Path out = tmp.resolve("project/site");
        writer().publish(out, List.of(OutputFile.utf8("index.html", "一")));
        Files.createSymbolicLink(out.resolve("link"), outside);
        writer().publish(out, List.of(OutputFile.utf8("index.html", "二")));
        assertEquals("keep", Files.readString(outside.resolve("keep.txt")));
        assertFalse(Files.exists(out.resolve("link")));
    }
}
