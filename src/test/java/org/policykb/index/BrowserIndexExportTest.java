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
    /** 100 documents made from the samples ({@link org.policykb.testing.TemplateCorpus}): terms too rare to be common
     *  that still have further pages, and more classes than a low cap allows. */
    static KnowledgeBase generatedKb;
    static SearchIndex generated;
    static Map<String, OutputFile> generatedFiles;

    @BeforeAll
    static void export(@TempDir Path state) throws IOException {
        kb = org.policykb.build.KnowledgeBaseReader.read(Path.of("content"));
        index = SearchIndex.open(state.resolve("index"));
        index.update(kb);
        files = byPath(new BrowserIndexExport().export(index, kb));
        generatedKb = org.policykb.build.KnowledgeBaseReader.read(
                org.policykb.testing.TemplateCorpus.write(state.resolve("generated"), 100));
        generated = SearchIndex.open(state.resolve("generated-index"));
        generated.update(generatedKb);
        generatedFiles = byPath(new BrowserIndexExport().export(generated, generatedKb));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        generated.close();
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
        int[] classOf = classOfItem(files, dir);
        int[] normOf = normOfClass(classes);
        DirectoryReader reader = index.reader();
        int[] itemOfDoc = itemOfDoc(reader);
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

    @Test
    void theTermsThatAreNotCommonGiveEachItemsClassBesideItsPosting(@TempDir Path dir) throws IOException {
        Map<String, OutputFile> files = generatedFiles;
        JsonNode meta = json(files.get("search/meta.json.deflate"), dir);
        int minDf = meta.get("classes").get("minDf").asInt();
        int[] classOf = classOfItem(files, dir);
        int[] normOf = normOfClass(meta.get("classes"));
        int[] firstOfNorm = new int[256];
        for (int c = normOf.length - 1; c >= 0; c--) {
            firstOfNorm[normOf[c]] = c;
        }
        int rare = 0;
        int paged = 0;
        for (int shard = 0; shard < meta.get("shards").asInt(); shard++) {
            JsonNode terms = json(files.get("search/s/" + shard + ".json.deflate"), dir).get("x");
            OutputFile offsets = files.get("search/sc/" + shard + ".json.deflate");
            JsonNode firstClasses = offsets == null ? null : json(offsets, dir).get("x");
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) terms::fields) {
                JsonNode posting = entry.getValue();
                if (posting.get(0).asInt() >= minDf) {
                    assertTrue(firstClasses == null || !firstClasses.has(entry.getKey()), entry.getKey() + " is common");
                    continue;
                }
                rare++;
                // the first page's items, in order, and their classes from sc/<shard>, one offset each
                int[] firstPage = pageItems(posting.get(5).asText(), false, null);
                int[] classOffsets = digits(firstClasses.get(entry.getKey()).asText());
                assertEquals(firstPage.length / 2, classOffsets.length, entry.getKey());
                for (int i = 0; i < classOffsets.length; i++) {
                    int item = firstPage[2 * i];
                    assertEquals(classOf[item], firstOfNorm[firstPage[2 * i + 1]] + classOffsets[i], entry.getKey() + " " + item);
                }
                // a further page gives each posting's class offset beside it
                for (int page = 1; page < posting.get(3).asInt(); page++) {
                    paged++;
                    String name = "search/p/" + shard + "/" + posting.get(4).asInt() + "-" + page + ".json.deflate";
                    int[] further = pageItems(json(files.get(name), dir).asText(), true, firstOfNorm);
                    for (int i = 0; i < further.length; i += 2) {
                        assertEquals(classOf[further[i]], further[i + 1], entry.getKey() + " " + further[i]);
                    }
                }
            }
        }
        assertTrue(rare > 1000 && paged > 0, rare + " terms that are not common, " + paged + " further pages of them");
    }

    @Test
    void eachFiltersClassesAreTheClassesHoldingTheItemsItLetsThrough(@TempDir Path dir) throws IOException {
        JsonNode meta = json(files.get("search/meta.json.deflate"), dir);
        int[] classOf = classOfItem(files, dir);
        for (JsonNode type : meta.get("types")) {
            assertEquals(classesOf(classOf, java.util.stream.IntStream.range(type.get(1).asInt(), type.get(2).asInt())),
                    classes(files, "search/kc/t/" + type.get(0).asText(), dir), type.toString());
        }
        for (JsonNode kind : meta.get("kinds")) {
            int[] ranges = ascending(digits(json(files.get("search/kind/" + kind.asText() + ".json.deflate"), dir).asText()));
            java.util.stream.IntStream items = java.util.stream.IntStream.empty();
            for (int r = 0; r < ranges.length; r += 2) {
                items = java.util.stream.IntStream.concat(items, java.util.stream.IntStream.range(ranges[r], ranges[r + 1]));
            }
            assertEquals(classesOf(classOf, items), classes(files, "search/kc/k/" + kind.asText(), dir), kind.asText());
        }
        for (JsonNode year : meta.get("years")) {
            int[] items = ascending(digits(json(files.get("search/year/" + year.asInt() + ".json.deflate"), dir).asText()));
            assertEquals(classesOf(classOf, java.util.Arrays.stream(items)), classes(files, "search/kc/y/" + year.asInt(), dir),
                    year.toString());
        }
        for (int d = 0; d < meta.get("departments").size(); d++) {
            JsonNode tasks = json(files.get("search/dep/" + d + ".json.deflate"), dir);
            java.util.stream.IntStream items = java.util.stream.IntStream.concat(
                    java.util.Arrays.stream(ascending(digits(tasks.get("l").asText()))),
                    java.util.Arrays.stream(ascending(digits(tasks.get("s").asText()))));
            assertEquals(classesOf(classOf, items), classes(files, "search/kc/d/" + d, dir), "department " + d);
        }
    }

    @Test
    void aClassWithItemsOfSeveralTypesGivesItsFirstItemFromEachLaterType(@TempDir Path dir) throws IOException {
        JsonNode meta = json(files.get("search/meta.json.deflate"), dir);
        int[] classOf = classOfItem(files, dir);
        int count = meta.get("classes").get("count").asInt();
        int block = meta.get("classes").get("block").asInt();
        int mixed = 0;
        for (int type = 1; type < meta.get("types").size(); type++) {
            int start = meta.get("types").get(type).get(1).asInt();
            // what k/t should say: 1 + the class's first item from the type's first on, for a class with an item before
            int[] expected = new int[count];
            int[] firstItem = new int[count];
            java.util.Arrays.fill(firstItem, -1);
            for (int item = 0; item < classOf.length; item++) {
                int c = classOf[item];
                if (firstItem[c] < 0) {
                    firstItem[c] = item;
                }
                if (item >= start && firstItem[c] < start && expected[c] == 0) {
                    expected[c] = 1 + item - start;
                    mixed++;
                }
            }
            for (int b = 0; b * block < count; b++) {
                int[] firsts = digits(json(files.get("search/k/t/" + type + "/" + b + ".json.deflate"), dir).asText());
                assertEquals(Math.min(block, count - b * block), firsts.length);
                for (int i = 0; i < firsts.length; i++) {
                    assertEquals(expected[b * block + i], firsts[i], "type " + type + ", class " + (b * block + i));
                }
            }
        }
        assertTrue(mixed > 0, "some section and some task are alike");
    }

    @Test
    void pastTheCapOnClassesOnlyTermsOfMoreItemsAreCommon(@TempDir Path dir) throws IOException {
        Map<String, OutputFile> few = byPath(new BrowserIndexExport(256).export(generated, generatedKb));
        JsonNode all = json(generatedFiles.get("search/meta.json.deflate"), dir).get("classes");
        JsonNode capped = json(few.get("search/meta.json.deflate"), dir).get("classes");
        assertTrue(all.get("count").asInt() > 256, all.toString());
        assertTrue(capped.get("count").asInt() <= 256, capped.toString());
        int doublings = Integer.numberOfTrailingZeros(capped.get("minDf").asInt() / all.get("minDf").asInt());
        assertTrue(doublings > 0 && capped.get("minDf").asInt() == all.get("minDf").asInt() << doublings, capped.toString());
        // the items still each have one class, whose norm is theirs
        int[] classOf = classOfItem(few, dir);
        int[] normOf = normOfClass(capped);
        DirectoryReader reader = generated.reader();
        int[] itemOfDoc = itemOfDoc(reader);
        byte[] norms = BrowserPostings.norms(reader, SearchFields.TEXT);
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            assertEquals(norms[doc] & 0xFF, normOf[classOf[itemOfDoc[doc]]], "norm of item " + itemOfDoc[doc]);
        }
    }

    /** Each item's class, from the classes' blocks (size, first items) or their own lists; each item in one class. */
    private static int[] classOfItem(Map<String, OutputFile> files, Path dir) throws IOException {
        JsonNode meta = json(files.get("search/meta.json.deflate"), dir);
        JsonNode classes = meta.get("classes");
        int count = classes.get("count").asInt();
        int block = classes.get("block").asInt();
        int inline = classes.get("inline").asInt();
        int[] classOf = new int[meta.get("items").asInt()];
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
        return classOf;
    }

    /** Each class's norm, from the norms' runs in meta. */
    private static int[] normOfClass(JsonNode classes) {
        int[] normOf = new int[classes.get("count").asInt()];
        JsonNode runs = classes.get("norms");
        for (int r = 0, c = 0; r < runs.size(); r += 2) {
            for (int end = c + runs.get(r + 1).asInt(); c < end; c++) {
                normOf[c] = runs.get(r).asInt();
            }
        }
        return normOf;
    }

    private static int[] itemOfDoc(DirectoryReader reader) throws IOException {
        int[] itemOfDoc = new int[reader.maxDoc()];
        ItemDocument.visitItems(reader, (doc, ord, id, hash) -> itemOfDoc[doc] = ord);
        return itemOfDoc;
    }

    /**
     * A postings page's items, each followed by its norm, or (with {@code classes}) by its class: the norm's first class
     * ({@code firstOfNorm}) and the offset written beside the item.
     */
    private static int[] pageItems(String page, boolean classes, int[] firstOfNorm) {
        int[] numbers = digits(page);
        java.util.stream.IntStream.Builder out = java.util.stream.IntStream.builder();
        int at = 0;
        while (at < numbers.length) {
            int norm = numbers[at++];
            at++; // the frequency
            int item = 0;
            for (int n = numbers[at++]; n > 0; n--) {
                out.add(item += numbers[at++]);
                out.add(classes ? firstOfNorm[norm] + numbers[at++] : norm);
            }
        }
        return out.build().toArray();
    }

    private static java.util.SortedSet<Integer> classesOf(int[] classOf, java.util.stream.IntStream items) {
        return items.mapToObj(i -> classOf[i]).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    private static java.util.SortedSet<Integer> classes(Map<String, OutputFile> files, String name, Path dir) throws IOException {
        return java.util.Arrays.stream(ascending(digits(json(files.get(name + ".json.deflate"), dir).asText())))
                .boxed().collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
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
