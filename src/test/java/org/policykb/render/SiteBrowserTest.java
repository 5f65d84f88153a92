package org.policykb.render;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.policykb.model.OutputFile;
import org.policykb.testing.Browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture site in Debian's chromium, served over HTTP: no page type overflows horizontally at 1280 or 360
 * pixels, goal badges land on their goal, the goals table sorts, and the stylesheet loads under the
 * Content-Security-Policy. Screenshots go to target/screenshots for a human to look at.
 */
class SiteBrowserTest {
    static final List<String> PAGES = List.of("index.html", "documents.html", "departments.html", "goals.html",
            "documents/zc-plan.html", "goals/zc-plan.html", "tasks/zc-plan/二.（一）.2.html",
            "departments/区教体局.html", "404.html", "documents/hostile.html");

    @org.junit.jupiter.api.io.TempDir
    static Path site;
    static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        var kb = KnowledgeBaseFixtures.twoDocuments();
        var hostile = KnowledgeBaseFixtures.hostile();
        var both = KnowledgeBaseFixtures.knowledgeBase(
                java.util.stream.Stream.concat(kb.documents().stream(), hostile.documents().stream()).toList());
        for (OutputFile file : SiteRendererTest.site(both)) {
            Path target = site.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.bytes());
        }
        server = serve(site);
    }

    /** A static file server on 127.0.0.1 and a free port: the site as a static host would serve it. */
    static HttpServer serve(Path root) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            boolean found = file.startsWith(root) && Files.isRegularFile(file);
            byte[] body = Files.readAllBytes(found ? file : root.resolve("404.html"));
            String name = file.getFileName().toString();
            String type = name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript"
                    : name.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/html; charset=utf-8";
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        return http;
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + RelativeHref.to("", path);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void noPageOverflowsAt1280Or360PixelsAndTheStylesheetApplies() throws IOException {
        Path shots = Files.createDirectories(Path.of("target/screenshots/fixture"));
        for (int width : new int[]{1280, 360}) {
            ChromeDriver browser = open(width);
            try {
                for (String page : PAGES) {
                    browser.get(url(page));
                    assertNoOverflow(browser, width, page);
                    JavascriptExecutor js = browser;
                    String font = (String) js.executeScript("return getComputedStyle(document.body).fontFamily");
                    assertTrue(font.contains("PingFang SC"), page + " is styled: " + font);
                    screenshot(browser, width, shots.resolve(page.replace('/', '_') + "-" + width + ".png"));
                }
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * A browser whose viewport is {@code width} CSS pixels wide. Headless chromium will not make a window
     * narrower than 500 px, so phone widths are emulated as a phone (device metrics, mobile viewport), which
     * also proves the page's viewport meta tag works.
     */
    static ChromeDriver open(int width) {
        ChromeDriver browser = Browser.start(Math.max(width, 500), 900);
        if (width < 500) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        } else {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        }
        return browser;
    }

    /** Asserts the page is no wider than the viewport and the viewport is the width asked for. */
    static void assertNoOverflow(ChromeDriver browser, int width, String page) {
        long scroll = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        assertEquals(width, inner, "viewport width on " + page);
        assertTrue(scroll <= inner, page + " overflows at " + width + " px: " + scroll + " > " + inner);
    }

    /** The whole page (up to 4000 px tall) as a PNG. */
    static void screenshot(ChromeDriver browser, int width, Path file) throws IOException {
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", Math.min(4000, height), "scale", 1);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Test
    void goalBadgesLandOnTheirGoalAndTheGoalsTableSortsByYear() {
        ChromeDriver browser = Browser.start(1280, 900);
        try {
            browser.get(url("documents/zc-plan.html"));
            List<String> hrefs = browser.findElements(By.cssSelector("a.goal-badge")).stream()
                    .map(a -> a.getDomAttribute("href")).toList();
            assertEquals(6, hrefs.size());
            for (String href : hrefs) {
                browser.get(url("documents/zc-plan.html"));
                WebElement badge = browser.findElement(By.cssSelector("a.goal-badge[href='" + href + "']"));
                badge.click();
                String hash = (String) browser.executeScript("return decodeURIComponent(location.hash.substring(1))");
                assertEquals(Boolean.TRUE, browser.executeScript("return document.getElementById(arguments[0]) !== null", hash), href);
                assertTrue(browser.getCurrentUrl().contains("/goals/zc-plan.html#g"), browser.getCurrentUrl());
            }
            browser.get(url("goals.html"));
            WebElement year = browser.findElement(By.cssSelector("th[data-sort]"));
            year.click();
            List<String> years = browser.findElements(By.cssSelector("table.goals td.year"))
                    .stream().map(td -> td.getDomAttribute("data-value")).filter(y -> !y.isEmpty()).toList();
            assertEquals(years.stream().sorted(java.util.Comparator.reverseOrder()).toList(), years, "sorted newest first after a click");
            assertEquals("descending", year.getDomAttribute("aria-sort"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void worksFromFileUrlsAndPrintsWithoutNavigation() {
        ChromeDriver browser = open(1280);
        try {
            browser.get(site.resolve("documents/zc-plan.html").toUri().toString());
            assertTrue(((String) browser.executeScript("return getComputedStyle(document.body).fontFamily")).contains("PingFang SC"),
                    "the stylesheet loads from file:// under the Content-Security-Policy");
            browser.findElement(By.cssSelector(".task-meta strong a")).click();
            assertTrue(browser.getCurrentUrl().startsWith("file:") && browser.getCurrentUrl().contains("/departments/"),
                    browser.getCurrentUrl());
            assertEquals("区委教育工委", browser.findElement(By.tagName("h1")).getText());
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertEquals("none", browser.executeScript("return getComputedStyle(document.querySelector('.site-header')).display"));
            assertEquals("none", browser.executeScript("return getComputedStyle(document.querySelector('.site-footer')).display"));
            assertEquals("block", browser.executeScript("return getComputedStyle(document.querySelector('main')).display"));
        } finally {
            browser.quit();
        }
    }
}
