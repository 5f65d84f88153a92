package org.policykb.parse;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.policykb.model.SourceFile;
import org.policykb.testing.Fixtures;
import org.policykb.testing.PolicyText;
import org.policykb.testing.TimeBound;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For any text, plain or Markdown, the parser returns within a time bound without throwing, and its sections
 * tile the text: every character in exactly one section. Tries: jqwik.tries.default (5,000 in CI).
 */
class ParserPropertiesTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final AtomicLong TRIED = new AtomicLong();

    @Provide
    Arbitrary<String> documents() {
        return PolicyText.documents(80);
    }

    @Property
    void plainTextIsTiledBySections(@ForAll("documents") String text) {
        TRIED.incrementAndGet();
        TimeBound.call(BOUND, "parsing " + text.length() + " characters of plain text", () -> {
            NoTextLostTest.assertTiled(Fixtures.text("generated.txt", text));
            return null;
        });
    }

    @Property
    void markdownIsTiledBySections(@ForAll("documents") String text) {
        TRIED.incrementAndGet();
        TimeBound.call(BOUND, "parsing " + text.length() + " characters of Markdown", () -> {
            NoTextLostTest.assertTiled(Fixtures.text("generated.md", text));
            return null;
        });
    }

    @AfterContainer
    static void report() {
        System.out.println("ParserPropertiesTest: " + TRIED.get() + " generated documents parsed");
    }
}
