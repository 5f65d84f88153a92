package org.policykb.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
import org.policykb.model.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files of the browser index of the sample documents, as the build publishes them. */
class BrowserIndexExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static KnowledgeBase kb;
    static SearchIndex index;
    static Map<String, OutputFile> files;

    @BeforeAll
    static void export(@TempDir Path state) throws IOException {
        kb = org.policykb.build.KnowledgeBaseReader.read(Path.of("content"));
        index = SearchIndex.open(state.resolve("index"));
        index.update(kb);
        files = byPath(new BrowserIndexExport().export(index, kb));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static Map<String, OutputFile> byPath(List<OutputFile> list) {
        Map<String, OutputFile> map = new TreeMap<>();
        list.forEach(f -> map.put(f.path(), f));
        return map;
    }

    private static JsonNode json(OutputFile file, Path dir) throws IOException {
        Path path = dir.resolve(file.path().replace('/', '_'));
        Files.write(path, file.bytes());
        return JSON.readTree(SearchSite.inflate(path));
    }

    @Test
    void everyFileIsDeflatedJsonAndACardHoldsItsTasksWords(@TempDir Path dir) throws IOException {
        assertTrue(files.keySet().stream().allMatch(p -> p.startsWith("search/") && p.endsWith(".json.deflate")),
                files.keySet().toString());
        JsonNode meta = json(files.get("search/meta.json.deflate"), dir);
        int sections = kb.documents().stream().mapToInt(d -> d.sections().size()).sum();
        assertEquals(kb.documents().size() + sections + kb.tasks().size() + kb.goals().size(), meta.get("items").asInt());
        // the card of the task 「完善多样性健康身心培养体系」: its title, its page and the text a phrase is checked on
        Task task = kb.tasks().stream().filter(t -> t.title().contains("完善多样性健康身心培养体系")).findFirst().orElseThrow();
        int item = IndexedItems.stream(kb).filter(i -> i.id().equals("task/" + task.id())).findFirst().orElseThrow().ord();
        int block = meta.get("cardBlock").asInt();
        JsonNode card = json(files.get("search/c/" + item / block + ".json.deflate"), dir).get(item % block);
        assertEquals(org.policykb.model.SiteUrls.task(task.id()), card.get(1).asText());
        assertTrue(card.get(0).asText().contains("完善多样性健康身心培养体系"), card.toString());
        // deflated, every file together is under two thirds of its JSON
        long sent = files.values().stream().mapToLong(f -> f.bytes().length).sum();
        long text = 0;
        for (OutputFile file : files.values()) {
            text += json(file, dir).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        assertTrue(sent * 3 < text * 2, sent + " bytes for " + text + " bytes of JSON");
    }

    @Test
    void aFileWhoseContentIsUnchangedIsKeptAndNotMadeAgain() throws IOException {
        List<String> cards = files.keySet().stream().filter(p -> p.startsWith("search/c/")).toList();
        assertFalse(cards.isEmpty());
        // the build is asked about every file by the path it would write, with a digest that is the same for the
        // same content (for a card, of its items, known before the card is made); a file kept is not written
        Map<String, String> digests = new TreeMap<>();
        List<OutputFile> written = new ArrayList<>();
        java.util.function.Consumer<OutputFile> sink = f -> {
            synchronized (written) {
                written.add(f);
            }
        };
        new BrowserIndexExport().export(index, kb, (path, digest) -> {
            synchronized (digests) {
                digests.put(path, digest);
            }
            return false;
        }, sink);
        assertEquals(files.keySet(), digests.keySet());
        assertEquals(files.keySet(), byPath(written).keySet());
        written.clear();
        new BrowserIndexExport().export(index, kb, (path, digest) -> digest.equals(digests.get(path)), sink);
        assertEquals(List.of(), written.stream().map(OutputFile::path).toList(), "every file kept");
        // a postings page whose content differs is made again, and only it
        String page = files.keySet().stream().filter(p -> p.startsWith("search/p/")).findFirst().orElseThrow();
        new BrowserIndexExport().export(index, kb, (path, digest) -> !path.equals(page) && digest.equals(digests.get(path)), sink);
        assertEquals(List.of(page), written.stream().map(OutputFile::path).toList());
        assertTrue(java.util.Arrays.equals(files.get(page).bytes(), written.getFirst().bytes()));
    }

    @Test
    void itemsOfOneClassHaveTheNormAndTheFrequencyOfEveryCommonTermThatTheIndexGivesThem(@TempDir Path dir)
            throws IOException {
        JsonNode meta = json(files.get("search/meta.json.deflate"), dir);
        JsonNode classes = meta.get("classes");
        int items = meta.get("items").asInt();
        int count = classes.get("count").asInt();
        int block = classes.get("block").asInt();
        int inline = classes.get("inline").asInt();
        // each class's items, from its block (size, first items) or its own list
        int[] classOf = new int[items];
        java.util.Arrays.fill(classOf, -1);
        for (int b = 0; b * block < count; b++) {
            int[] numbers = digits(json(files.get("search/k/i/" + b + ".json.deflate"), dir).asText());
            int at = 0;
            for (int c = b * block; c < Math.min(count, (b + 1) * block); c++) {
                int size = numbers[at++];
                int[] members = new int[size];
                int item = 0;
                for (int i = 0; i < Math.min(size, inline); i++) {
                    members[i] = item += numbers[at++];
                }
                if (size > inline) {
                    members = ascending(digits(json(files.get("search/k/m/" + c + ".json.deflate"), dir).asText()));
                }
                assertEquals(size, members.length);
                for (int member : members) {
                    assertEquals(-1, classOf[member], "item " + member + " in two classes");
                    classOf[member] = c;
                }
            }
        }
        assertTrue(java.util.Arrays.stream(classOf).allMatch(c -> c >= 0), "every item has a class");
        // the norms' runs give each class the norm the index gives each of its items
        int[] normOf = new int[count];
        JsonNode runs = classes.get("norms");
        for (int r = 0, c = 0; r < runs.size(); r += 2) {
            for (int end = c + runs.get(r + 1).asInt(); c < end; c++) {
                normOf[c] = runs.get(r).asInt();
            }
        }
        DirectoryReader reader = index.reader();
        int[] itemOfDoc = new int[reader.maxDoc()];
        ItemDocument.visitItems(reader, (doc, ord, id, hash) -> itemOfDoc[doc] = ord);
        byte[] norms = BrowserPostings.norms(reader, SearchFields.TEXT);
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            assertEquals(norms[doc] & 0xFF, normOf[classOf[itemOfDoc[doc]]], "norm of item " + itemOfDoc[doc]);
        }
        // a common term's list gives each class the frequency Lucene counts in each of its items (0: not there)
        int shards = meta.get("shards").asInt();
        for (String term : List.of("教育", "发展", "教师", "区教")) {
            int shard = BrowserPostings.shardOf(term, shards);
            JsonNode entry = json(files.get("search/s/" + shard + ".json.deflate"), dir).get("x").get(term);
            assertTrue(entry.get(0).asInt() >= classes.get("minDf").asInt(), term + " is common: " + entry);
            int[] freqOfClass = digits(json(files.get("search/k/" + shard + "/" + entry.get(4).asInt() + ".json.deflate"),
                    dir).asText());
            assertEquals(count, freqOfClass.length, term);
            int[] freqOfItem = new int[items];
            TermsEnum terms = MultiTerms.getTerms(reader, SearchFields.TEXT).iterator();
            assertTrue(terms.seekExact(new BytesRef(term)));
            PostingsEnum postings = terms.postings(null, PostingsEnum.FREQS);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                freqOfItem[itemOfDoc[doc]] = postings.freq();
            }
            for (int item = 0; item < items; item++) {
                assertEquals(freqOfItem[item], freqOfClass[classOf[item]], term + " in item " + item);
            }
        }
    }

    /** The numbers of a string of {@link Varints} digits. */
    private static int[] digits(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        java.util.stream.IntStream.Builder out = java.util.stream.IntStream.builder();
        int value = 0;
        int scale = 1;
        for (char ch : text.toCharArray()) {
            int digit = alphabet.indexOf(ch);
            value += (digit & 31) * scale;
            if (digit < 32) {
                out.add(value);
                value = 0;
                scale = 1;
            } else {
                scale *= 32;
            }
        }
        return out.build().toArray();
    }

    private static int[] ascending(int[] differences) {
        int[] out = differences.clone();
        for (int i = 1; i < out.length; i++) {
            out[i] += out[i - 1];
        }
        return out;
    }
}
