package org.policykb.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.policykb.build.BuildSettings;
import org.policykb.build.SiteBuilder;
import org.policykb.testing.Browser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole build of the sample content: its search page and the search box of an ordinary page work. */
class BuiltSiteSearchTest {
    @Test
    void searchPageAndHeaderBoxOfTheBuiltSite(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("site");
        new SiteBuilder().build(new BuildSettings(Path.of("content"), out, Path.of("templates"), false,
                LocalDate.of(2026, 1, 1)));
        assertTrue(java.nio.file.Files.isDirectory(org.policykb.build.SiteBuilder.stateFolder(out).resolve("index")), "index kept beside the site");
        try (SearchSite site = SearchSite.existing(out, org.policykb.build.SiteBuilder.stateFolder(out))) {
            String base = site.serve();
            ChromeDriver browser = Browser.start(1200, 900);
            try {
                browser.get(base + "search.html?q=%E6%95%99%E4%BD%93%E5%B1%80"); // 教体局
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> ((JavascriptExecutor) d)
                        .executeScript("return document.body.dataset.searchDone || ''").toString().startsWith("[\"教体局\""));
                List<WebElement> hits = browser.findElements(By.cssSelector("#search-results .search-hit"));
                assertEquals(10, hits.size());
                List<String> cli = site.index.search(SearchRequest.of("教体局", 10)).hits().stream().map(SearchHit::url).toList();
                assertEquals(cli, hits.stream().map(h -> h.getAttribute("data-url")).toList());
                // an ordinary page two folders down: the header box shows hits with links back up to the root
                String task = cli.stream().filter(u -> u.startsWith("tasks/")).findFirst().orElseThrow();
                browser.get(base + task);
                browser.findElement(By.cssSelector("header input[name=q]")).sendKeys("近视");
                WebElement first = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                        d.findElements(By.cssSelector(".search-popup .search-hit a")).stream().findFirst().orElse(null));
                assertTrue(first.getAttribute("href").startsWith(base) && !first.getAttribute("href").contains("tasks/tasks/"),
                        first.getAttribute("href"));
                assertTrue(browser.manage().logs().get("browser").getAll().stream()
                        .noneMatch(e -> e.getMessage().contains("Content Security Policy")), "no CSP violations");
            } finally {
                browser.quit();
            }
        }
    }
}
