package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record of what each published file was made from reads back as written, or not at all. */
class PageDigestsTest {
    @TempDir
    Path state;

    @Test
    void aRecordOfManyBlocksReadsBackAsWrittenWithChinesePathsAmongThem() throws Exception {
        Map<String, String> written = new HashMap<>();
        // more than a megabyte, so it is read in several blocks; every hundredth path is a department's
        for (int i = 0; i < 20_000; i++) {
            String path = i % 100 == 0 ? "departments/区教体局/" + i + ".html" : "search/c/" + i + ".json.deflate";
            written.put(path, "card2:v4:" + Integer.toHexString(i * 7919) + "\t" + "group\tof\tfields");
        }
        written.put("documents/001_政策/index.html", "");
        PageDigests.write(state, PageDigests.PAGES, written);
        assertTrue(Files.size(state.resolve(PageDigests.PAGES)) > 1 << 20);

        Map<String, String> read = PageDigests.readAside(state, PageDigests.PAGES, true).get();
        assertEquals(written, read);
        assertEquals("card2:v4:" + Integer.toHexString(200 * 7919) + "\tgroup\tof\tfields",
                read.get("departments/区教体局/200.html"), "a value keeps its own tabs");
    }

    @Test
    void aDamagedLineMeansNothingIsTrusted() throws Exception {
        Map<String, String> written = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            written.put("tasks/" + i + ".html", Integer.toHexString(i));
        }
        PageDigests.write(state, PageDigests.PAGES, written);
        Path file = state.resolve(PageDigests.PAGES);
        byte[] bytes = Files.readAllBytes(file);
        // a line far into the file loses its tab: half a file is no record of the published site
        int tab = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\t', bytes.length * 3 / 4);
        bytes[tab] = ' ';
        Files.write(file, bytes);

        assertEquals(Map.of(), PageDigests.read(state, PageDigests.PAGES));
    }

    @Test
    void noRecordIsAnEmptyOneAndACleanBuildReadsNone() throws Exception {
        assertEquals(Map.of(), PageDigests.read(state, PageDigests.PAGES));
        PageDigests.write(state, PageDigests.PAGES, Map.of("index.html", "abc"));
        assertEquals(Map.of(), PageDigests.readAside(state, PageDigests.PAGES, false).get());
        assertEquals(Map.of("index.html", "abc"), PageDigests.readAside(state, PageDigests.PAGES, true).get());
    }
}
