package org.policykb.index;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policykb.testing.Browser;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bytes and time of a first query on a built site (bench/search-bench.sh builds one from a generated corpus):
 * for each query a fresh page load of search.html?q=…, counting every byte the server sends (page, script,
 * index files) and the script's own time from the last data arriving to the results being on screen; then
 * the CLI's top 10 against the browser's. search-bench-files.tsv beside the table lists every file each query
 * fetched. Not part of the normal test run: needs -Dpolicykb.bench.site=DIR; -Dpolicykb.bench.queries=a,b,…
 * replaces the queries. A query may carry filters after a bar, as the search page's parameters:
 * {@code 教师|dept=区教体局&role=lead}; the command line is asked with the same filters.
 */
class SearchBench {
    static final List<String> QUERIES = List.of("教育", "发展", "区教体局", "教体局", "学前", "学前教育", "心理健康",
            "近视", "心理健康 近视", "教师", "幼儿园", "职业教育", "集团化办学", "2025", "优良率", "课后服务", "局体教区",
            "校园足球", "特殊教育", "人才", "乡村", "教育 发展",
            // several common words at once: in a template-heavy corpus their best items sit deep in every list
            "教育 发展 建设", "教育 教学", "学校 教师", "区教体局 教师",
            // a common word and a rarer one, a number or a place: the rare part bounds the hits
            "教育 2025", "发展 督导", "教师 编制", "学校 近视", "教育 优良率", "学校 资助", "教育 文登", "教师 98",
            // phrases of several words, where many classes tie
            "学前教育 教师", "心理健康 教师", "职业教育 发展", "教师队伍 建设", "义务教育 优质均衡", "幼儿园 2028",
            "课后服务 学校", "区财政局 教育",
            // a filter (after |, as the search page's parameters) with common words
            "教育 发展|type=task", "教师|dept=区教体局&role=lead", "学校 建设|kind=plan", "教育|year=2025",
            "教师 培训|dept=区教体局", "发展 督导|type=task", "学前教育 教师|type=section");

    /**
     * Re-exports search/ of a built site from its index, to try export changes without a full build:
     * -Dpolicykb.bench.reexport=SITE -Dpolicykb.bench.content=CONTENT (the content the site was built from, which
     * gives the facets; the index must hold the same items). -Dpolicykb.bench.reindex=true first indexes the content
     * again, for an index an older PolicyKB wrote; -Dpolicykb.bench.maxClasses=N exports with a lower cap on the
     * classes, to see a larger corpus's export (fewer common terms) on this one.
     */
    @Test
    void reexport() throws IOException {
        String siteProperty = System.getProperty("policykb.bench.reexport");
        Assumptions.assumeTrue(siteProperty != null, "set -Dpolicykb.bench.reexport=DIR");
        Path site = Path.of(siteProperty).toAbsolutePath();
        long started = System.nanoTime();
        org.policykb.model.KnowledgeBase kb = org.policykb.build.KnowledgeBaseReader.read(
                Path.of(System.getProperty("policykb.bench.content")));
        Path indexDir = org.policykb.build.SiteBuilder.stateFolder(site).resolve("index");
        if (Boolean.getBoolean("policykb.bench.reindex")) {
            // an index written by an older PolicyKB (its format changed): index the content again, pages untouched
            SearchSite.delete(indexDir);
            try (SearchIndex index = SearchIndex.open(indexDir)) {
                index.update(kb);
            }
            System.out.printf("indexed again in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        try (SearchIndex index = SearchIndex.open(indexDir)) {
            if (Files.exists(site.resolve("search"))) {
                SearchSite.delete(site.resolve("search"));
            }
            long[] written = new long[2];
            long exporting = System.nanoTime();
            int maxClasses = Integer.getInteger("policykb.bench.maxClasses", BrowserClasses.MAX_CLASSES);
            new BrowserIndexExport(maxClasses).export(index, kb, file -> {
                try {
                    Path target = site.resolve(file.path());
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.bytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                synchronized (written) {
                    written[0]++;
                    written[1] += file.bytes().length;
                }
            });
            System.out.printf("exported %d files, %d bytes in %.1f s (%.1f s with reading the content)%n", written[0],
                    written[1], (System.nanoTime() - exporting) / 1e9, (System.nanoTime() - started) / 1e9);
        }
    }

    @Test
    void firstQueries() throws IOException {
        String siteProperty = System.getProperty("policykb.bench.site");
        Assumptions.assumeTrue(siteProperty != null, "set -Dpolicykb.bench.site=DIR");
        Path site = Path.of(siteProperty).toAbsolutePath();
        Path state = org.policykb.build.SiteBuilder.stateFolder(site);
        SearchSite.addPage(site);
        List<String> lines = new ArrayList<>();
        List<String> sentFiles = new ArrayList<>(List.of("query\tpath\tbytes"));
        lines.add("query\thits\tbytes\trequests\tms_after_data\tms_total\ttop10_agree");
        ChromeDriver browser = Browser.start(1200, 900);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        try (SearchSite served = SearchSite.existing(site, state)) {
            String base = served.serve();
            String asked = System.getProperty("policykb.bench.queries", "");
            for (String entry : asked.isBlank() ? QUERIES : List.of(asked.split(","))) {
                String query = entry.contains("|") ? entry.substring(0, entry.indexOf('|')) : entry;
                Map<String, String> filters = filters(entry);
                StringBuilder params = new StringBuilder("?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                filters.forEach((key, value) -> params.append('&').append(key).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
                browser.get("about:blank");
                served.bytesServed.set(0);
                served.requests.set(0);
                served.bytesByKind.clear();
                served.sent.clear();
                browser.get(base + "search.html" + params);
                new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> ((JavascriptExecutor) d)
                        .executeScript("return document.body.dataset.searchDone || ''").toString()
                        .startsWith("[\"" + query + "\""));
                @SuppressWarnings("unchecked")
                Map<String, Object> run = (Map<String, Object>) browser.executeScript(
                        "return window.policykbSearch.runs[0]");
                long bytes = served.bytesServed.get();
                long requests = served.requests.get();
                served.sent.forEach(f -> sentFiles.add(entry + "\t" + f.getKey() + "\t" + f.getValue()));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> web = (List<Map<String, Object>>) browser.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "window.policykbSearch.top(arguments[0], arguments[1], 10).then(done, e => done([String(e)]));",
                        query, filters);
                List<String> cli = served.index.search(request(query, filters)).hits().stream().map(SearchHit::url).toList();
                boolean agree = cli.equals(web.stream().map(h -> h.get("url")).toList());
                lines.add(String.format("%s\t%s\t%d\t%d\t%.1f\t%.1f\t%s", entry, run.get("hits"), bytes, requests,
                        ((Number) run.get("afterDataMs")).doubleValue(), ((Number) run.get("totalMs")).doubleValue(), agree));
                System.out.println(lines.getLast() + "\t" + new java.util.TreeMap<>(served.bytesByKind));
            }
        } finally {
            browser.quit();
        }
        Path report = site.getParent().resolve("search-bench.tsv");
        Files.write(report, lines);
        Files.write(site.getParent().resolve("search-bench-files.tsv"), sentFiles);
        System.out.println("written " + report);
    }

    /** The filters of a bench entry, {@code query|key=value&key=value} with the search page's parameter names. */
    static Map<String, String> filters(String entry) {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        if (entry.contains("|")) {
            for (String pair : entry.substring(entry.indexOf('|') + 1).split("&")) {
                filters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return filters;
    }

    /** The command line's request for a query and the search page's filters. */
    static SearchRequest request(String query, Map<String, String> filters) {
        return new SearchRequest(query, java.util.Optional.ofNullable(filters.get("dept")),
                java.util.Optional.ofNullable(filters.get("role")).map(r -> Role.valueOf(r.toUpperCase(java.util.Locale.ROOT))),
                java.util.Optional.ofNullable(filters.get("type")).flatMap(HitType::fromCode),
                java.util.Optional.ofNullable(filters.get("kind")).flatMap(org.policykb.model.DocumentKind::fromCode),
                java.util.Optional.ofNullable(filters.get("year")).map(Integer::valueOf), 10);
    }
}
