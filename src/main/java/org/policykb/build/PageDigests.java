package org.policykb.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(stateDir.resolve(fileName));
        } catch (NoSuchFileException e) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        } catch (IOException e) {
            return new java.util.concurrent.ConcurrentHashMap<>(); // unreadable: every page is rendered, always right
        }
        // concurrent and mutable: a build takes each digest out as it asks about its file, from several threads
        Map<String, String> digests = new java.util.concurrent.ConcurrentHashMap<>(Math.max(16, bytes.length / 128));
        // Each line decoded on its own, not the whole file at once: a path with one Chinese character would make the
        // whole text, and every path and digest cut from it, two bytes a character; on its own an ASCII line (nearly
        // all of them) becomes one-byte strings directly. 470,000 lines at 10,000 documents, read in blocks in parallel.
        boolean intact = blocks(bytes).parallel().allMatch(block -> readLines(bytes, block[0], block[1], digests));
        return intact ? digests : new java.util.concurrent.ConcurrentHashMap<>(); // not a file this class wrote: trust none of it
    }

    /**
     * {@link #read} on a thread of its own, to be awaited when the digests are needed; none when {@code wanted} is
     * false (a build from scratch).
     */
    static java.util.concurrent.Future<Map<String, String>> readAside(Path stateDir, String fileName, boolean wanted) {
        if (!wanted) {
            return java.util.concurrent.CompletableFuture.completedFuture(new java.util.concurrent.ConcurrentHashMap<>());
        }
        java.util.concurrent.FutureTask<Map<String, String>> reading =
                new java.util.concurrent.FutureTask<>(() -> read(stateDir, fileName));
        Thread.ofPlatform().daemon().name("policykb-read-" + fileName).start(reading);
        return reading;
    }

    /** The file cut into blocks of whole lines, about a megabyte each, as {start, end} offsets. */
    private static java.util.stream.Stream<int[]> blocks(byte[] bytes) {
        List<int[]> blocks = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = Math.min(bytes.length, start + (1 << 20));
            while (end < bytes.length && bytes[end - 1] != '\n') {
                end++;
            }
            blocks.add(new int[]{start, end});
            start = end;
        }
        return blocks.stream();
    }

    /** Puts the lines between {@code start} and {@code end} into {@code digests}; false at a line with no tab. */
    private static boolean readLines(byte[] bytes, int start, int end, Map<String, String> digests) {
        int line = start;
        while (line < end) {
            int tab = -1;
            int stop = line;
            while (stop < end && bytes[stop] != '\n') {
                if (tab < 0 && bytes[stop] == '\t') {
                    tab = stop;
                }
                stop++;
            }
            if (tab <= line) {
                return false;
            }
            digests.put(new String(bytes, line, tab - line, StandardCharsets.UTF_8),
                    new String(bytes, tab + 1, stop - tab - 1, StandardCharsets.UTF_8));
            line = stop + 1;
        }
        return true;
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
