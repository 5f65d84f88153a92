package org.policykb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void missingContentFolderIsAUsageError(@TempDir Path tmp) {
        assertEquals(2, run("build", "--content", tmp.resolve("nope").toString(), "--out", tmp.resolve("site").toString()));
    }

    @Test
    void everyCommandHasHelp() {
        assertEquals(0, run("--help"));
        assertEquals(0, run("build", "--help"));
    }
}
