package org.policykb.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.Task;
import org.policykb.testing.Browser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search page in Debian's chromium on the sample site: the judged cases, and agreement with the CLI. */
class BrowserSearchTest {
    static final List<String> QUERIES = List.of("区教体局", "教体局", "学前", "学前教育", "心理健康", "近视",
            "心理健康 近视", "教育", "发展", "教师", "幼儿园", "职业教育", "体育", "2025", "2025年", "优良率",
            "集团化办学", "普惠", "课后服务", "安全", "劳动教育", "财政", "信息化", "校园足球", "局体教区",
            "区教体局 教师", "教育 发展", "特殊教育", "智慧教育", "家庭教育", "乡村", "民办", "教研", "高中", "人才",
            "评价改革", "教", "局", "５５％", "STEM");

    static KnowledgeBase kb;
    static SearchSite site;
    static String base;
    static ChromeDriver browser;

    @BeforeAll
    static void start(@TempDir Path state, @TempDir Path folder) throws IOException {
        kb = org.policykb.build.KnowledgeBaseReader.read(Path.of("content"));
        site = SearchSite.build(kb, state, folder);
        base = site.serve();
        browser = Browser.start(1200, 900);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    private static void open(String params) {
        browser.get(base + "search.html" + params);
    }

    /** Types a query into the box and waits for its results. */
    private static List<WebElement> type(String query) {
        WebElement box = browser.findElement(By.id("search-q"));
        box.clear();
        box.sendKeys(query);
        waitDone(query);
        return browser.findElements(By.cssSelector("#search-results .search-hit"));
    }

    private static void waitDone(String query) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            Object done = ((JavascriptExecutor) d).executeScript("return document.body.dataset.searchDone || ''");
            return done.toString().startsWith("[\"" + query + "\"");
        });
    }

    private static List<String> urls(List<WebElement> hits) {
        return hits.stream().map(h -> h.getAttribute("data-url")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> top(String query, Map<String, String> filters, int k) {
        return (List<Map<String, Object>>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.policykbSearch.top(arguments[0], arguments[1], arguments[2]).then(done, e => done(String(e)));",
                query, filters, k);
    }

    @Test
    void leadRoleListsEveryTaskTheDepartmentLeads() {
        String id = kb.expectDepartmentByName("区教体局").id();
        open("?dept=" + id + "&role=lead");
        waitDone("");
        // what data/tasks.json says: tasks whose lead, resolved to a department id, is this department
        List<String> expected = new ArrayList<>();
        for (Task task : kb.tasks()) {
            if (task.lead().map(kb.departmentIdByName()::get).equals(Optional.of(id))) {
                expected.add(org.policykb.model.SiteUrls.task(task.id()));
            }
        }
        WebElement more = browser.findElement(By.id("search-more"));
        while (more.isDisplayed()) {
            int before = browser.findElements(By.cssSelector("#search-results .search-hit")).size();
            more.click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                    d.findElements(By.cssSelector("#search-results .search-hit")).size() > before);
        }
        assertEquals(expected, urls(browser.findElements(By.cssSelector("#search-results .search-hit"))));
        assertEquals("区教体局", new Select(browser.findElement(By.id("filter-department"))).getFirstSelectedOption()
                .getText().replaceAll(" \\(.*", ""));
    }

    @Test
    void healthQueriesPutTheTaskThatSaysMostAboutThemInTheFirstThreeTasks() {
        open("");
        for (String query : List.of("心理健康", "近视")) {
            List<String> tasks = type(query).stream().filter(h -> "task".equals(h.getAttribute("data-type")))
                    .limit(3).map(h -> h.findElement(By.className("search-hit-title")).getText()).toList();
            assertTrue(tasks.stream().anyMatch(t -> t.contains("完善多样性健康身心培养体系")), query + " → " + tasks);
        }
    }

    @Test
    void abbreviationFindsTheDepartmentsTasks() {
        open("");
        List<WebElement> hits = type("教体局");
        assertFalse(hits.isEmpty());
        WebElement first = hits.getFirst();
        assertEquals("教体局", first.findElement(By.cssSelector(".search-hit-snippet mark")).getText());
        assertTrue(first.findElement(By.className("search-hit-snippet")).getText().contains("区教体局"));
        new Select(browser.findElement(By.id("filter-type"))).selectByValue("task");
        waitDone("教体局");
        List<WebElement> tasks = browser.findElements(By.cssSelector("#search-results .search-hit"));
        assertTrue(tasks.size() == 10 && tasks.stream().allMatch(h -> "task".equals(h.getAttribute("data-type"))));
    }

    @Test
    void twoCharactersFindTheCompoundsSections() {
        open("");
        List<WebElement> sections = type("学前").stream().filter(h -> "section".equals(h.getAttribute("data-type"))).toList();
        assertFalse(sections.isEmpty());
        assertTrue(sections.stream().anyMatch(h -> h.getText().contains("学前教育")));
        assertTrue(sections.getFirst().getAttribute("data-url").matches("documents/[^#]+\\.html#.+"));
    }

    @Test
    void boxOnAnyPageShowsHitsAsYouType() throws IOException {
        java.nio.file.Files.createDirectories(site.root.resolve("documents"));
        java.nio.file.Files.writeString(site.root.resolve("documents/page.html"), """
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
                <script src="../assets/search.js" defer></script></head>
                <body><form role="search"><input name="q" type="search" data-policykb-search></form></body></html>
                """);
        browser.get(base + "documents/page.html");
        browser.findElement(By.name("q")).sendKeys("近视");
        WebElement first = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".search-popup .search-hit a")).stream().findFirst().orElse(null));
        assertTrue(first.getAttribute("href").startsWith(base) && !first.getAttribute("href").contains("/documents/documents/"),
                first.getAttribute("href"));
        assertEquals(base + "search.html", browser.findElement(By.tagName("form")).getAttribute("action"));
    }

    @Test
    void typeFilterShowsCounts() {
        open("");
        type("学前");
        List<String> options = new Select(browser.findElement(By.id("filter-type"))).getOptions().stream()
                .map(WebElement::getText).toList();
        assertTrue(options.stream().anyMatch(o -> o.matches("任务 \\(\\d+\\)")), options.toString());
        assertTrue(options.stream().anyMatch(o -> o.matches("章节 \\(\\d+\\)")), options.toString());
    }

    @Test
    void scrambledQueryAndNoHitsSaySo() {
        open("");
        assertTrue(type("局体教区").isEmpty());
        assertTrue(browser.findElement(By.id("search-status")).getText().contains("没有找到"));
    }

    @Test
    void hitsLinkToTheirAnchors() {
        open("?q=" + java.net.URLEncoder.encode("完善多样性健康身心培养体系", java.nio.charset.StandardCharsets.UTF_8));
        waitDone("完善多样性健康身心培养体系");
        WebElement link = browser.findElement(By.cssSelector("#search-results .search-hit a"));
        assertTrue(link.getAttribute("href").startsWith(base), link.getAttribute("href"));
    }

    @Test
    void browserTokenisesQueriesAsLuceneDoes() {
        open("");
        QueryParser parser = new QueryParser(new PolicyAnalyzer());
        List<String> queries = new ArrayList<>(QUERIES);
        queries.addAll(List.of("ＰＭ2.5浓度", "3,000人", "Wi-Fi覆盖", "a.b.c", "“双减”政策", "到2025年，优良率达到55%",
                "教育、卫生", "K12 教育", "don't", "１２３４"));
        for (String query : queries) {
            List<List<String>> java = parser.parse(query).stream().map(QueryPart::terms).toList();
            Object js = browser.executeScript("return window.policykbSearch.parse(arguments[0]).map(p => p.terms)", query);
            assertEquals(java, js, query);
        }
    }

    @Test
    void browserAndCommandLineAgreeOnTheTopTen() throws IOException {
        open("");
        int compared = 0;
        for (String query : QUERIES) {
            compareTop(query, Map.of(), SearchRequest.of(query, 10));
            compared++;
        }
        compareTop("教师", Map.of("type", "task"), new SearchRequest("教师", Optional.empty(), Optional.empty(),
                Optional.of(HitType.TASK), 10));
        compareTop("教育", Map.of("dept", "区教体局", "role", "support"), new SearchRequest("教育",
                Optional.of("区教体局"), Optional.of(Role.SUPPORT), Optional.empty(), 10));
        assertTrue(compared >= 20);
    }

    private static void compareTop(String query, Map<String, String> filters, SearchRequest request) throws IOException {
        List<SearchHit> cli = site.index.search(request).hits();
        List<Map<String, Object>> web = top(query, filters, 10);
        assertEquals(cli.stream().map(SearchHit::url).toList(), web.stream().map(h -> h.get("url")).toList(), query);
        for (int i = 0; i < cli.size(); i++) {
            assertEquals(cli.get(i).score(), ((Number) web.get(i).get("score")).floatValue(), 0f, query + " #" + i);
        }
    }
}
