package org.policykb.render;

import org.junit.jupiter.api.Test;
import org.policykb.model.OutputFile;
import org.policykb.model.Problem;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkCheckerTest {
    private static List<Problem> check(OutputFile... files) {
        return new LinkChecker().check(List.of(files));
    }

    @Test
    void resolvesEncodedAndRawHrefsToTheSameFileAndAnchor() {
        OutputFile dept = OutputFile.utf8("departments/区教体局.html", "<h1 id=\"牵头\">区教体局</h1>");
        OutputFile task = OutputFile.utf8("tasks/doc/二.（一）.1.html", """
                <a href="../../departments/%E5%8C%BA%E6%95%99%E4%BD%93%E5%B1%80.html#%E7%89%B5%E5%A4%B4">a</a>
                <a href="../../departments/区教体局.html#牵头">b</a>
                <a href="#top">c</a><span id="top"></span>
                <a href="https://example.org/x">external</a> <a href="mailto:a@b.cn">mail</a>
                """);
        assertEquals(List.of(), check(dept, task));
    }

    @Test
    void namesThePageAndTheLinkOfAMissingFileAndAMissingAnchor() {
        OutputFile home = OutputFile.utf8("index.html", """
                <a href="documents/a.html">ok</a> <a href="documents/b.html">missing file</a>
                <a href="documents/a.html#g9">missing anchor</a> <link rel="stylesheet" href="assets/site.css">
                <a href="../outside.html">outside</a> <a href="/documents/a.html">absolute</a>
                """);
        OutputFile doc = OutputFile.utf8("documents/a.html", "<p id=\"g1\">goal</p><p id=\"g1\">again</p>");
        List<Problem> problems = check(home, doc);
        List<String> messages = new ArrayList<>(problems.stream().map(Problem::toString).toList());
        assertEquals(6, problems.size(), String.join("\n", messages));
        assertTrue(messages.contains("documents/a.html:1: error: duplicate id \"g1\""), messages.toString());
        assertTrue(messages.contains("index.html:1: error: broken link \"documents/b.html\": no file documents/b.html"));
        assertTrue(messages.contains("index.html:2: error: broken link \"documents/a.html#g9\": no element with id \"g9\" in documents/a.html"));
        assertTrue(messages.contains("index.html:2: error: broken link \"assets/site.css\": no file assets/site.css"));
        assertTrue(messages.contains("index.html:3: error: broken link \"../outside.html\": leads outside the site"));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("index.html:3: error: broken link \"/documents/a.html\": absolute path")));
    }

    @Test
    void linksAheadFromManyThreadsAreSettledOrReportedOnce() {
        // 400 pages, each linking to the next one's anchor and to a missing anchor of page 0, arriving from
        // several threads in any order: the only broken target is reported once, with the count of the others
        LinkChecker.Session session = new LinkChecker().session(path -> {
            assertEquals("p/kept.html", path, "only the kept page linked into is read");
            return "<p id=\"here\">kept</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });
        java.util.stream.IntStream.range(0, 400).parallel().forEach(n -> session.accept(OutputFile.utf8(
                "p/" + n + ".html", "<h1 id=\"top\">" + n + "</h1><a href=\"" + (n + 1) % 400 + ".html#top\">next</a>\n"
                        + "<a href=\"0.html#gone\">gone</a>")));
        session.kept("p/kept.html");
        session.accept(OutputFile.utf8("late.html", "<a href=\"p/kept.html#here\">kept</a>"));
        List<Problem> problems = session.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.message().equals(
                "broken link \"0.html#gone\": no element with id \"gone\" in p/0.html (and 397 more links to it)")),
                problems.toString());
    }

    @Test
    void readsTagsAsABrowserDoes() {
        // markup inside a script, a style or a comment is not a link; character references in values are decoded;
        // tag and attribute names are read in any case
        OutputFile page = OutputFile.utf8("index.html", """
                <!doctype html><html><head><script>var s = '<a href="gone.html">';</script>
                <style>a[href="gone.html"] { color: red }</style></head>
                <body><!-- <a href="gone.html">old</a> -->
                <A HREF="a&amp;b.html#x&#49;">one</A><P ID='x1'>target</P><img src=a&amp;b.html>
                <a name="old">anchor</a><a href="#old">to it</a>
                <a href="#missing">line five</a></body></html>
                """);
        OutputFile other = OutputFile.utf8("a&b.html", "<p id=\"x1\">there</p>");
        List<String> messages = check(page, other).stream().map(Problem::toString).toList();
        assertEquals(List.of("index.html:6: error: broken link \"#missing\": no element with id \"missing\" in index.html"),
                messages);
    }

    @Test
    void resolvesRelativePathsLikeABrowser() {
        assertEquals("departments/a.html", LinkChecker.resolve("tasks/doc/1.html", "../../departments/a.html"));
        assertEquals("tasks/doc/2.html", LinkChecker.resolve("tasks/doc/1.html", "2.html"));
        assertEquals("tasks/", LinkChecker.resolve("tasks/doc/1.html", ".."));
        assertNull(LinkChecker.resolve("index.html", "../x.html"));
        assertEquals("", LinkChecker.resolve("a/b.html", ".."));
        assertEquals("a/docs/", LinkChecker.resolve("a/b.html", "./docs//"));
        assertEquals("c.html", LinkChecker.resolve("a/b/x.html", "../.././c.html"));
        assertNull(LinkChecker.resolve("a/b/x.html", "../../../c.html"));
        assertEquals("区教体局.html", LinkChecker.decode("%E5%8C%BA%E6%95%99%E4%BD%93%E5%B1%80.html"));
        assertEquals("a+b%zz", LinkChecker.decode("a+b%zz"));
    }
}
