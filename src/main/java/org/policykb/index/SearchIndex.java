package org.policykb.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.policykb.model.Department;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The on-disk Lucene index of a knowledge base. It lives in the build's state folder (not in the site), is
 * brought up to date document by document ({@link #update}) and answers {@link #search}es; {@link BrowserIndexExport}
 * turns it into the files the static site searches.
 */
public final class SearchIndex implements AutoCloseable {
    /** Equal scores are ordered by item number (type, then document order), here and in the browser. */
    static final Sort RANKING = new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.ORD, SortField.Type.INT));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer;
    private final QueryParser parser;
    private final Snippets snippets;
    private DirectoryReader reader;

    private SearchIndex(Path path, Directory directory, Analyzer analyzer) {
        this.path = path;
        this.directory = directory;
        this.analyzer = analyzer;
        this.parser = new QueryParser(analyzer);
        this.snippets = new Snippets(analyzer);
    }

    public static SearchIndex open(Path indexDir) throws IOException {
        return open(indexDir, new PolicyAnalyzer());
    }

    public static SearchIndex open(Path indexDir, Analyzer analyzer) throws IOException {
        return new SearchIndex(indexDir, FSDirectory.open(indexDir), analyzer);
    }

    /** True when a build has written an index into {@code indexDir}. */
    public static boolean exists(Path indexDir) throws IOException {
        if (!java.nio.file.Files.isDirectory(indexDir)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            return DirectoryReader.indexExists(dir);
        }
    }

    /** As {@link #update(KnowledgeBase, Map)} with no versions: every document is keyed by its items' digests. */
    public UpdateCounts update(KnowledgeBase kb) throws IOException {
        return update(kb, Map.of());
    }

    /**
     * Brings the index up to date document by document, and commits with the departments in the commit data. A
     * document whose key ({@link IndexedItems#documentKey}) is the one stored with it is passed over without making
     * its items: at 10,000 documents, after an edit of one, that spares making and digesting 600,000 items. The items
     * of any other document are deleted and written again; those of documents no longer there are deleted.
     *
     * @param versions by document id, a name for exactly what the document was read from (its source's bytes and
     *                 the code that read it); a document without one is keyed by its items, which costs making them
     * @return how many items were written and how many deleted with their documents, the key of the content and,
     * when few documents changed, what changed item by item
     */
    public UpdateCounts update(KnowledgeBase kb, Map<String, String> versions) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(64)
                // an update that fails half-way (out of memory, a bad document) must leave the last commit, not
                // commit on close what it wrote so far: a document with half its items would pass for indexed
                .setCommitOnClose(false)
                .setMergePolicy(new org.apache.lucene.index.TieredMergePolicy());
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        int deleted = 0;
        List<PolicyDocument> documents = kb.documents();
        String fromKey = committedContentKey();
        try (ClosedUnlessTragic closing = new ClosedUnlessTragic(new IndexWriter(directory, config));
             DirectoryReader current = DirectoryReader.open(closing.writer())) {
            IndexWriter writer = closing.writer();
            Map<String, String> stored = new java.util.concurrent.ConcurrentHashMap<>();
            if (documentKeys(current, stored)) {
                java.util.Set<String> present = new java.util.HashSet<>();
                documents.forEach(d -> present.add(d.id()));
                IndexSearcher searcher = new IndexSearcher(current);
                for (String id : stored.keySet()) {
                    if (!present.contains(id)) {
                        deleted += searcher.count(new TermQuery(new Term(SearchFields.DOCUMENT, id)));
                    }
                }
            } else {
                // an index written by an older PolicyKB, whose documents cannot be told apart: start afresh
                writer.deleteAll();
                stored.clear();
                fromKey = null;
            }
            int[] starts = IndexedItems.blockStarts(kb);
            String[] keys = new String[documents.size()];
            java.util.stream.IntStream.range(0, documents.size()).parallel().forEach(position -> keys[position] =
                    IndexedItems.documentKey(kb, starts, position, Optional.ofNullable(versions.get(documents.get(position).id()))));
            List<Integer> changed = java.util.stream.IntStream.range(0, documents.size())
                    .filter(position -> !keys[position].equals(stored.remove(documents.get(position).id())))
                    .boxed().toList();
            // what changed is traced item by item for a few documents, which is what an edit rewrites; a removed
            // document renumbers items, and then the browser index is made whole anyway
            boolean traced = fromKey != null && stored.isEmpty() && changed.size() <= Math.max(1, documents.size() / 100);
            Map<Integer, IndexChange.ItemTerms> before = new java.util.concurrent.ConcurrentHashMap<>();
            Map<Integer, IndexChange.ItemTerms> after = new java.util.concurrent.ConcurrentHashMap<>();
            // IndexWriter takes documents from several threads at once (a segment per thread); item numbers, not
            // the order documents arrive in, decide ties, so the result does not depend on the threads.
            try {
                changed.parallelStream().forEach(position -> {
                    String id = documents.get(position).id();
                    try {
                        if (traced) {
                            itemTerms(current, id, before);
                        }
                        writer.deleteDocuments(new Term(SearchFields.DOCUMENT, id));
                        for (IndexedItem item : IndexedItems.ofDocument(kb, starts, position).toList()) {
                            Term itemId = new Term(SearchFields.ID, item.id());
                            String text = ItemDocument.text(item.title(), item.body());
                            if (traced) {
                                after.put(item.ord(), new IndexChange.ItemTerms(-1, freqs(text)));
                            }
                            LiveStatistics.TokenCount tokens = new LiveStatistics.TokenCount(analyzer.tokenStream(
                                    SearchFields.TEXT, text));
                            writer.addDocument(ItemDocument.of(item, tokens, keys[position]));
                            writer.updateNumericDocValue(itemId, SearchFields.TOKENS, tokens.count());
                            written.incrementAndGet();
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            for (String gone : stored.keySet()) {
                writer.deleteDocuments(new Term(SearchFields.DOCUMENT, gone));
            }
            // Deleted items stay until Lucene merges them away in its own time: scores use LiveStatistics.
            String departments = departmentsJson(kb);
            String contentKey = contentKey(keys, departments);
            writer.setLiveCommitData(Map.of(SearchFields.DEPARTMENTS_KEY, departments,
                    SearchFields.CONTENT_KEY, contentKey).entrySet());
            writer.commit();
            IndexChange change = traced ? new IndexChange(fromKey, before, after) : IndexChange.UNKNOWN;
            return new UpdateCounts(written.get(), deleted, IndexedItems.count(kb), contentKey, change);
        } catch (IOException e) {
            throw new IOException("Cannot update the search index in " + path + ": " + e.getMessage(), e);
        }
    }

    /** The content key of the last commit, or null when there is none or it has none. */
    private String committedContentKey() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return null;
        }
        return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().get(SearchFields.CONTENT_KEY);
    }

    /**
     * Puts the terms, frequencies and norm of each live item of document {@code id} in {@code reader} by its number
     * into {@code into}, from its stored title and body analysed again as when it was indexed.
     */
    private void itemTerms(DirectoryReader reader, String id, Map<Integer, IndexChange.ItemTerms> into) throws IOException {
        Term document = new Term(SearchFields.DOCUMENT, id);
        for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.LeafReader segment = leaf.reader();
            org.apache.lucene.index.PostingsEnum docs = segment.postings(document);
            if (docs == null) {
                continue;
            }
            org.apache.lucene.util.Bits live = segment.getLiveDocs();
            StoredFields fields = segment.storedFields();
            org.apache.lucene.index.NumericDocValues norms = segment.getNormValues(SearchFields.TEXT);
            for (int doc = docs.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                Document stored = fields.document(doc, java.util.Set.of(SearchFields.ORD, SearchFields.TITLE, SearchFields.BODY));
                int norm = norms != null && norms.advanceExact(doc) ? (int) (norms.longValue() & 0xFF) : 0;
                String title = stored.get(SearchFields.TITLE) == null ? "" : stored.get(SearchFields.TITLE);
                into.put(ItemDocument.ord(stored), new IndexChange.ItemTerms(norm,
                        freqs(ItemDocument.text(title, stored.get(SearchFields.BODY)))));
            }
        }
    }

    /** Each term of {@code text} as the searched field indexes it, with how often it occurs. */
    private Map<String, Integer> freqs(String text) throws IOException {
        Map<String, Integer> freqs = new java.util.HashMap<>();
        try (org.apache.lucene.analysis.TokenStream tokens = analyzer.tokenStream(SearchFields.TEXT, text)) {
            var term = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                freqs.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        }
        return freqs;
    }

    /** A digest of the documents' keys in order and of the departments: what the live index holds, as a whole. */
    private static String contentKey(String[] documentKeys, String departments) {
        java.security.MessageDigest sha = org.policykb.model.Sha256.digest();
        for (String key : documentKeys) {
            sha.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        sha.update(departments.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /**
     * Puts each indexed document's key by its id into {@code keys}, reading only the documents' own items. False
     * when some segment with live items lacks the fields this PolicyKB writes (an index from an older one).
     */
    private static boolean documentKeys(DirectoryReader reader, Map<String, String> keys) throws IOException {
        String prefix = HitType.DOCUMENT.code() + "/";
        for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.LeafReader segment = leaf.reader();
            if (segment.numDocs() == 0) {
                continue;
            }
            var fields = segment.getFieldInfos();
            if (fields.fieldInfo(SearchFields.TOKENS) == null || fields.fieldInfo(SearchFields.ID_VALUE) == null) {
                return false;
            }
            var own = segment.postings(new Term(SearchFields.TYPE, HitType.DOCUMENT.code()));
            if (own == null) {
                // IndexWriter may put a document's other items in a segment of their own, which has no keys
                continue;
            }
            if (fields.fieldInfo(SearchFields.DOCUMENT_KEY) == null) {
                return false;
            }
            org.apache.lucene.util.Bits live = segment.getLiveDocs();
            var ids = segment.getSortedDocValues(SearchFields.ID_VALUE);
            var documentKeys = segment.getBinaryDocValues(SearchFields.DOCUMENT_KEY);
            for (int doc = own.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = own.nextDoc()) {
                if ((live != null && !live.get(doc)) || !ids.advanceExact(doc) || !documentKeys.advanceExact(doc)) {
                    continue;
                }
                String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
                if (!id.startsWith(prefix)) {
                    return false;
                }
                keys.put(id.substring(prefix.length()), documentKeys.binaryValue().utf8ToString());
            }
        }
        return true;
    }

    /**
     * Closes the writer unless it met a tragedy (out of memory, a full disk): Lucene then closes it itself, on the
     * thread that met it, and if that thread died in turn (out of memory again) {@code close()} would wait for it
     * forever.
     */
    private record ClosedUnlessTragic(IndexWriter writer) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (writer.getTragicException() == null) {
                writer.close();
            }
        }
    }

    /**
     * What {@link #update} did: items (re)written, items deleted, items now in the index; and a key of everything the
     * index now holds (equal keys, with the same code, mean equal searches and an equal browser index).
     */
    public record UpdateCounts(int written, int deleted, int total, String contentKey, IndexChange change) {
    }

    public SearchResult search(SearchRequest request) throws IOException {
        DirectoryReader current = reader();
        Optional<String> departmentId = Optional.empty();
        if (request.department().isPresent()) {
            String name = request.department().get().strip();
            List<DepartmentEntry> departments = departments();
            Optional<DepartmentEntry> found = departments.stream().filter(d -> d.isCalled(name)).findFirst();
            if (found.isEmpty()) {
                return SearchResult.unknownDepartment(name, DepartmentNames.closest(name, departments, 3));
            }
            departmentId = Optional.of(found.get().id());
        }
        List<QueryPart> parts = parser.parse(request.query());
        if (parts.isEmpty() && !request.hasFilter()) {
            return SearchResult.of(0, List.of());
        }
        Query query = query(parts, departmentId, request);
        IndexSearcher searcher = LiveStatistics.searcher(current);
        searcher.setSimilarity(new BM25Similarity());
        TopFieldDocs top = searcher.search(query, request.limit(), RANKING, true);
        int total = searcher.count(query);
        StoredFields fields = current.storedFields();
        List<SearchHit> hits = new ArrayList<>();
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document doc = fields.document(scoreDoc.doc);
            hits.add(ItemDocument.hit(doc, scoreDoc.score, snippets.snippet(doc.get(SearchFields.BODY), parts)));
        }
        return SearchResult.of(total, hits);
    }

    /** The departments recorded by the last update, in knowledge-base order. */
    public List<DepartmentEntry> departments() throws IOException {
        String json = reader().getIndexCommit().getUserData().get(SearchFields.DEPARTMENTS_KEY);
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<DepartmentEntry>>() {
        });
    }

    /** The parts a query is searched as, for callers that mark matches themselves. */
    public List<QueryPart> parse(String query) {
        return parser.parse(query);
    }

    /** A reader on the last commit, reopened when a newer commit exists. */
    DirectoryReader reader() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            throw new IOException("No search index in " + path + ": run a build first");
        }
        if (reader == null) {
            reader = DirectoryReader.open(directory);
        } else {
            DirectoryReader newer = DirectoryReader.openIfChanged(reader);
            if (newer != null) {
                reader.close();
                reader = newer;
            }
        }
        return reader;
    }

    static Query query(List<QueryPart> parts, Optional<String> departmentId, SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryPart part : parts) {
            query.add(match(SearchFields.TEXT, part), Occur.MUST);
        }
        if (parts.isEmpty()) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        departmentId.ifPresent(id -> {
            String field = request.role().map(r -> r == Role.LEAD ? SearchFields.LEAD : SearchFields.SUPPORT)
                    .orElse(SearchFields.DEPARTMENT);
            query.add(new TermQuery(new Term(field, id)), Occur.FILTER);
        });
        request.type().ifPresent(t -> query.add(new TermQuery(new Term(SearchFields.TYPE, t.code())), Occur.FILTER));
        request.kind().ifPresent(k -> query.add(new TermQuery(new Term(SearchFields.DOCUMENT_KIND, k.code())), Occur.FILTER));
        request.year().ifPresent(y -> query.add(IntField.newExactQuery(SearchFields.YEAR, y), Occur.FILTER));
        return query.build();
    }

    private static Query match(String field, QueryPart part) {
        if (!part.isPhrase()) {
            return new TermQuery(new Term(field, part.terms().getFirst()));
        }
        return new PhraseQuery(field, part.terms().toArray(String[]::new));
    }

    private static String departmentsJson(KnowledgeBase kb) throws IOException {
        List<DepartmentEntry> entries = new ArrayList<>();
        for (Department d : kb.departments()) {
            List<String> aliases = new ArrayList<>(d.aliases());
            kb.departmentIdByName().entrySet().stream()
                    .filter(e -> e.getValue().equals(d.id()) && !e.getKey().equals(d.name()))
                    .map(Map.Entry::getKey).sorted().filter(name -> !aliases.contains(name)).forEach(aliases::add);
            entries.add(new DepartmentEntry(d.id(), d.name(), aliases));
        }
        return JSON.writeValueAsString(entries);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        directory.close();
    }
}
