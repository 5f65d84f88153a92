package org.policykb.parse;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.policykb.model.ParsedDocument;
import org.policykb.model.Section;
import org.policykb.model.SourceFile;
import org.policykb.testing.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every character of every fixture lands in exactly one section: the sections' own spans tile the text. */
class NoTextLostTest {
    private static final PlainTextParser PLAIN_TEXT = new PlainTextParser();
    private static final Map<String, DocumentParser> PARSERS = Map.of("txt", PLAIN_TEXT, "md", new MarkdownParser(),
            "html", PLAIN_TEXT, "htm", PLAIN_TEXT, "docx", PLAIN_TEXT);

    @TestFactory
    Stream<DynamicTest> everyFixtureIsTiledBySections() {
        List<SourceFile> files = Fixtures.allDocuments();
        assertTrue(files.size() >= 8, "expected the samples and the fixture sites, found " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.relativePath(), () -> assertTiled(f)));
    }

    static void assertTiled(SourceFile file) {
        ParsedDocument doc = PARSERS.get(file.extension()).parse(file);
        List<Section> all = doc.root().flatten();
        StringBuilder rebuilt = new StringBuilder();
        int expectedStart = 0;
        for (Section s : all) {
            assertEquals(expectedStart, s.span().start(), "section " + s.id() + " does not start where the previous ended");
            rebuilt.append(s.span().of(file.text()));
            expectedStart = s.span().end();
        }
        assertEquals(file.text().length(), expectedStart, "the last section must end at the end of the text");
        assertEquals(file.text(), rebuilt.toString());
        assertFalse(all.stream().skip(1).anyMatch(s -> s.title() == null || s.title().isBlank()),
                "every section below the root has a title");
    }
}
