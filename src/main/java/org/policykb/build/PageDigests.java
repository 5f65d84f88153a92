package org.policykb.build;

import java.io.BufferedReader;
import java.io.BufferedWriter;
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
        // concurrent and mutable: a build takes each digest out as it asks about its file, from several threads
        Map<String, String> digests = new java.util.concurrent.ConcurrentHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(stateDir.resolve(fileName), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    return new java.util.concurrent.ConcurrentHashMap<>(); // not a file this class wrote: trust none of it
                }
                digests.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (NoSuchFileException e) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        } catch (IOException e) {
            return new java.util.concurrent.ConcurrentHashMap<>(); // unreadable: every page is rendered, always right
        }
        return digests;
    }

    static void forget(Path stateDir, String fileName) throws IOException {
        Files.deleteIfExists(stateDir.resolve(fileName));
    }

    static void write(Path stateDir, String fileName, Map<String, String> digests) throws IOException {
        StateFile.replace(stateDir, fileName, tmp -> {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                // in no particular order: sorting a million paths took longer than writing them
                for (Map.Entry<String, String> e : digests.entrySet()) {
                    out.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
                }
            }
        });
    }
}
