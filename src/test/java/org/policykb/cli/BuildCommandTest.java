package org.policykb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildCommandTest {
    private static int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(new StringWriter()));
        return cmd.execute(args);
    }

    @Test
    void aBadFileIsReportedTheRestIsBuiltAndStrictFails(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("good.txt"), "某区工作要点\n一、重点任务\n1.扩大学前教育资源。新建幼儿园10所。（区教体局负责）\n");
        Files.write(content.resolve("broken.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2});
        Path out = tmp.resolve("site");
        assertEquals(0, run("build", "--content", content.toString(), "--out", out.toString()));
        String documents = Files.readString(out.resolve("data/documents.json"));
        assertTrue(documents.contains("good.txt"), documents);
        assertEquals(1, run("build", "--strict", "--content", content.toString(), "--out", out.toString()));
    }

    @Test
    void aBaseUrlMakesTheSitemapAbsoluteAndThe404PageWorkAtAnyDepth(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("plan.txt"), "某区工作要点\n一、重点任务\n1.扩大学前教育资源。新建幼儿园10所。（区教体局负责）\n");
        Path site = tmp.resolve("site");
        assertEquals(0, run("build", "--content", content.toString(), "--out", site.toString()));
        String relative = Files.readString(site.resolve("404.html"));
        assertTrue(relative.contains("href=\"index.html\""), relative);
        assertTrue(Files.readString(site.resolve("sitemap.xml")).contains("<loc>departments/%E5%8C%BA%E6%95%99%E4%BD%93%E5%B1%80.html</loc>"));

        assertEquals(0, run("build", "--content", content.toString(), "--out", site.toString(), "--base-url", "https://example.gov.cn/kb"));
        String notFound = Files.readString(site.resolve("404.html"));
        assertTrue(notFound.contains("href=\"https://example.gov.cn/kb/index.html\""), notFound);
        assertTrue(notFound.contains("href=\"https://example.gov.cn/kb/assets/site.css\""), notFound);
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://example.gov.cn/kb/departments/%E5%8C%BA%E6%95%99%E4%BD%93%E5%B1%80.html</loc>"), sitemap);
        // pages other than 404.html stay relative, so the site still works from a folder
        assertTrue(Files.readString(site.resolve("documents.html")).contains("href=\"index.html\""));
    }

    @Test
    void aBaseUrlThatIsNotAnHttpAddressIsAUsageError(@TempDir Path tmp) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("plan.txt"), "某区工作要点\n");
        for (String bad : List.of("ftp://example.gov.cn/kb/", "/kb/", "https://example.gov.cn/kb/?x=1", "http://exa mple")) {
            assertEquals(2, run("build", "--content", content.toString(), "--out", tmp.resolve("site").toString(),
                    "--base-url", bad), bad);
        }
        assertFalse(Files.exists(tmp.resolve("site")), "nothing is built");
    }

    @Test
    void missingContentFolderIsAUsageError(@TempDir Path tmp) {
        assertEquals(2, run("build", "--content", tmp.resolve("nope").toString(), "--out", tmp.resolve("site").toString()));
    }

    @Test
    void everyCommandHasHelp() {
        assertEquals(0, run("--help"));
        assertEquals(0, run("build", "--help"));
    }

    @Test
    void aHeapTooSmallForTheDocumentsIsSaidPlainlyAndTheSiteIsKept(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        // thirty copies of the samples: a JVM with a 32 MB heap starts and reads them, but cannot build them all
        Path content = Files.createDirectories(tmp.resolve("content"));
        try (var samples = Files.list(org.policykb.testing.Fixtures.content())) {
            for (Path sample : samples.toList()) {
                for (int copy = 0; copy < 30; copy++) {
                    Files.copy(sample, content.resolve(copy + "-" + sample.getFileName()));
                }
            }
        }
        assertEquals(0, run("build", "--content", content.toString(), "--out", out.toString()));
        String index = Files.readString(out.resolve("index.html"));
        String jvm = ProcessHandle.current().info().command().orElse("java");
        Process build = new ProcessBuilder(jvm, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                "org.policykb.cli.Main", "build", "--clean", "--content", content.toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(3, build.waitFor(), output);
        assertTrue(output.contains("policykb build: out of memory") && output.contains("POLICYKB_JAVA_OPTS=-Xmx"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        assertEquals(index, Files.readString(out.resolve("index.html")), "the previous site is kept");
        CommandLine next = Main.commandLine();
        StringWriter nextErrors = new StringWriter();
        next.setOut(new PrintWriter(new StringWriter()));
        next.setErr(new PrintWriter(nextErrors));
        assertEquals(0, next.execute("build", "--content", content.toString(), "--out", out.toString()),
                () -> "and the next build runs: " + nextErrors);
    }
}
