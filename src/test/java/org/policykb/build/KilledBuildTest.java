package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build process killed while it writes the new site leaves the old site exactly as it was. */
class KilledBuildTest {
    @Test
    void killedMidWriteLeavesTheOldSiteIntact(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        List<Path> samples;
        try (Stream<Path> files = Files.list(Fixtures.content())) {
            samples = files.sorted().toList();
        }
        // Enough documents that writing the site takes long enough to be caught in the act.
        for (int copy = 0; copy < 16; copy++) {
            for (Path sample : samples) {
                Files.copy(sample, content.resolve("c" + copy + "-" + sample.getFileName()));
            }
        }
        Path out = tmp.resolve("site");
        // Two builds, so the killed one writes into the spare: the site replaced by the second build, which shares
        // every unchanged file with the published site.
        for (int build = 0; build < 2; build++) {
            Path doc = content.resolve("c1-" + samples.get(0).getFileName());
            Files.writeString(doc, Files.readString(doc) + "\n第" + (build + 1) + "次补充说明。\n");
            new SiteBuilder().build(new BuildSettings(content, out, Fixtures.projectRoot().resolve("templates"), false,
                    LocalDate.of(2026, 1, 1)));
        }
        assertTrue(Files.isDirectory(tmp.resolve(".site.spare")), "the replaced site is kept as the spare");
        Map<String, byte[]> before = tree(out);

        for (Path sample : samples) {
            Path doc = content.resolve("c0-" + sample.getFileName());
            Files.writeString(doc, Files.readString(doc) + "\n补充说明：本文件已修订。\n");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process build = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.policykb.cli.Main",
                "build", "--content", content.toString(), "--out", out.toString(),
                "--templates", Fixtures.projectRoot().resolve("templates").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("build.log").toFile()).start();
        boolean caught = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline && build.isAlive()) {
            if (writingNewSite(tmp)) {
                Thread.sleep(50); // let it write part of the new site
                build.destroyForcibly().waitFor();
                caught = true;
                break;
            }
            Thread.sleep(5);
        }
        assertTrue(caught, "the build finished before it could be killed while writing: " + Files.readString(tmp.resolve("build.log")));
        Map<String, byte[]> after = tree(out);
        assertEquals(before.keySet(), after.keySet());
        for (String path : before.keySet()) {
            assertTrue(Arrays.equals(before.get(path), after.get(path)), "changed by the killed build: " + path);
        }

        // The next build finishes the job and clears away what the killed one left, and so does the one after it,
        // which writes into a spare again: both give the site a clean build gives.
        for (int rebuild = 0; rebuild < 2; rebuild++) {
            new SiteBuilder().build(new BuildSettings(content, out, Fixtures.projectRoot().resolve("templates"), false,
                    LocalDate.of(2026, 1, 1)));
            assertFalse(writingNewSite(tmp), "leftover temporary folders were removed");
        }
        Path clean = tmp.resolve("clean");
        new SiteBuilder().build(new BuildSettings(content, clean, Fixtures.projectRoot().resolve("templates"), false,
                LocalDate.of(2026, 1, 1), true));
        Map<String, byte[]> incremental = tree(out);
        Map<String, byte[]> expected = tree(clean);
        expected.keySet().removeIf(path -> path.startsWith("changes."));
        incremental.keySet().removeIf(path -> path.startsWith("changes."));
        assertEquals(expected.keySet(), incremental.keySet());
        for (String path : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(path), incremental.get(path)), "differs from a clean build: " + path);
        }
    }

    private static boolean writingNewSite(Path parent) throws Exception {
        try (Stream<Path> s = Files.list(parent)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".site.new-"));
        }
    }

    private static Map<String, byte[]> tree(Path root) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
