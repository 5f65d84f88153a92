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
        return new SiteWriter(content, tmp.resolve("home"), null);
    }

    /** A writer that keeps the replaced site as the next one's spare, as builds do. */
    private SiteWriter recyclingWriter() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("project/content"));
        return new SiteWriter(content, tmp.resolve("home"), tmp.resolve("project/.state/site.tsv"));
    }

    /** Every file of a folder (but the marker) with its text. */
    private static java.util.Map<String, String> tree(Path dir) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        for (String path : listing(dir)) {
            files.put(path, Files.readString(dir.resolve(path)));
        }
        return files;
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static List<OutputFile> files(java.util.Map<String, String> texts) {
        return texts.entrySet().stream().map(e -> OutputFile.utf8(e.getKey(), e.getValue())).toList();
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

    @Test
    void eachBuildWritesIntoTheSpareAndLeavesExactlyItsOwnFiles() throws IOException {
        Path out = tmp.resolve("project/site");
        Path spare = tmp.resolve("project/.site.spare");
        List<java.util.Map<String, String>> sites = List.of(
                java.util.Map.of("index.html", "一", "tasks/a/1.html", "甲", "tasks/b/1.html", "乙", "same.html", "同"),
                java.util.Map.of("index.html", "二", "tasks/a/1.html", "甲", "new.html", "新", "same.html", "同"),
                java.util.Map.of("index.html", "三", "tasks/b/1.html", "乙二", "same.html", "同"),
                java.util.Map.of("index.html", "三", "tasks/b/1.html", "乙二", "new.html", "又新", "same.html", "同"),
                java.util.Map.of("index.html", "四", "same.html", "同"));
        Object unchanged = null;
        for (java.util.Map<String, String> site : sites) {
            recyclingWriter().publish(out, files(site));
            assertEquals(new java.util.TreeMap<>(site), tree(out), "the site holds exactly the files of its build");
            unchanged = unchanged == null ? inode(out.resolve("same.html")) : unchanged;
            assertEquals(unchanged, inode(out.resolve("same.html")), "an unchanged file is never written again");
        }
        assertTrue(Files.isDirectory(spare), "the replaced site is kept as the next build's spare");
        assertFalse(Files.exists(out.resolve("tasks/a")), "folders emptied by removed files go too");
        assertFalse(Files.exists(out.resolve("tasks")));
    }

    @Test
    void writingIntoTheSpareNeverChangesThePublishedSite() throws IOException {
        Path out = tmp.resolve("project/site");
        for (String text : List.of("一", "二", "三")) {
            recyclingWriter().publish(out, List.of(OutputFile.utf8("index.html", text), OutputFile.utf8("a.html", "同")));
        }
        SiteWriter.Publication publication = recyclingWriter().open(out);
        publication.write(OutputFile.utf8("index.html", "四"));
        publication.write(OutputFile.utf8("a.html", "改"));
        assertEquals(java.util.Map.of("a.html", "同", "index.html", "三"), tree(out),
                "the spare shares files with the site: they are replaced, not written into");
        publication.abandon(); // as a build that fails or is killed: the site is as it was
        assertEquals(java.util.Map.of("a.html", "同", "index.html", "三"), tree(out));

        // the next build trusts neither folder and still publishes exactly its own files
        recyclingWriter().publish(out, List.of(OutputFile.utf8("index.html", "五")));
        assertEquals(java.util.Map.of("index.html", "五"), tree(out));
        recyclingWriter().publish(out, List.of(OutputFile.utf8("index.html", "五"), OutputFile.utf8("b.html", "乙")));
        assertEquals(java.util.Map.of("b.html", "乙", "index.html", "五"), tree(out));
    }

    @Test
    void aStreamedFileIsWrittenFromItsFirstDifferenceAndNotAtAllWhenUnchanged() throws IOException {
        // a large data file given in pieces of odd sizes: the same, changed in the middle, longer, shorter, the same
        String base = "任务".repeat(100_000) + "\n";
        List<String> versions = List.of(base, base, base.substring(0, 90_001) + "改" + base.substring(90_002),
                base + "多", base.substring(0, 1_000), base.substring(0, 1_000), "");
        Path out = tmp.resolve("project/site");
        Object before = null;
        for (int i = 0; i < versions.size(); i++) {
            byte[] bytes = versions.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            SiteWriter writer = recyclingWriter();
            SiteWriter.Publication publication = writer.open(out);
            publication.write(new org.policykb.model.StreamedFile("data/tasks.json", stream -> {
                for (int at = 0, step = 1; at < bytes.length; at += step, step = step * 3 % 70_001 + 1) {
                    stream.write(bytes, at, Math.min(step, bytes.length - at));
                }
            }), null);
            publication.write(OutputFile.utf8("index.html", "首页"));
            publication.commit();
            assertEquals(versions.get(i), Files.readString(out.resolve("data/tasks.json")));
            boolean unchanged = i > 0 && versions.get(i).equals(versions.get(i - 1));
            Object now = inode(out.resolve("data/tasks.json"));
            assertEquals(unchanged, now.equals(before), "an unchanged file keeps its inode, a changed one is new: " + i);
            assertEquals((unchanged ? 0 : 1) + (i == 0 ? 1 : 0), writer.written(), "only what changed is written: " + i);
            before = now;
        }
    }

    @Test
    void thePartsTheLastLayoutNamesAreCopiedFromThePublishedFileNotMadeAgain() throws IOException {
        // a ledger of 60 documents' rows between a header and a footer; then one document's rows grow, then the
        // same again, then the first document's rows change, which moves every part after them
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(("文件" + i + "的任务行，").repeat(1 + i % 7) + "\n");
        }
        List<String> grown = new java.util.ArrayList<>(rows);
        grown.set(20, grown.get(20) + "新增的一行任务\n");
        List<String> firstChanged = new java.util.ArrayList<>(grown);
        firstChanged.set(0, "改过的第一份文件\n");
        List<List<String>> rounds = List.of(rows, grown, grown, firstChanged);
        List<Integer> expectedMade = List.of(60, 1, 0, 1);
        Path out = tmp.resolve("project/site");
        String layout = null;
        Object before = null;
        for (int round = 0; round < rounds.size(); round++) {
            List<String> parts = rounds.get(round);
            java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
            SiteWriter.Publication publication = recyclingWriter().open(out);
            layout = publication.write(new org.policykb.model.StreamedFile("departments/区教体局.csv", stream -> {
                stream.write("角色,任务\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (String part : parts) {
                    stream.part("rows of " + part, p -> {
                        made.incrementAndGet();
                        p.write(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    });
                }
                stream.write("合计\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }), layout);
            publication.commit();
            assertEquals("角色,任务\n" + String.join("", parts) + "合计\n",
                    Files.readString(out.resolve("departments/区教体局.csv")), "round " + round);
            assertEquals(expectedMade.get(round), made.get(), "parts made in round " + round);
            Object now = inode(out.resolve("departments/区教体局.csv"));
            assertEquals(round == 2, now.equals(before), "only the unchanged ledger keeps its inode: round " + round);
            before = now;
        }
    }

    @Test
    void aSiteReplacedByHandIsNotTakenForTheRecordedOne() throws IOException {
        Path out = tmp.resolve("project/site");
        for (String text : List.of("一", "二")) {
            recyclingWriter().publish(out, List.of(OutputFile.utf8("index.html", text), OutputFile.utf8("a.html", text)));
        }
        // someone puts another site in its place: the record describes folders that are gone
        Path other = Files.createDirectories(tmp.resolve("project/other"));
        Files.writeString(other.resolve("index.html"), "别的");
        Files.writeString(other.resolve("stray.html"), "别的");
        deleteFolder(out);
        Files.move(other, out);
        recyclingWriter().publish(out, List.of(OutputFile.utf8("index.html", "三")));
        assertEquals(java.util.Map.of("index.html", "三"), tree(out));
        recyclingWriter().publish(out, List.of(OutputFile.utf8("index.html", "三"), OutputFile.utf8("a.html", "四")));
        assertEquals(java.util.Map.of("a.html", "四", "index.html", "三"), tree(out));
    }

    private static void deleteFolder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
