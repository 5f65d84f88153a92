package org.policykb.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.Problem;
import org.policykb.model.SourceFile;

class ContentScannerTest {

    private static final String GOAL = "到2025年，学生体质健康测试优良率达到55%以上。（区教体局、区卫健局负责）\r\n";
    private static final String TASK = "（三）推进义务教育优质均衡发展。深化“双减”改革，加强课后服务。（区教体局牵头，区财政局配合）\n";

    @TempDir
    Path root;

    private final ContentScanner scanner = new ContentScanner(Set.of("txt", "md"));

    @Test
    void nestedFoldersAreFoundAndSortedByRelativePath() throws IOException {
        write("plans/2025/work-points.txt", TASK);
        write("annual-report.txt", GOAL);
        write("plans/five-year.txt", GOAL);
        write("briefings/press.md", TASK);
        ScanResult result = scanner.scan(root);
        assertEquals(List.of("annual-report.txt", "briefings/press.md", "plans/2025/work-points.txt", "plans/five-year.txt"),
                paths(result));
        assertEquals(root.resolve("plans/2025/work-points.txt"), result.files().get(2).path());
        assertEquals(TASK, result.files().get(2).text());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void onlyTheWantedExtensionsAreTakenWhateverTheirCase() throws IOException {
        write("plan.txt", GOAL);
        write("REPORT.TXT", GOAL);
        write("notes.Md", TASK);
        write("page.html", "<p>" + GOAL + "</p>");
        write("README", GOAL);
        write("plan.txt.bak", GOAL);
        assertEquals(List.of("REPORT.TXT", "notes.Md", "plan.txt"), paths(scanner.scan(root)));
    }

    @Test
    void hiddenFilesAndFoldersAreSkipped() throws IOException {
        write("plan.txt", GOAL);
        write(".draft.txt", GOAL);
        write(".git/info/exclude.txt", GOAL);
        write("plans/.backup/old.txt", GOAL);
        ScanResult result = scanner.scan(root);
        assertEquals(List.of("plan.txt"), paths(result));
        assertEquals(List.of(), result.problems());
    }

    @Test
    void aBinaryTxtFileIsReportedAndTheOthersStillComeThrough() throws IOException {
        write("a.txt", GOAL);
        Files.write(root.resolve("b.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D});
        write("c.txt", TASK);
        ScanResult result = scanner.scan(root);
        assertEquals(List.of("a.txt", "c.txt"), paths(result));
        Problem problem = single(result.problems());
        assertEquals("b.txt", problem.file());
        assertEquals(Problem.Severity.ERROR, problem.severity());
        assertTrue(problem.message().startsWith("binary file"), problem.message());
    }

    @Test
    void emptyAndWhitespaceOnlyFilesAreWarnedAboutAndLeftOut() throws IOException {
        write("plan.txt", GOAL);
        Files.write(root.resolve("empty.txt"), new byte[0]);
        write("blank.txt", " \r\n\t\u3000\n");
        Files.write(root.resolve("bom-only.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        ScanResult result = scanner.scan(root);
        assertEquals(List.of("plan.txt"), paths(result));
        assertEquals(List.of("blank.txt", "bom-only.txt", "empty.txt"), result.problems().stream().map(Problem::file).toList());
        assertTrue(result.problems().stream().allMatch(p -> p.severity() == Problem.Severity.WARNING), result.problems().toString());
    }

    @Test
    void aTruncatedFileIsReportedWithTheLineOfItsFirstBadByte() throws IOException {
        byte[] bytes = ("第一行\n第二行\n" + GOAL).getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("cut.txt"), java.util.Arrays.copyOf(bytes, bytes.length - 4)); // mid 「）」, before CR LF
        write("whole.txt", GOAL);
        ScanResult result = scanner.scan(root);
        assertEquals(List.of("whole.txt"), paths(result));
        Problem problem = single(result.problems());
        assertEquals("cut.txt", problem.file());
        assertEquals(3, problem.line());
    }

    @Test
    void legacyChineseFilesComeThroughWithTheirCharset() throws IOException {
        Files.write(root.resolve("gbk.txt"), (GOAL + TASK).getBytes(Charset.forName("GBK")));
        String traditional = "到2025年，學生體質健康測試優良率達到55%以上。（區教體局、區衛健局負責）\r\n";
        Files.write(root.resolve("big5.txt"), traditional.getBytes(Charset.forName("Big5")));
        ScanResult result = scanner.scan(root);
        assertEquals(List.of("big5.txt", "gbk.txt"), paths(result));
        assertEquals("Big5", result.files().get(0).charset());
        assertEquals(traditional, result.files().get(0).text());
        assertEquals("GB18030", result.files().get(1).charset());
        assertEquals(GOAL + TASK, result.files().get(1).text());
    }

    @Test
    void theHashIsSha256OfTheRawBytes() throws IOException {
        write("abc.txt", "abc");
        Files.write(root.resolve("bom.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'b', 'c'});
        List<SourceFile> files = scanner.scan(root).files();
        // The published SHA-256 test vector for "abc" (FIPS 180-2).
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", files.get(0).contentHash());
        assertEquals("abc", files.get(1).text());
        assertTrue(!files.get(1).contentHash().equals(files.get(0).contentHash()), "the BOM is part of the bytes hashed");
    }

    @Test
    void aNamedPipeIsReportedNotReadSoTheScanNeverBlocks() throws IOException, InterruptedException {
        write("plan.txt", TASK);
        assertEquals(0, new ProcessBuilder("mkfifo", root.resolve("pipe.txt").toString()).start().waitFor());
        ScanResult result = scanner.scan(root);
        assertEquals(List.of("plan.txt"), paths(result));
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals("pipe.txt", result.problems().get(0).file());
        assertTrue(result.problems().get(0).message().startsWith("not a regular file"), result.problems().toString());
    }

    @Test
    void aSymbolicLinkLoopIsReportedAndTheScanGoesOn() throws IOException {
        write("plans/plan.txt", GOAL);
        write("report.txt", TASK);
        Files.createSymbolicLink(root.resolve("plans/up"), root);
        ScanResult result = scanner.scan(root);
        assertEquals(List.of("plans/plan.txt", "report.txt"), paths(result));
        Problem problem = single(result.problems());
        assertEquals("plans/up", problem.file());
        assertTrue(problem.message().startsWith("symbolic link loop"), problem.message());
    }

    @Test
    void symbolicLinksToFilesAndFoldersAreFollowed(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("shared.txt"), GOAL);
        Files.createSymbolicLink(root.resolve("linked.txt"), elsewhere.resolve("shared.txt"));
        Files.createSymbolicLink(root.resolve("shared"), elsewhere);
        Files.createSymbolicLink(root.resolve("gone.txt"), elsewhere.resolve("missing.txt"));
        ScanResult result = scanner.scan(root);
        assertEquals(List.of("linked.txt", "shared/shared.txt"), paths(result));
        assertEquals(GOAL, result.files().get(0).text());
        Problem problem = single(result.problems());
        assertEquals("gone.txt", problem.file());
        assertTrue(problem.message().contains("does not exist"), problem.message());
    }

    @Test
    void aContentRootThatIsNotAFolderIsRefusedByName() throws IOException {
        Path file = write("plan.txt", GOAL);
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> scanner.scan(file));
        assertTrue(thrown.getMessage().contains(file.toString()), thrown.getMessage());
        Path missing = root.resolve("no-such-folder");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> scanner.scan(missing)).getMessage().contains("no-such-folder"));
    }

    @Test
    void theSampleContentIsFiveUtf8FilesWithoutProblems() throws IOException {
        Path content = Path.of("content");
        ScanResult result = new ContentScanner(Set.of("txt")).scan(content);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("000_a972967132f8ccba.txt", "001_9519b755a898c3c4.txt", "002_e2d122d3c3e31570.txt",
                "003_b9182d471b85b56e.txt", "004_3e10963cba134c37.txt"), paths(result));
        for (SourceFile file : result.files()) {
            assertEquals("UTF-8", file.charset());
            assertEquals(Files.readString(content.resolve(file.relativePath()), StandardCharsets.UTF_8), file.text());
            assertEquals(64, file.contentHash().length());
        }
    }

    @Test
    void scanningTwiceGivesTheSameResult() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("folder" + (i % 7) + "/plan" + i + ".txt", i % 3 == 0 ? GOAL : TASK);
        }
        assertEquals(scanner.scan(root), scanner.scan(root));
    }

    @Test
    void anOldWordFileIsReportedWhenWordDocumentsAreWantedAndPagesBecomeTheirText() throws IOException {
        write("plan.doc", GOAL);
        write("page.HTM", "<html><body><div class=\"content\"><p>" + GOAL + "</p></div></body></html>");
        ScanResult result = new ContentScanner(Set.of("txt", "htm", "docx")).scan(root);
        assertEquals(List.of("page.HTM"), paths(result));
        assertEquals(GOAL.strip() + "\n", result.files().getFirst().text());
        Problem problem = single(result.problems());
        assertEquals("plan.doc", problem.file());
        assertEquals("old binary Word format (.doc) is not supported: save it as .docx", problem.message());
        assertEquals(List.of(), scanner.scan(root).problems(), "a scanner not asked for Word documents leaves .doc alone");
    }

    private Path write(String relativePath, String text) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> paths(ScanResult result) {
        return result.files().stream().map(SourceFile::relativePath).toList();
    }

    private static Problem single(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.getFirst();
    }
}
