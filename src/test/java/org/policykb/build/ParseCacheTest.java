package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.KnowledgeBase;
import org.policykb.testing.Fixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build parses only the sources whose bytes changed since the last build, and its site is the same as a clean one. */
class ParseCacheTest {
    private static final String WORK_PLAN = "003_b9182d471b85b56e";
    private static final String CODE = "the code of this test";

    private static BuildResult build(SiteBuilder builder, Path content, Path out, boolean clean) throws IOException {
        return builder.build(new BuildSettings(content, out, Fixtures.projectRoot().resolve("templates"), false,
                LocalDate.of(2026, 1, 1), clean));
    }

    /** A build as the command line runs it: a new process, so nothing remembered but what is on disk. */
    private static BuildResult build(Path content, Path out) throws IOException {
        return build(new SiteBuilder(CODE), content, out, false);
    }

    private static Path entries(Path out) {
        return SiteBuilder.stateFolder(out).resolve(ParseCache.FOLDER);
    }

    private static Set<String> entryNames(Path out) throws IOException {
        try (Stream<Path> files = Files.list(entries(out))) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "the sample still says " + from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void aSecondBuildParsesNothingAndAnEditParsesOnlyTheEditedDocument(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        BuildResult first = build(content, out);
        assertEquals(List.of(5, 0), List.of(first.documentsParsed(), first.documentsCached()));
        assertEquals(5, entryNames(out).size(), "one entry per source");

        BuildResult second = build(content, out);
        assertEquals(List.of(0, 5), List.of(second.documentsParsed(), second.documentsCached()));
        assertEquals(first.knowledgeBase(), second.knowledgeBase(), "cached documents are the documents parsed");
        assertEquals(first.problems(), second.problems(), "a cached document keeps its problems");
        assertTrue(second.summary().startsWith("5 documents (0 parsed, 5 cached), "), second.summary());

        Set<String> before = entryNames(out);
        edit(content.resolve(WORK_PLAN + ".txt"), "普惠性幼儿园覆盖率达到80%", "普惠性幼儿园覆盖率达到90%");
        BuildResult edited = build(content, out);
        assertEquals(List.of(1, 4), List.of(edited.documentsParsed(), edited.documentsCached()));
        assertTrue(edited.knowledgeBase().goals().stream().anyMatch(g -> g.value().orElse("").equals("90%")));
        Set<String> after = entryNames(out);
        assertEquals(5, after.size(), "the edited source's old entry is replaced, not kept beside the new one");
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(after);
        assertEquals(1, gone.size(), "only the edited source's entry changed: " + gone);

        RegenerationTest.assertSameAsCleanBuild(content, out);
    }

    @Test
    void anEntryLeavesOutTheTextsOfTasksAndGoalsThatAreTheirSpansOfTheSource(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        BuildResult first = build(content, out);
        String entries = String.join("\n", entryNames(out).stream().map(name -> {
            try {
                return Files.readString(entries(out).resolve(name));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        var task = first.knowledgeBase().tasks().stream().filter(t -> t.text().contains("健全完善美育工作评价机制"))
                .findFirst().orElseThrow();
        assertFalse(entries.contains("健全完善美育工作评价机制"), "a task's text is taken from the source");
        var goal = first.knowledgeBase().goals().stream().filter(g -> g.text().contains("普惠性幼儿园覆盖率达到80%"))
                .findFirst().orElseThrow();
        assertFalse(entries.contains("普惠性幼儿园覆盖率达到80%"), "a goal's text is taken from the source");

        BuildResult second = build(content, out);
        assertEquals(List.of(0, 5), List.of(second.documentsParsed(), second.documentsCached()));
        assertTrue(second.knowledgeBase().tasks().contains(task), "the task comes back with its text");
        assertTrue(second.knowledgeBase().goals().contains(goal), "the goal comes back with its text");
        assertEquals(first.knowledgeBase(), second.knowledgeBase());
    }

    @Test
    void aWarmBuilderReadsFromMemoryAndKeepsTheEntriesOnDisk(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        SiteBuilder server = new SiteBuilder(CODE);
        build(server, content, out, false);
        for (String name : entryNames(out)) {
            Files.writeString(entries(out).resolve(name), "damaged, but not read: the builder remembers the document");
        }
        edit(content.resolve(WORK_PLAN + ".txt"), "普惠性幼儿园覆盖率达到80%", "普惠性幼儿园覆盖率达到90%");
        BuildResult rebuilt = build(server, content, out, false);
        assertEquals(List.of(1, 4), List.of(rebuilt.documentsParsed(), rebuilt.documentsCached()),
                "the four unchanged documents come from memory, not from their damaged entries");
        assertEquals(5, entryNames(out).size(), "entries of documents read from memory are still in use");

        BuildResult cold = build(content, out);
        assertEquals(List.of(4, 1), List.of(cold.documentsParsed(), cold.documentsCached()),
                "a new process reads the disk: the edited document's new entry, and the four damaged ones parsed again");
    }

    @Test
    void aDamagedEntryIsParsedAgainWithoutAProblem(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        BuildResult first = build(content, out);
        List<Path> files = entryNames(out).stream().map(entries(out)::resolve).toList();
        Files.write(files.get(0), new byte[]{(byte) 0xff, 0x00, 0x13, 'g', 'a', 'r', 'b', 'a', 'g', 'e'});
        byte[] whole = Files.readAllBytes(files.get(1));
        Files.write(files.get(1), java.util.Arrays.copyOf(whole, whole.length / 2));
        // still valid JSON, one line number changed: only the checksum tells
        String entry = Files.readString(files.get(2), StandardCharsets.UTF_8);
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("\"line\":(\\d+)").matcher(entry);
        assertTrue(line.find(), entry);
        Files.writeString(files.get(2), entry.substring(0, line.start(1)) + (Integer.parseInt(line.group(1)) + 1)
                + entry.substring(line.end(1)), StandardCharsets.UTF_8);
        Files.writeString(files.get(3), "");

        BuildResult repaired = build(content, out);
        assertEquals(List.of(4, 1), List.of(repaired.documentsParsed(), repaired.documentsCached()));
        assertEquals(first.problems(), repaired.problems(), "a damaged cache is not a problem of the content");
        assertEquals(first.knowledgeBase(), repaired.knowledgeBase());
        assertEquals(0, build(content, out).documentsParsed(), "the damaged entries were replaced");
        RegenerationTest.assertSameAsCleanBuild(content, out);
    }

    @Test
    void entriesOfOtherCodeAreNeverUsedAndAreRemoved(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(new SiteBuilder("an older PolicyKB"), content, out, false);
        Set<String> older = entryNames(out);

        BuildResult newer = build(content, out);
        assertEquals(List.of(5, 0), List.of(newer.documentsParsed(), newer.documentsCached()));
        Set<String> current = entryNames(out);
        assertEquals(5, current.size(), "the older code's entries are removed: " + current);
        assertTrue(current.stream().noneMatch(older::contains), "no entry of the older code is left");
    }

    @Test
    void aRemovedSourceLosesItsEntryAndACleanBuildParsesEverything(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(content, out);
        Set<String> before = entryNames(out);
        Files.writeString(entries(out).resolve("left-over.json.tmp"), "a temporary a killed build left");

        Files.delete(content.resolve(WORK_PLAN + ".txt"));
        BuildResult removed = build(content, out);
        assertEquals(List.of(0, 4), List.of(removed.documentsParsed(), removed.documentsCached()));
        Set<String> after = entryNames(out);
        assertEquals(4, after.size(), after.toString());
        assertTrue(before.containsAll(after), "the other entries stay as they were");

        BuildResult clean = build(new SiteBuilder(CODE), content, out, true);
        assertEquals(List.of(4, 0), List.of(clean.documentsParsed(), clean.documentsCached()), "--clean ignores the cache");
        assertEquals(after, entryNames(out), "and writes it again");
    }

    @Test
    void everyFormatComesBackFromTheCacheAsItWasParsed(@TempDir Path tmp) {
        // Markdown front matter, web pages, Word files, odd layouts and nasty input: what is loaded equals what is parsed.
        for (Path folder : List.of(Fixtures.content(), Fixtures.site("formats"), Fixtures.site("layouts"), Fixtures.site("nasty"))) {
            ParseCache cache = ParseCache.in(tmp.resolve(folder.getFileName().toString()), CODE);
            KnowledgeBaseReader.Reading parsed = new KnowledgeBaseReader().readFolder(folder, Progress.NONE, cache);
            KnowledgeBaseReader.Reading loaded = new KnowledgeBaseReader().readFolder(folder, Progress.NONE,
                    ParseCache.in(tmp.resolve(folder.getFileName().toString()), CODE));
            KnowledgeBase kb = parsed.knowledgeBase();
            assertFalse(kb.documents().isEmpty(), folder.toString());
            assertEquals(0, parsed.cached(), folder.toString());
            assertEquals(List.of(0, parsed.parsed()), List.of(loaded.parsed(), loaded.cached()), folder.toString());
            assertEquals(kb, loaded.knowledgeBase(), folder.toString());
        }
    }
}
