package org.policykb.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Problem;
import org.policykb.testing.Browser;
import org.policykb.testing.Fixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nastiest inputs we could think of (src/test/resources/sites/nasty, plus what cannot be committed: a
 * symbolic link loop, a dangling link, a named pipe, a file the kernel refuses to read; the 50 MB document and
 * the line of 1 MB are {@link LargeInputTest}'s), built by the real SiteBuilder: the build finishes, every bad file is named in the report (with
 * its line where one applies), every good file is published, {@code --strict} fails, and no script in any
 * document runs or even reaches the page as markup.
 */
class NastyInputTest {
    /** Bad files and the line their problem must name (0: the whole file). */
    private static final Map<String, Integer> BAD = new LinkedHashMap<>();
    static {
        BAD.put("binary.txt", 0);
        BAD.put("empty.txt", 0);
        BAD.put("whitespace-only.txt", 0);
        BAD.put("truncated-utf8.txt", 6);
        BAD.put("unknown-encoding.txt", 0);
        BAD.put("mixed-utf8-gbk.txt", 6);
        BAD.put("utf16-no-bom-binary.txt", 0);
        BAD.put("nested/deeper/empty.md", 0);
        BAD.put("malformed-front-matter.md", 3); // the list item where a ] was expected
        BAD.put("nested/loop", 0);          // made here: a link to its own grandparent folder
        BAD.put("dangling.txt", 0);         // made here: a link to nothing
        BAD.put("pipe.txt", 0);             // made here: a named pipe, which would block a reader forever
    }
    /** Made here when the kernel has it: a link to /proc/self/mem, which even root cannot read from offset 0. */
    private static final String UNREADABLE = "unreadable.txt";

    private static final Set<String> GOOD = Set.of("utf8.txt", "utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt",
            "gbk.txt", "gb18030.txt", "big5.txt", "crlf.txt", "cr.txt", "mixed-width.txt", "bookmarks.txt",
            "same-title-a.txt", "same-title-b.txt", "with spaces in name.txt", "中文文件名.txt",
            "$(touch pwned);'\"&|<b>.txt", "nested/deeper/深层/plan.txt", "nested/deeper/notes.md", "hostile.txt",
            "raw-html.md", "malformed-front-matter.md", "长".repeat(84) + ".md");

    @TempDir
    static Path tmp;
    static Path content;
    static Path site;
    static BuildResult result;
    static boolean unreadableMade;

    @BeforeAll
    static void buildTheNastySite() throws IOException, InterruptedException {
        content = tmp.resolve("content");
        copyTree(Fixtures.site("nasty"), content);
        Files.createSymbolicLink(content.resolve("nested/loop"), Path.of(".."));
        Files.createSymbolicLink(content.resolve("dangling.txt"), Path.of("no-such-file.txt"));
        assertEquals(0, new ProcessBuilder("mkfifo", content.resolve("pipe.txt").toString()).start().waitFor());
        if (Files.exists(Path.of("/proc/self/mem"))) {
            Files.createSymbolicLink(content.resolve(UNREADABLE), Path.of("/proc/self/mem"));
            unreadableMade = true;
        }
        site = tmp.resolve("out/site");
        result = new SiteBuilder().build(new BuildSettings(content, site, Fixtures.projectRoot().resolve("templates"),
                true, LocalDate.of(2025, 1, 1)));
    }

    @Test
    void everyBadFileIsNamedWithItsLine() {
        List<Problem> problems = result.problems();
        Map<String, Integer> expected = new LinkedHashMap<>(BAD);
        if (unreadableMade) {
            expected.put(UNREADABLE, 0);
        }
        List<String> missing = new ArrayList<>();
        expected.forEach((file, line) -> {
            boolean named = problems.stream().anyMatch(p -> p.file().equals(file) && (line == 0 || p.line() == line));
            if (!named) {
                missing.add(file + (line > 0 ? ":" + line : ""));
            }
        });
        assertTrue(missing.isEmpty(), "not reported: " + missing + "\nreport:\n" + String.join("\n",
                problems.stream().map(Problem::toString).toList()));
    }

    @Test
    void everyGoodFileIsPublished() throws IOException {
        JsonNode documents = new ObjectMapper().readTree(site.resolve("data/documents.json").toFile());
        Set<String> published = new TreeSet<>();
        documents.forEach(d -> published.add(d.get("source").asText()));
        Set<String> missing = new TreeSet<>(GOOD);
        missing.removeAll(published);
        assertTrue(missing.isEmpty(), "not published: " + missing + "; published: " + published);
        for (String bad : BAD.keySet()) {
            if (!GOOD.contains(bad)) {
                assertFalse(published.contains(bad), bad + " must not be published");
            }
        }
    }

    @Test
    void everyEncodingComesThroughAsTheSameChineseText() {
        Map<String, PolicyDocument> bySource = new LinkedHashMap<>();
        result.knowledgeBase().documents().forEach(d -> bySource.put(d.source(), d));
        for (String file : List.of("utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt", "gbk.txt", "gb18030.txt", "crlf.txt", "cr.txt")) {
            PolicyDocument doc = bySource.get(file);
            assertTrue(doc.text().contains("扩大学前教育资源。"), file + ": " + doc.text());
            assertEquals(2, doc.tasks().stream().filter(t -> t.lead().orElse("").equals("区教体局")).count(), file + ": " + doc.tasks());
        }
        assertTrue(bySource.get("gb18030.txt").text().contains("㐀䶵"));
        assertTrue(bySource.get("big5.txt").text().contains("擴大學前教育資源"));
        assertEquals("某区2025年教育工作要点", bySource.get("same-title-a.txt").meta().title());
        assertEquals("某区2025年教育工作要点", bySource.get("same-title-b.txt").meta().title());
        assertFalse(bySource.get("same-title-a.txt").id().equals(bySource.get("same-title-b.txt").id()));
        assertEquals(3, bySource.get("crlf.txt").sections().size());
        assertEquals(3, bySource.get("cr.txt").sections().size());
        assertEquals(3, bySource.get("mixed-width.txt").tasks().size(), bySource.get("mixed-width.txt").tasks().toString());
    }

    @Test
    void strictBuildThroughTheCommandLineFailsAndNamesEveryBadFile() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            exit = org.policykb.cli.MainAccess.execute("build", "--strict", "--content", content.toString(),
                    "--out", tmp.resolve("strict/site").toString(), "--templates", Fixtures.projectRoot().resolve("templates").toString());
        } finally {
            System.setErr(original);
        }
        String report = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, report);
        for (String bad : BAD.keySet()) {
            assertTrue(report.contains(bad + (BAD.get(bad) > 0 ? ":" + BAD.get(bad) : "") + ": "), bad + " not in:\n" + report);
        }
    }

    /** Every page: the CSP forbids inline script, and no markup from a document became an element or handler. */
    @Test
    void everyPageCarriesTheCspAndNoDocumentMarkup() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertTrue(pages.size() > 50, "pages: " + pages.size());
        for (Path page : pages) {
            Document html = Jsoup.parse(page.toFile(), "UTF-8");
            Element csp = html.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
            assertTrue(csp != null, page + " has no CSP");
            String scriptSrc = Stream.of(csp.attr("content").split(";")).map(String::strip)
                    .filter(d -> d.startsWith("script-src ")).findFirst().orElse("");
            assertEquals("script-src 'self'", scriptSrc, page + ": inline script must be forbidden");
            for (Element script : html.select("script")) {
                assertFalse(script.attr("src").isEmpty(), page + " has an inline script: " + script);
            }
            for (Element element : html.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    assertFalse(attribute.getKey().toLowerCase().startsWith("on"), page + ": " + element);
                    assertFalse(attribute.getValue().strip().toLowerCase().startsWith("javascript:"), page + ": " + element);
                }
            }
            assertTrue(html.select("svg, iframe, img, style, body meta").isEmpty(), page + " holds markup from a document");
        }
    }

    @Test
    void noScriptRunsInABrowserAndThePayloadsShowAsText() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(site.resolve("documents/hostile.html"), site.resolve("documents/raw-html.html"),
                site.resolve("documents/touch-pwned-b.html"), site.resolve("documents.html"), site.resolve("index.html"),
                site.resolve("goals.html")));
        try (Stream<Path> tasks = Files.list(site.resolve("tasks/hostile"))) {
            pages.addAll(tasks.toList());
        }
        ChromeDriver browser = Browser.start(1280, 900);
        try {
            for (Path page : pages) {
                browser.get(page.toUri().toString());
                JavascriptExecutor js = browser;
                assertEquals(null, js.executeScript("return window.__pwned === undefined ? null : String(window.__pwned)"), page.toString());
                assertFalse(browser.getTitle().contains("PWNED"), page + ": " + browser.getTitle());
                assertEquals(0L, js.executeScript("return document.querySelectorAll('svg, iframe, img, body style').length"), page.toString());
            }
            browser.get(site.resolve("documents/hostile.html").toUri().toString());
            String text = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
            assertTrue(text.contains("<img src=x onerror=\"window.__pwned='img'\">"), text);
            assertTrue(text.contains("\"><svg onload=window.__pwned='svg'>"), text);
            browser.get(site.resolve("documents/raw-html.html").toUri().toString());
            String markdown = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
            assertTrue(markdown.contains("<script>window.__pwned='block';document.title='PWNED'</script>"), markdown);
            assertTrue(markdown.contains("[链接](javascript:window.__pwned='mdlink')"), markdown);
        } finally {
            browser.quit();
        }
    }

    @Test
    void wordLeftoversNeverReachThePages() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".json")
                    || p.toString().endsWith(".csv")).toList()) {
                String body = Files.readString(file);
                assertFalse(body.contains("[bookmark:") || body.contains("_GoBack") || body.contains("_Hlk"), file.toString());
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
