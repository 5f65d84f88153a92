package org.policykb.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a saved page holds, reading it yields text or a problem, never an exception. */
class HtmlRobustnessTest {
    private final HtmlReader reader = new HtmlReader(new TextDecoder());

    private DecodeResult read(String html) {
        return reader.read("page.html", html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deeplyNestedMarkupIsRead() {
        String html = "<div>".repeat(20_000) + "<p>各区县教育局：现将有关事项通知如下。</p>" + "</div>".repeat(20_000);
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, read(html));
        assertTrue(decoded.text().contains("各区县教育局：现将有关事项通知如下。"), decoded.text());
    }

    @Test
    void pagesWithoutTextFramesAndEmptyFilesAreProblems() {
        assertInstanceOf(DecodeResult.Undecodable.class, read("<html><frameset><frame src=\"a.html\"></frameset></html>"));
        assertInstanceOf(DecodeResult.Undecodable.class, read(""));
        assertInstanceOf(DecodeResult.Undecodable.class, read("<html><body><img src=\"scan.png\"></body></html>"));
    }

    @Test
    void randomBytesAndBrokenMarkupNeverThrow() {
        Random random = new Random(8);
        String pieces = "<>/=\"' tdtrtablepdivbrh1spanscriptstyle标题：发文字号：表1一、（一）1．\n\t&nbsp;&#x4e00;<!--";
        for (int i = 0; i < 300; i++) {
            StringBuilder html = new StringBuilder();
            for (int j = random.nextInt(400); j > 0; j--) {
                html.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            String name = "page" + i + ".html";
            assertDoesNotThrow(() -> reader.read(name, html.toString().getBytes(StandardCharsets.UTF_8)), html::toString);
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            assertDoesNotThrow(() -> reader.read(name, bytes));
        }
    }
}
