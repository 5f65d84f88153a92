package org.policykb.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What each page and search card of the published site was made from ({@link #PAGES} in the state folder: path, tab,
 * digest), so the next build keeps the pages whose digest did not change; and where the parts of its streamed files
 * are ({@link #PARTS}: path, tab, layout), so the next build copies the parts that did not change. A file describes
 * exactly one published site: it is removed before a new site is swapped in and written again after, so a build
 * that dies in between leaves no file (and the next build makes everything) rather than what another site had.
 */
final class PageDigests {
    static final String PAGES = "pages.tsv";
    static final String PARTS = "parts.tsv";

    private PageDigests() {
    }

    /** The digests of the published site, or none when there is no (trustworthy) record of them. */
    static Map<String, String> read(Path stateDir, String fileName) {
        // read whole and decoded at once (the JDK's fast path), not line by line: 460,000 lines at 10,000 documents
        String text;
        try {
            text = new String(Files.readAllBytes(stateDir.resolve(fileName)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        } catch (IOException e) {
            return new java.util.concurrent.ConcurrentHashMap<>(); // unreadable: every page is rendered, always right
        }
        // concurrent and mutable: a build takes each digest out as it asks about its file, from several threads
        Map<String, String> digests = new java.util.concurrent.ConcurrentHashMap<>(Math.max(16, text.length() / 64));
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int tab = text.indexOf('\t', start);
            if (tab <= start || tab >= end) {
                return new java.util.concurrent.ConcurrentHashMap<>(); // not a file this class wrote: trust none of it
            }
            digests.put(text.substring(start, tab), text.substring(tab + 1, end));
            start = end + 1;
        }
        return digests;
    }

    static void forget(Path stateDir, String fileName) throws IOException {
        Files.deleteIfExists(stateDir.resolve(fileName));
    }

    static void write(Path stateDir, String fileName, Map<String, String> digests) throws IOException {
        StateFile.replace(stateDir, fileName, tmp -> {
            try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                // in no particular order: sorting a million paths took longer than writing them; encoded a block at a
                // time (the JDK's fast path), not a character at a time through a writer
                StringBuilder block = new StringBuilder(1 << 16);
                for (Map.Entry<String, String> e : digests.entrySet()) {
                    block.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
                    if (block.length() >= 1 << 16) {
                        out.write(block.toString().getBytes(StandardCharsets.UTF_8));
                        block.setLength(0);
                    }
                }
                out.write(block.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
