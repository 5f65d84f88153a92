package org.policykb.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.policykb.model.FileReuse;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exports the Lucene index as the static site's browser index, all under {@code search/}, every file JSON
 * compressed as {@link DeflatedJson} (named {@code <name>.json.deflate}):
 * <ul>
 * <li>{@code meta}: counts, BM25 parameters and field statistics, item ranges per type, departments;</li>
 * <li>{@code s/<n>}, {@code sc/<n>} and {@code p/...}: postings sharded by term, best first, paged, those of a term that
 *     is not common with each item's class ({@link BrowserPostings});</li>
 * <li>{@code k/...}: the classes of items that no query of common terms tells apart, each common term's frequency in
 *     every class and each class's items ({@link BrowserClasses}); {@code kc/...}: the classes holding items of each
 *     type, kind, year and department, which a filtered query of common terms keeps to;</li>
 * <li>{@code c/<block>}: result cards (title, URL, document, the full indexed text with its title and
 *     body norms), fetched for the hits on screen and to check phrases exactly;</li>
 * <li>{@code a/<block>}: per item its document and departments, for the document and department facets;</li>
 * <li>{@code d/<block>}: document ids and titles; {@code dep/<n>}: the tasks each department leads
 *     and supports ({@link Varints#ascending}), for the department filter;</li>
 * <li>{@code kind/<code>} and {@code year/<YYYY>}: the items of each document kind and goal year
 *     ({@link BrowserFilters}).</li>
 * </ul>
 * Item numbers are the {@code ord}s of the index, so both sides break ties the same way.
 * <p>
 * A build keeps what the postings were made from in a state file ({@link BrowserIndexState}); after an edit the
 * postings of the terms it changed are made again and the rest carried over ({@link PostingsUpdate}), when nothing
 * they all depend on moved. Every other file is made whole and kept when its content is the same.
 */
public final class BrowserIndexExport {
    /** The folder of the site every file of the browser index is in. */
    public static final String FOLDER = "search/";
    /**
     * Cards per file. Four neighbours (items of one type, mostly of one document) cost a query about a third more
     * card bytes than one card a file, deflated together, and the site a quarter of the card files, which are most
     * of its files: at 10,000 documents the heaviest first query of the bench stays under 115 KB.
     */
    static final int CARD_BLOCK = 4;
    /** Changes whenever what a card file holds changes, so cards kept from older builds are written anew. */
    private static final String CARD_FORMAT = "card2:";
    static final int ATTR_BLOCK = 200;
    static final int DOC_BLOCK = 500;
    private static final List<String> FIELDS = List.of(SearchFields.TEXT);
    private static final List<String> FIELD_KEYS = List.of("x");

    private final int maxClasses;

    public BrowserIndexExport() {
        this(BrowserClasses.MAX_CLASSES);
    }

    /** An export that groups the items in at most {@code maxClasses} classes ({@link BrowserClasses}). */
    BrowserIndexExport(int maxClasses) {
        this.maxClasses = maxClasses;
    }

    /** What the facets need of an item; the text for its card is read again when the card is written. */
    private record Item(int ord, HitType type, String documentId, String documentTitle, String lead,
                        List<String> support, String contentHash) {
    }

    /**
     * Postings, statistics and cards come from the index (its last commit), so the browser ranks exactly what the
     * CLI searches; {@code kb} is the knowledge base that commit was made from, which gives the facets.
     */
    public List<OutputFile> export(SearchIndex index, KnowledgeBase kb) throws IOException {
        // the cards are made on a thread of their own: the list must take files from two threads at once
        List<OutputFile> files = java.util.Collections.synchronizedList(new ArrayList<>());
        export(index, kb, files::add);
        return List.copyOf(files);
    }

    /**
     * Hands each file to {@code sink} as soon as it is made, so a large site is never held in memory whole. The cards
     * are made on a thread of their own, so {@code sink} is called from two threads at once.
     */
    public void export(SearchIndex index, KnowledgeBase kb, java.util.function.Consumer<OutputFile> sink) throws IOException {
        export(index, kb, FileReuse.NONE, sink);
    }

    /**
     * As {@link #export(SearchIndex, KnowledgeBase, java.util.function.Consumer)}, but a result card whose item is
     * unchanged (its stored content hash, which covers its number and everything the card shows) may be kept by
     * {@code reuse} instead of being read from the index and written again.
     */
    public void export(SearchIndex index, KnowledgeBase kb, FileReuse reuse, java.util.function.Consumer<OutputFile> sink)
            throws IOException {
        export(index, kb, IndexChange.UNKNOWN, Optional.empty(), reuse, sink);
    }

    /**
     * As {@link #export(SearchIndex, KnowledgeBase, FileReuse, java.util.function.Consumer)}, keeping in {@code state}
     * what the postings were made from, so that the next export after an edit ({@code change}, the index update's)
     * makes only the postings of the terms that changed ({@link PostingsUpdate}) and {@code reuse} keeps the rest.
     * {@code change} must be told only when the published browser index was made from the index the update started
     * from; the state file says which index it was made from.
     *
     * @return whether the postings were brought up to date from the state, rather than made whole
     */
    public boolean export(SearchIndex index, KnowledgeBase kb, IndexChange change, Path state, FileReuse reuse,
                          java.util.function.Consumer<OutputFile> sink) throws IOException {
        Optional<BrowserIndexState> previous = BrowserIndexState.read(state);
        // what the state describes is about to change: an export that fails leaves none, and the next one is whole
        BrowserIndexState.forget(state);
        return export(index, kb, change, Optional.of(new StateFile(state, previous)), reuse, sink);
    }

    /** The state file of the export and what it held before. */
    private record StateFile(Path path, Optional<BrowserIndexState> previous) {
    }

    private boolean export(SearchIndex index, KnowledgeBase kb, IndexChange change, Optional<StateFile> state,
                           FileReuse reuse, java.util.function.Consumer<OutputFile> sink) throws IOException {
        DirectoryReader reader = index.reader();
        List<DepartmentEntry> departments = index.departments();
        int[] itemOfDoc = new int[reader.maxDoc()];
        Item[] items = items(reader, kb, itemOfDoc);
        String indexKey = reader.getIndexCommit().getUserData().getOrDefault(SearchFields.CONTENT_KEY, "");

        // The cards (stored fields) and the postings (terms) read different parts of the index: one thread each.
        java.util.concurrent.CompletableFuture<Void> cards = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (DeflatedJson json = new DeflatedJson()) {
                cards(reader, itemOfDoc, items, reuse, json, sink);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (DeflatedJson json = new DeflatedJson(reuse, sink)) {
            return postingsAndFacets(reader, departments, itemOfDoc, items, indexKey, change, state, reuse, json, cards);
        }
    }

    /**
     * Everything but the cards, on the calling thread while {@code cards} are written on another; the postings made
     * whole, or from {@code state} where it allows. True when they were brought up to date from the state.
     */
    private boolean postingsAndFacets(DirectoryReader reader, List<DepartmentEntry> departments, int[] itemOfDoc,
                                      Item[] items, String indexKey, IndexChange change, Optional<StateFile> state,
                                      FileReuse reuse, DeflatedJson json,
                                      java.util.concurrent.CompletableFuture<Void> cards) throws IOException {
        BrowserClasses classes;
        BrowserIndexState.Basis basis;
        Optional<PostingsUpdate.Result> updated;
        List<LiveStatistics.Field> stats;
        try { // whatever fails here, the cards are waited for, so none is written after the export has ended
            Optional<BrowserIndexState> previous = state.flatMap(StateFile::previous);
            // the classes of the last export, while no item changed class; else made again from every common term
            classes = PostingsUpdate.classes(reader, itemOfDoc, items.length, change, previous).orElse(null);
            if (classes == null) {
                classes = BrowserClasses.of(reader, SearchFields.TEXT, itemOfDoc, items.length, maxClasses);
            }
            stats = List.of(LiveStatistics.of(reader));
            int shardCount = BrowserPostings.shardCount(reader, FIELDS);
            basis = new BrowserIndexState.Basis(indexKey, items.length, stats.getFirst().docCount(),
                    stats.getFirst().avgdl(), 0, shardCount, classes.digest(), FIELDS.size());
            updated = state.isEmpty() ? Optional.empty() : PostingsUpdate.apply(reader, itemOfDoc, classes,
                    stats.getFirst(), basis, change, previous, FIELD_KEYS, reuse, json::write);
            if (updated.isPresent()) {
                BrowserIndexState last = previous.orElseThrow();
                Map<Integer, List<List<BrowserPostings.Entry>>> shards = updated.get().shards();
                BrowserIndexState.write(state.get().path(), updated.get().basis(), classes, s -> shards.containsKey(s)
                        ? BrowserIndexState.bytes(shards.get(s)) : last.shardBytes(s));
            } else {
                BrowserPostings postings = new BrowserPostings(shardCount, FIELDS.size(), json::write, classes);
                for (int f = 0; f < FIELDS.size(); f++) {
                    postings.add(reader, f, FIELDS.get(f), stats.get(f), itemOfDoc);
                }
                postings.writeShards(FIELD_KEYS);
                if (state.isPresent()) {
                    BrowserIndexState.Basis made = new BrowserIndexState.Basis(indexKey, basis.items(), basis.docCount(),
                            basis.avgdl(), postings.maxFreq(), shardCount, basis.classes(), FIELDS.size());
                    BrowserIndexState.write(state.get().path(), made, classes, s -> BrowserIndexState.bytes(postings.shard(s)));
                }
            }
            classes.writeItems(json, typeStarts(items));
        } finally {
            joinCards(cards);
        }

        Map<String, Integer> departmentOrd = new HashMap<>();
        for (int i = 0; i < departments.size(); i++) {
            departmentOrd.put(departments.get(i).id(), i);
        }
        Map<String, Integer> documentOrd = new LinkedHashMap<>();
        Map<String, String> documentTitles = new LinkedHashMap<>();
        for (Item item : items) {
            documentOrd.putIfAbsent(item.documentId(), documentOrd.size());
            documentTitles.putIfAbsent(item.documentId(), item.documentTitle());
        }
        attributes(items, documentOrd, departmentOrd, json);
        documents(documentTitles, json);
        departmentTasks(items, departments, departmentOrd, classes, json);
        typeClasses(items, classes, json);
        BrowserFilters filters = BrowserFilters.of(reader, itemOfDoc);
        filters.write(json, classes);
        meta(items, stats, basis.shardCount(), classes, departments, documentOrd.size(), filters, json);
        return updated.isPresent();
    }

    /** Waits for the cards, passing on what went wrong there as it was thrown. */
    private static void joinCards(java.util.concurrent.CompletableFuture<Void> cards) throws IOException {
        try {
            cards.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /**
     * Every live item by its number, filling {@code itemOfDoc} (-1 for deleted documents) on the way. Numbers, ids
     * and content hashes come from the index's doc values; what the facets show of an item (type, document,
     * departments) from the knowledge base the index was just updated from, which must hold the same ids.
     */
    private static Item[] items(DirectoryReader reader, KnowledgeBase kb, int[] itemOfDoc) throws IOException {
        Arrays.fill(itemOfDoc, -1);
        int count = IndexedItems.count(kb);
        // each item's id is checked by its hash code: the ids of 600,000 items would be 85 MB held to check them
        int[] idHashes = new int[count];
        String[] hashes = new String[count];
        boolean complete = ItemDocument.visitItems(reader, (doc, ord, id, hash) -> {
            if (ord < 0 || ord >= count || hashes[ord] != null) {
                throw mismatch(ord, id);
            }
            idHashes[ord] = id.hashCode();
            hashes[ord] = hash;
            itemOfDoc[doc] = ord;
        });
        if (!complete || reader.numDocs() != count) {
            throw new IllegalStateException("The search index holds " + reader.numDocs() + " items, the documents "
                    + count + ": build with --clean");
        }
        Item[] items = new Item[count];
        IndexedItems.stream(kb).parallel().forEach(item -> {
            if (item.id().hashCode() != idHashes[item.ord()]) {
                throw mismatch(item.ord(), item.id());
            }
            items[item.ord()] = new Item(item.ord(), item.type(), item.documentId(), item.documentTitle(),
                    item.lead().orElse(null), item.support(), hashes[item.ord()]);
        });
        return items;
    }

    private static IllegalStateException mismatch(int ord, String id) {
        return new IllegalStateException("The search index does not match the documents at item " + ord + " (" + id
                + "): build with --clean");
    }

    /**
     * The result cards, block by block in item order, each read from the index as it is written: the text of every
     * item is never in memory at once.
     */
    private static void cards(DirectoryReader reader, int[] itemOfDoc, Item[] items, FileReuse reuse, DeflatedJson json,
                              java.util.function.Consumer<OutputFile> files) throws IOException {
        int[] docOfItem = new int[reader.numDocs()];
        for (int doc = 0; doc < itemOfDoc.length; doc++) {
            if (itemOfDoc[doc] >= 0) {
                docOfItem[itemOfDoc[doc]] = doc;
            }
        }
        StoredFields stored = reader.storedFields();
        byte[] norms = BrowserPostings.norms(reader, SearchFields.TEXT);
        Set<String> wanted = Set.of(SearchFields.DISPLAY_TITLE, SearchFields.URL, SearchFields.DOCUMENT_TITLE,
                SearchFields.BODY, SearchFields.TITLE);
        for (int start = 0; start < docOfItem.length; start += CARD_BLOCK) {
            String name = "search/c/" + start / CARD_BLOCK;
            StringBuilder digest = new StringBuilder(CARD_FORMAT);
            for (int i = start; i < Math.min(docOfItem.length, start + CARD_BLOCK); i++) {
                digest.append(items[i].contentHash());
            }
            if (reuse.keep(name + DeflatedJson.SUFFIX, digest.toString())) {
                continue;
            }
            StringBuilder out = new StringBuilder("[");
            for (int i = start; i < Math.min(docOfItem.length, start + CARD_BLOCK); i++) {
                Document d = stored.document(docOfItem[i], wanted);
                String title = d.get(SearchFields.DISPLAY_TITLE);
                out.append(i > start ? ",[" : "[");
                JsonText.string(out, title);
                out.append(',');
                JsonText.string(out, d.get(SearchFields.URL));
                out.append(',');
                JsonText.string(out, d.get(SearchFields.DOCUMENT_TITLE));
                out.append(',');
                JsonText.string(out, d.get(SearchFields.BODY));
                out.append(',').append(norms[docOfItem[i]] & 0xFF);
                String indexedTitle = d.get(SearchFields.TITLE) == null ? "" : d.get(SearchFields.TITLE);
                if (!indexedTitle.equals(title)) {
                    out.append(',');
                    JsonText.string(out, indexedTitle);
                }
                out.append(']');
            }
            files.accept(json.file(name, out.append(']')));
        }
    }

    private static void attributes(Item[] items, Map<String, Integer> documentOrd, Map<String, Integer> departmentOrd,
                                   DeflatedJson json) {
        for (int start = 0; start < items.length; start += ATTR_BLOCK) {
            StringBuilder out = new StringBuilder("[");
            for (int i = start; i < Math.min(items.length, start + ATTR_BLOCK); i++) {
                Item item = items[i];
                out.append(i > start ? ",[" : "[").append(documentOrd.get(item.documentId()));
                out.append(',').append(item.lead() == null ? -1 : departmentOrd.getOrDefault(item.lead(), -1));
                for (String id : item.support()) {
                    Integer ord = departmentOrd.get(id);
                    if (ord != null) {
                        out.append(',').append(ord);
                    }
                }
                out.append(']');
            }
            json.write("search/a/" + start / ATTR_BLOCK, out.append(']'));
        }
    }

    private static void documents(Map<String, String> titles, DeflatedJson json) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(titles.entrySet());
        for (int start = 0; start < entries.size(); start += DOC_BLOCK) {
            StringBuilder out = new StringBuilder("[");
            for (int i = start; i < Math.min(entries.size(), start + DOC_BLOCK); i++) {
                out.append(i > start ? ",[" : "[");
                JsonText.string(out, entries.get(i).getKey());
                out.append(',');
                JsonText.string(out, entries.get(i).getValue());
                out.append(']');
            }
            json.write("search/d/" + start / DOC_BLOCK, out.append(']'));
        }
    }

    /** The first item of each type, in {@link HitType} order (items are numbered by type). */
    private static int[] typeStarts(Item[] items) {
        int[] starts = new int[HitType.values().length];
        int at = 0;
        for (HitType type : HitType.values()) {
            starts[type.ordinal()] = at;
            while (at < items.length && items[at].type() == type) {
                at++;
            }
        }
        return starts;
    }

    /** The classes holding items of each type, {@code kc/t/<code>}, for a type filter on a query of common terms. */
    private static void typeClasses(Item[] items, BrowserClasses classes, DeflatedJson json) {
        for (HitType type : HitType.values()) {
            json.write("search/kc/t/" + type.code(), classes.classesHolding(java.util.stream.IntStream.range(0, items.length)
                    .filter(i -> items[i].type() == type)));
        }
    }

    /**
     * The tasks each department leads and supports, {@code dep/<n>}, and the classes holding any of them,
     * {@code kc/d/<n>} (whatever the role: a filter passes over the other classes and checks the items of these).
     */
    private static void departmentTasks(Item[] items, List<DepartmentEntry> departments,
                                        Map<String, Integer> departmentOrd, BrowserClasses classes, DeflatedJson json) {
        List<List<Integer>> lead = new ArrayList<>();
        List<List<Integer>> support = new ArrayList<>();
        departments.forEach(d -> {
            lead.add(new ArrayList<>());
            support.add(new ArrayList<>());
        });
        for (Item item : items) {
            if (item.lead() != null && departmentOrd.containsKey(item.lead())) {
                lead.get(departmentOrd.get(item.lead())).add(item.ord());
            }
            for (String id : item.support()) {
                if (departmentOrd.containsKey(id)) {
                    support.get(departmentOrd.get(id)).add(item.ord());
                }
            }
        }
        for (int i = 0; i < departments.size(); i++) {
            json.write("search/dep/" + i, "{\"l\":"
                    + Varints.ascending(lead.get(i).stream().mapToInt(Integer::intValue).iterator())
                    + ",\"s\":" + Varints.ascending(support.get(i).stream().mapToInt(Integer::intValue).iterator()) + "}");
            json.write("search/kc/d/" + i, classes.classesHolding(java.util.stream.Stream.of(lead.get(i), support.get(i))
                    .flatMap(List::stream).mapToInt(Integer::intValue)));
        }
    }

    private static void meta(Item[] items, List<LiveStatistics.Field> stats, int shards,
                             BrowserClasses classes, List<DepartmentEntry> departments,
                             int documentCount, BrowserFilters filters,
                             DeflatedJson json) {
        StringBuilder out = new StringBuilder("{\"version\":2");
        out.append(",\"items\":").append(items.length).append(",\"documents\":").append(documentCount);
        out.append(",\"k1\":").append(SearchFields.K1).append(",\"b\":").append(SearchFields.B);
        out.append(",\"shards\":").append(shards);
        out.append(",\"classes\":");
        classes.appendMeta(out);
        out.append(",\"cardBlock\":").append(CARD_BLOCK).append(",\"attrBlock\":").append(ATTR_BLOCK)
                .append(",\"docBlock\":").append(DOC_BLOCK);
        out.append(",\"fields\":{");
        for (int f = 0; f < stats.size(); f++) {
            LiveStatistics.Field s = stats.get(f);
            out.append(f > 0 ? "," : "").append('"').append(FIELD_KEYS.get(f)).append("\":{\"docCount\":")
                    .append(s.docCount()).append(",\"avgdl\":").append(s.avgdl()).append('}');
        }
        out.append("},\"types\":[");
        int at = 0;
        for (HitType type : HitType.values()) {
            int start = at;
            while (at < items.length && items[at].type() == type) {
                at++;
            }
            out.append(type.ordinal() > 0 ? "," : "").append("[\"").append(type.code()).append("\",")
                    .append(start).append(',').append(at).append(']');
        }
        out.append("],\"departments\":[");
        for (int i = 0; i < departments.size(); i++) {
            DepartmentEntry d = departments.get(i);
            out.append(i > 0 ? ",[" : "[");
            JsonText.string(out, d.id());
            out.append(',');
            JsonText.string(out, d.name());
            out.append(",[");
            for (int a = 0; a < d.aliases().size(); a++) {
                if (a > 0) {
                    out.append(',');
                }
                JsonText.string(out, d.aliases().get(a));
            }
            out.append("]]");
        }
        out.append("],\"kinds\":[");
        List<String> kinds = filters.kindCodes();
        for (int i = 0; i < kinds.size(); i++) {
            out.append(i > 0 ? "," : "");
            JsonText.string(out, kinds.get(i));
        }
        out.append("],\"years\":").append(filters.yearList().toString().replace(" ", ""));
        json.write("search/meta", out.append('}'));
    }
}
