package org.policykb.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policykb.model.KnowledgeBase;
import org.policykb.testing.Browser;
import org.policykb.testing.TemplateCorpus;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search page in Debian's chromium on a generated template-heavy site (300 documents made from the samples,
 * {@link TemplateCorpus}), where most items fall into few classes: a first query of a common word and a rare one (a
 * city, a year), a phrase and a common word, or common words with a filter, stays within issue 4's budget of 150 KB
 * (page, styles, script and index), never reads a common term's postings pages, and shows the command line's first
 * ten. Exported again with a lower cap on the classes, fewer terms count as common and the same queries still agree.
 */
class MixedQueryBrowserTest {
    private static final long BUDGET = 150_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A common word with a city (in a twelfth of the documents) or a year, and a phrase with a common word. */
    private static final List<String> MIXED = List.of("教育 威海", "教师 威海", "教育 2027", "发展 2026", "学校 督导",
            "学前教育 教师", "心理健康 教师");

    static KnowledgeBase kb;
    static SearchSite site;
    static SearchSite fewClasses;
    static String base;
    static String fewClassesBase;
    static ChromeDriver browser;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        kb = org.policykb.build.KnowledgeBaseReader.read(TemplateCorpus.write(dir.resolve("content"), 300));
        site = SearchSite.build(kb, dir.resolve("state"), dir.resolve("site"));
        base = site.serve();
        fewClasses = SearchSite.build(kb, dir.resolve("state-few"), dir.resolve("site-few"), new BrowserIndexExport(256));
        fewClassesBase = fewClasses.serve();
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
        if (fewClasses != null) {
            fewClasses.close();
        }
    }

    @Test
    void aCommonWordWithARareOneIsScoredOnTheRareOnesItemsWithinTheBudget() throws IOException {
        JsonNode meta = meta(site);
        assertTrue(meta.get("items").asInt() > 10_000, "a site larger than one whose facets are counted at once");
        for (String query : MIXED) {
            Map<String, Long> files = firstLoad(site, base, query, Map.of());
            assertWithinBudget(query, files);
            List<String> common = new ArrayList<>();
            for (QueryPart part : site.index.parse(query)) {
                for (String term : part.terms()) {
                    if (entry(site, term).get(0).asInt() >= meta.get("classes").get("minDf").asInt()) {
                        common.add(term);
                    }
                }
            }
            assertFalse(common.isEmpty(), query + " has a common word");
            for (String term : common) {
                String pages = "/search/p/" + shard(site, term) + "/" + entry(site, term).get(4).asInt() + "-";
                assertTrue(files.keySet().stream().noneMatch(p -> p.startsWith(pages)), query + ": pages of " + term + " " + files.keySet());
            }
            assertSameTopTen(site, query, Map.of());
        }
    }

    @Test
    void commonWordsWithAFilterAreRankedClassByClassWithinTheBudget() throws IOException {
        Map<String, Map<String, String>> queries = new LinkedHashMap<>();
        queries.put("教育 发展", Map.of("type", "task"));
        queries.put("发展 督导", Map.of("type", "task"));
        queries.put("学前教育 教师", Map.of("type", "section"));
        queries.put("学校 建设", Map.of("kind", "plan"));
        queries.put("教师 培训", Map.of("dept", "区教体局"));
        queries.put("教育 发展 ", Map.of("dept", "区教体局", "role", "lead"));
        for (Map.Entry<String, Map<String, String>> query : queries.entrySet()) {
            Map<String, Long> files = firstLoad(site, base, query.getKey().strip(), query.getValue());
            assertWithinBudget(query.getKey() + " " + query.getValue(), files);
            assertTrue(files.keySet().stream().noneMatch(p -> p.startsWith("/search/p/")), query + ": " + files.keySet());
            assertTrue(files.keySet().stream().anyMatch(p -> p.startsWith("/search/kc/")), query + ": " + files.keySet());
            assertSameTopTen(site, query.getKey().strip(), query.getValue());
        }
    }

    @Test
    void aFilterInTheAddressCountsTheFacetsOnlyOnceTheFiltersAreReachedFor() {
        Map<String, Long> files = firstLoad(site, base, "教师", Map.of("dept", "区教体局", "role", "lead"));
        assertTrue(files.keySet().stream().noneMatch(p -> p.startsWith("/search/a/") || p.startsWith("/search/year/")
                || p.startsWith("/search/kind/")), files.keySet().toString());
        assertTrue(new Select(browser.findElement(By.id("filter-type"))).getOptions().stream()
                .noneMatch(o -> o.getText().matches(".*\\(\\d+\\+?\\)")), "no counts yet");
        new Actions(browser).moveToElement(browser.findElement(By.id("filter-type"))).perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> new Select(d.findElement(By.id("filter-type")))
                .getOptions().stream().anyMatch(o -> o.getText().matches("任务 \\(\\d+\\+?\\)")));
    }

    @Test
    void pastTheCapOnClassesFewerTermsAreCommonAndTheQueriesStillAgree() throws IOException {
        JsonNode classes = meta(fewClasses).get("classes");
        int items = meta(fewClasses).get("items").asInt();
        assertTrue(classes.get("count").asInt() <= 256, classes.toString());
        assertTrue(classes.get("minDf").asInt() > BrowserClasses.minDf(items), classes.toString());
        assertTrue(meta(site).get("classes").get("count").asInt() > 256, "the full export has more classes");
        for (String query : List.of("教育 威海", "教育 2027", "学校 督导", "学前教育 教师", "教育 发展", "教育 发展 建设")) {
            assertWithinBudget(query, firstLoad(fewClasses, fewClassesBase, query, Map.of()));
            assertSameTopTen(fewClasses, query, Map.of());
        }
        for (Map<String, String> filters : List.of(Map.of("type", "task"), Map.of("dept", "区教体局"))) {
            assertWithinBudget("教育 发展 " + filters, firstLoad(fewClasses, fewClassesBase, "教育 发展", filters));
            assertSameTopTen(fewClasses, "教育 发展", filters);
        }
    }

    private static void assertWithinBudget(String query, Map<String, Long> files) {
        long total = files.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(total <= BUDGET, query + ": " + total + " bytes " + files);
    }

    /** The page's first ten and the script's scores are the command line's. */
    private static void assertSameTopTen(SearchSite on, String query, Map<String, String> filters) throws IOException {
        SearchRequest request = SearchBench.request(query, filters);
        List<SearchHit> cli = on.index.search(request).hits();
        assertEquals(10, cli.size(), query + " " + filters);
        List<String> shown = browser.findElements(By.cssSelector("#search-results .search-hit")).stream()
                .map(h -> h.getAttribute("data-url")).toList();
        assertEquals(cli.stream().map(SearchHit::url).toList(), shown, query + " " + filters);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> web = (List<Map<String, Object>>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.policykbSearch.top(arguments[0], arguments[1], 10).then(done, e => done(String(e)));",
                query, filters);
        for (int i = 0; i < cli.size(); i++) {
            assertEquals(cli.get(i).url(), web.get(i).get("url"), query + " #" + i);
            assertEquals(cli.get(i).score(), ((Number) web.get(i).get("score")).floatValue(), 0f, query + " #" + i);
        }
    }

    /** The files a fresh load of the search page with {@code query} and {@code filters} fetches, with the bytes sent. */
    private static Map<String, Long> firstLoad(SearchSite on, String at, String query, Map<String, String> filters) {
        browser.get("about:blank");
        on.sent.clear();
        StringBuilder params = new StringBuilder("?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        filters.forEach((key, value) -> params.append('&').append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        browser.get(at + "search.html" + params);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ((JavascriptExecutor) d)
                .executeScript("return document.body.dataset.searchDone || ''").toString()
                .startsWith("[\"" + query + "\""));
        Map<String, Long> files = new LinkedHashMap<>();
        on.sent.forEach(f -> files.merge(f.getKey(), f.getValue(), Long::sum));
        return files;
    }

    private static JsonNode meta(SearchSite on) throws IOException {
        return JSON.readTree(SearchSite.inflate(on.root.resolve("search/meta" + DeflatedJson.SUFFIX)));
    }

    private static int shard(SearchSite on, String term) throws IOException {
        return BrowserPostings.shardOf(term, meta(on).get("shards").asInt());
    }

    /** A term's entry in its shard: df, idf, postings, pages, key, first page. */
    private static JsonNode entry(SearchSite on, String term) throws IOException {
        JsonNode shard = JSON.readTree(SearchSite.inflate(on.root.resolve("search/s/" + shard(on, term) + DeflatedJson.SUFFIX)));
        return shard.get("x").get(term);
    }
}
