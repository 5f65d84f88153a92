package org.policykb.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RelativeHrefTest {
    @Test
    void chineseStaysReadableInPagesAndIsEscapedInTheSitemap() {
        assertEquals("../departments/区教体局.html#牵头", RelativeHref.to("../", "departments/区教体局.html#牵头"));
        assertEquals("tasks/plan/%E4%BA%8C.%EF%BC%88%E4%BA%8C%EF%BC%89.3.html", RelativeHref.uri("tasks/plan/二.（二）.3.html"));
    }

    @Test
    void charactersThatWouldChangeOrHideTheUrlAreEscaped() {
        // a space, '%', '?', '#' inside a fragment, an ideographic space, a right-to-left mark, private use
        assertEquals("a%20b%25c%3Fd/%E3%80%80e%E2%80%8Ff%EE%80%80.html#x%23y",
                RelativeHref.to("", "a b%c?d/\u3000e\u200Ff\uE000.html#x#y"));
        assertEquals("#一%201", RelativeHref.anchor("一 1"));
    }

    @Test
    void aBrowserFollowsTheKeptTextToTheSameFile() {
        // the link checker reads hrefs back the way a browser resolves them to files
        assertEquals("departments/区教体局.html", LinkChecker.decode(RelativeHref.to("", "departments/区教体局.html")));
        assertEquals("a b%c?d.html", LinkChecker.decode(RelativeHref.to("", "a b%c?d.html")));
    }
}
