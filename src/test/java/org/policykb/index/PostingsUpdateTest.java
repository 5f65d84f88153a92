package org.policykb.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.FileReuse;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export after an edit that makes only the changed terms' postings again, keeping the rest of the published
 * files, gives exactly the files a whole export of the same index gives.
 */
class PostingsUpdateTest {
    /** A site's browser index as published: the files by path, and what the last export kept of the published. */
    private static final class Published {
        Map<String, byte[]> files = new TreeMap<>();
        final List<String> written = new ArrayList<>();

        /** Exports into a new site: kept files come from this one, the rest are written. */
        boolean export(SearchIndex index, KnowledgeBase kb, IndexChange change, Path state) throws IOException {
            Map<String, byte[]> next = new TreeMap<>();
            written.clear();
            FileReuse reuse = new FileReuse() {
                @Override
                public boolean keep(String path, String digest) {
                    return false;
                }

                @Override
                public boolean keepAll(String folder, java.util.function.Predicate<String> which) {
                    files.forEach((path, bytes) -> {
                        if (path.startsWith(folder) && which.test(path)) {
                            next.put(path, bytes);
                        }
                    });
                    return true;
                }
            };
            boolean updated = new BrowserIndexExport().export(index, kb, change, state, reuse, file -> {
                synchronized (next) {
                    if (next.put(file.path(), file.bytes()) != null) {
                        throw new AssertionError("made and kept: " + file.path());
                    }
                    written.add(file.path());
                }
            });
            files = next;
            return updated;
        }
    }

    private static void assertSameAsWholeExport(Published site, SearchIndex index, KnowledgeBase kb) throws IOException {
        Map<String, byte[]> whole = new TreeMap<>();
        for (OutputFile file : new BrowserIndexExport().export(index, kb)) {
            whole.put(file.path(), file.bytes());
        }
        java.util.Set<String> onlyWhole = new java.util.TreeSet<>(whole.keySet());
        onlyWhole.removeAll(site.files.keySet());
        java.util.Set<String> onlySite = new java.util.TreeSet<>(site.files.keySet());
        onlySite.removeAll(whole.keySet());
        assertEquals(List.of(), List.of(onlyWhole, onlySite).stream().filter(d -> !d.isEmpty()).toList(),
                "files only in the whole export, only in the updated one");
        whole.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, site.files.get(path)), path));
    }

    private static long postingsFiles(List<String> paths) {
        return paths.stream().filter(p -> p.matches("search/(s|sc|p|k/[0-9]+)/.*")).count();
    }

    /** 60 generated documents in {@code content}, indexed, their browser index published whole. */
    private record Corpus(Path content, Path state, SearchIndex index, KnowledgeBase kb, Published site, boolean firstUpdated)
            implements AutoCloseable {
        static Corpus in(Path dir) throws IOException {
            Path content = org.policykb.testing.TemplateCorpus.write(dir.resolve("content"), 60);
            SearchIndex index = SearchIndex.open(dir.resolve("index"));
            KnowledgeBase kb = org.policykb.build.KnowledgeBaseReader.read(content);
            Published site = new Published();
            Path state = dir.resolve("browser.state");
            boolean updated = site.export(index, kb, index.update(kb).change(), state);
            return new Corpus(content, state, index, kb, site, updated);
        }

        @Override
        public void close() throws IOException {
            index.close();
        }
    }

    @Test
    void anEditedFigureRemakesTheTermsItChangedAndTheRestIsKept(@TempDir Path dir) throws IOException {
        try (Corpus corpus = Corpus.in(dir)) {
            Path content = corpus.content();
            Path state = corpus.state();
            SearchIndex index = corpus.index();
            Published site = corpus.site();
            assertFalse(corpus.firstUpdated(), "a first export is made whole");
            long allPostings = postingsFiles(List.copyOf(site.files.keySet()));

            // one figure in one document: the same tokens but two, the same lengths
            Path edited = content.resolve("doc-0007.txt");
            String text = Files.readString(edited, StandardCharsets.UTF_8);
            Matcher figure = Pattern.compile("([0-9]+)%").matcher(text);
            assertTrue(figure.find());
            String other = String.valueOf(Integer.parseInt(figure.group(1)) % 97 + 2);
            Files.writeString(edited, text.substring(0, figure.start(1)) + other + text.substring(figure.end(1)),
                    StandardCharsets.UTF_8);
            KnowledgeBase after = org.policykb.build.KnowledgeBaseReader.read(content);
            IndexChange change = index.update(after).change();
            assertTrue(change.numbersKept());
            assertTrue(site.export(index, after, change, state), "the postings are brought up to date, not made whole");
            assertSameAsWholeExport(site, index, after);
            long remade = postingsFiles(site.written);
            assertTrue(remade > 0 && remade * 20 < allPostings, remade + " of " + allPostings + " postings files made again");

            // with no change known (as when the published index was not made from this one) it is made whole
            assertFalse(site.export(index, after, IndexChange.UNKNOWN, state));
            assertSameAsWholeExport(site, index, after);
        }
    }

    @Test
    void aTermThatGainsFurtherPagesRenumbersThePagedTermsAfterItInItsShard(@TempDir Path dir) throws IOException {
        try (Corpus corpus = Corpus.in(dir)) {
            Path content = corpus.content();
            Path state = corpus.state();
            SearchIndex index = corpus.index();
            KnowledgeBase kb = corpus.kb();
            Published site = corpus.site();
            DirectoryReader reader = index.reader();
            int minDf = BrowserClasses.minDf(reader.numDocs());
            java.util.function.Predicate<String> rare = term -> df(reader, term) < minDf;
            // a word just short of further pages, written over two characters of two tasks of a document without
            // it: its items (the tasks, the document) take it past the first page, while every item keeps its
            // length and its common words, so the classes and the order of postings stay as they were
            String word = wordJustShortOfFurtherPages(reader, rare);
            Pattern numbered = Pattern.compile("(?m)^[0-9]+[．.](?=[^0-9]).*$");
            Path edited = null;
            String text = null;
            StringBuilder replaced = null;
            try (var files = Files.list(content)) {
                for (Path file : files.sorted().toList()) {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                    if (text.contains(word)) {
                        continue;
                    }
                    Matcher task = numbered.matcher(text);
                    replaced = new StringBuilder();
                    int done = 0;
                    while (done < 2 && task.find()) {
                        String line = overwritten(task.group(), word, rare);
                        if (line != null) {
                            task.appendReplacement(replaced, Matcher.quoteReplacement(line));
                            done++;
                        }
                    }
                    if (done == 2) {
                        task.appendTail(replaced);
                        edited = file;
                        break;
                    }
                }
            }
            assertTrue(edited != null, "two tasks where " + word + " can be written over two rare characters");
            Files.writeString(edited, replaced, StandardCharsets.UTF_8);
            KnowledgeBase after = org.policykb.build.KnowledgeBaseReader.read(content);
            assertTrue(site.export(index, after, index.update(after).change(), state), "brought up to date");
            assertSameAsWholeExport(site, index, after);
            assertTrue(df(index.reader(), word) > BrowserPostings.FIRST_PAGE, word + " has further pages now");
            int shard = BrowserPostings.shardOf(word, new com.fasterxml.jackson.databind.ObjectMapper().readTree(SearchSite.inflate(
                    Files.write(dir.resolve("meta"), site.files.get("search/meta.json.deflate")))).get("shards").asInt());
            List<String> pages = site.written.stream().filter(p -> p.startsWith("search/p/" + shard + "/")).toList();
            assertTrue(pages.size() > 1, "the paged terms after it in its shard are written under their new keys: " + pages);

            // and loses them again when the edit is undone
            Files.writeString(edited, text, StandardCharsets.UTF_8);
            assertTrue(site.export(index, kb, index.update(kb).change(), state));
            assertSameAsWholeExport(site, index, kb);
        }
    }

    private static int df(DirectoryReader reader, String term) {
        try {
            return LiveStatistics.docFreq(reader, new org.apache.lucene.index.Term(SearchFields.TEXT, term));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * {@code line} with two Chinese characters amid Chinese characters replaced by {@code word}, where every
     * character and pair of characters taken away or brought in is {@code rare}; null when there is no such place.
     */
    private static String overwritten(String line, String word, java.util.function.Predicate<String> rare) {
        for (int i = 1; i + 2 < line.length(); i++) {
            String around = line.substring(i - 1, i + 3);
            if (!around.chars().allMatch(Character::isIdeographic)) {
                continue;
            }
            String made = around.charAt(0) + word + around.charAt(3);
            boolean allRare = true;
            for (String text : List.of(around, made)) {
                for (int j = 0; j < 4 && allRare; j++) {
                    allRare = (j == 0 || j == 3 || rare.test(text.substring(j, j + 1))) && (j == 3 || rare.test(text.substring(j, j + 2)));
                }
            }
            if (allRare) {
                return line.substring(0, i) + word + line.substring(i + 2);
            }
        }
        return null;
    }

    /** A two-character word, of rare characters, in a first page's worth of items or up to two less. */
    private static String wordJustShortOfFurtherPages(DirectoryReader reader, java.util.function.Predicate<String> rare)
            throws IOException {
        TermsEnum terms = MultiTerms.getTerms(reader, SearchFields.TEXT).iterator();
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            String text = term.utf8ToString();
            int df = df(reader, text);
            if (text.length() == 2 && text.chars().allMatch(Character::isIdeographic)
                    && df > BrowserPostings.FIRST_PAGE - 3 && df <= BrowserPostings.FIRST_PAGE
                    && rare.test(text.substring(0, 1)) && rare.test(text.substring(1))) {
                return text;
            }
        }
        throw new AssertionError("no word just short of further pages");
    }
}
