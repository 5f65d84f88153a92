package org.policykb.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.policykb.build.BuildResult;
import org.policykb.build.BuildSettings;
import org.policykb.build.SiteBuilder;
import org.policykb.model.OutputFile;
import org.policykb.model.SiteUrls;
import org.policykb.testing.Browser;
import org.policykb.testing.Fixtures;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five sample documents built end to end and read in chromium, as the issue asks: each department page
 * lists exactly the tasks of data/departments.json, each task page links to its lead department and back, each
 * goal badge lands on an element with its id, no link is broken, and no page type overflows at 1280 or 360 px.
 */
class SampleSiteBrowserTest {
    @org.junit.jupiter.api.io.TempDir
    static Path folder;
    static Path out;
    static HttpServer server;
    static BuildResult result;
    static ChromeDriver browser;

    @BeforeAll
    static void build() throws IOException {
        out = folder.resolve("site");
        result = new SiteBuilder().build(new BuildSettings(Fixtures.content(), out, Path.of("templates"), false,
                LocalDate.of(2024, 6, 1)));
        server = SiteBrowserTest.serve(out);
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stop() {
        browser.quit();
        server.stop(0);
    }

    static String url(String sitePath) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + RelativeHref.to("", sitePath);
    }

    /** The site path a resolved URL of this server names (fragment kept, decoded). */
    static String sitePath(String absolute) {
        String prefix = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        assertTrue(absolute.startsWith(prefix), absolute + " stays on the site");
        return URLDecoder.decode(absolute.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static JsonNode data(String name) throws IOException {
        return new ObjectMapper().readTree(out.resolve("data").resolve(name).toFile());
    }

    static List<String> hrefs(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(a -> sitePath(a.getDomProperty("href"))).toList();
    }

    @Test
    void theSamplesBuildWithoutBrokenLinks() throws IOException {
        assertEquals(List.of(), result.problems().stream().filter(p -> p.message().startsWith("broken link")
                || p.message().startsWith("duplicate id")).toList());
        List<OutputFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.add(new OutputFile(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file)));
            }
        }
        assertEquals(List.of(), new LinkChecker().check(files));
        assertTrue(files.size() > 150, "pages for 5 documents, their tasks and departments: " + files.size());
    }

    @Test
    void everyDepartmentPageListsExactlyItsTasksFromTheExport() throws IOException {
        JsonNode departments = data("departments.json");
        assertTrue(departments.size() > 10);
        for (JsonNode department : departments) {
            browser.get(url(department.get("url").asText()));
            assertEquals(department.get("name").asText(), browser.findElement(By.tagName("h1")).getText());
            assertEquals(taskPages(department.get("lead")), hrefs(".task-list.lead > li > a"), department.get("id").asText());
            assertEquals(taskPages(department.get("support")), hrefs(".task-list.support > li > a"), department.get("id").asText());
            String stats = browser.findElement(By.cssSelector(".stats")).getText();
            assertTrue(stats.contains("牵头 " + department.get("lead").size() + " 项"), stats);
            assertTrue(stats.contains("配合 " + department.get("support").size() + " 项"), stats);
        }
    }

    /** The task pages of the ids, in the order the page lists them: by document newest first, then as given. */
    private static List<String> taskPages(JsonNode ids) throws IOException {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.asText()));
        return pagesInDocumentOrder(out);
    }

    private static List<String> pagesInDocumentOrder(List<String> taskIds) throws IOException {
        List<String> docs = new ArrayList<>();
        JsonNode documents = data("documents.json");
        List<JsonNode> sorted = new ArrayList<>();
        documents.forEach(sorted::add);
        sorted.sort((a, b) -> {
            String da = a.get("date").isNull() ? "" : a.get("date").asText();
            String db = b.get("date").isNull() ? "" : b.get("date").asText();
            int c = db.compareTo(da);
            if (c != 0) {
                return c;
            }
            c = a.get("title").asText().compareTo(b.get("title").asText());
            return c != 0 ? c : a.get("id").asText().compareTo(b.get("id").asText());
        });
        sorted.forEach(d -> docs.add(d.get("id").asText()));
        List<String> pages = new ArrayList<>();
        for (String doc : docs) {
            taskIds.stream().filter(id -> id.startsWith(doc + "/")).map(SiteUrls::task).forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyTaskPageLinksToItsLeadDepartmentWhichLinksBack() throws IOException {
        int checked = 0;
        for (JsonNode task : data("tasks.json")) {
            browser.get(url(task.get("url").asText()));
            if (task.get("lead").isNull()) {
                assertTrue(browser.findElements(By.cssSelector("a.lead")).isEmpty(), task.get("id").asText());
                continue;
            }
            String department = SiteUrls.department(task.get("lead").asText());
            assertEquals(List.of(department), hrefs("a.lead"), task.get("id").asText());
            browser.get(url(department));
            assertTrue(hrefs(".task-list.lead > li > a").contains(task.get("url").asText()),
                    department + " links back to " + task.get("url").asText());
            checked++;
        }
        assertTrue(checked > 50, "tasks with a lead department: " + checked);
    }

    @Test
    void everyGoalBadgeLandsOnAnElementWithItsId() throws IOException {
        Set<String> badges = new TreeSet<>();
        for (JsonNode document : data("documents.json")) {
            browser.get(url(document.get("url").asText()));
            badges.addAll(hrefs("a.goal-badge"));
        }
        Set<String> goals = new TreeSet<>();
        data("goals.json").forEach(g -> goals.add(g.get("url").asText()));
        assertEquals(goals, badges, "every goal has exactly one badge in its document");
        for (String badge : badges) {
            browser.get(url(badge));
            String id = badge.substring(badge.indexOf('#') + 1);
            WebElement target = browser.findElement(By.id(id));
            assertTrue(target.isDisplayed(), badge);
        }
    }

    @Test
    void theSearchBoxOfAnyPageFindsTasksOnTheSearchPage() {
        browser.get(url("departments.html"));
        WebElement box = browser.findElement(By.cssSelector(".site-header input[name=q]"));
        box.sendKeys("心理健康");
        box.submit();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
        assertTrue(browser.getCurrentUrl().contains("search.html?q="), browser.getCurrentUrl());
        assertFalse(browser.findElements(By.cssSelector("#search-results a[href*='tasks/']")).isEmpty());
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertFalse(browser.findElements(By.cssSelector("nav.site-nav a")).isEmpty(), "the search page has the navigation");
    }

    @Test
    void noPageTypeOverflowsAt1280Or360Pixels() throws IOException {
        List<String> pages = new ArrayList<>(List.of("index.html", "documents.html", "departments.html", "goals.html",
                "404.html", "search.html"));
        data("documents.json").forEach(d -> pages.add(d.get("url").asText()));
        JsonNode goals = data("goals.json");
        pages.add(goals.get(0).get("url").asText().replaceAll("#.*", ""));
        JsonNode tasks = data("tasks.json");
        pages.add(tasks.get(tasks.size() / 2).get("url").asText());
        JsonNode busiest = null;
        for (JsonNode d : data("departments.json")) {
            if (busiest == null || d.get("lead").size() + d.get("support").size() > busiest.get("lead").size() + busiest.get("support").size()) {
                busiest = d;
            }
        }
        pages.add(busiest.get("url").asText());
        Path shots = Files.createDirectories(Path.of("target/screenshots/samples"));
        for (int width : new int[]{1280, 360}) {
            ChromeDriver sized = SiteBrowserTest.open(width);
            try {
                for (String page : pages) {
                    sized.get(url(page));
                    SiteBrowserTest.assertNoOverflow(sized, width, page);
                    assertFalse(sized.findElements(By.cssSelector("main h1")).isEmpty(), page + " has a heading");
                    SiteBrowserTest.screenshot(sized, width, shots.resolve(page.replace('/', '_') + "-" + width + ".png"));
                }
            } finally {
                sized.quit();
            }
        }
    }
}
