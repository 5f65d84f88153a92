package org.policykb.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes the postings of the index as the browser reads them. Terms are spread over {@code s/<n>} shards
 * by a hash of the term (FNV-1a over UTF-16 units, repeated in search.js), so a query fetches one small file
 * per term. Each term's postings are sorted best first — by BM25's freq × 1/norm, which orders them as their
 * scores — and cut into pages: the shard holds the first page, {@code p/<shard>/<k>-<page>} the rest,
 * fetched only when the first pages cannot settle the top hits. A posting is item number, norm byte and
 * frequency, packed into a few base64url digits ({@link #page}); a term that is not common also gives each item's
 * class ({@link BrowserClasses#offsetInNorm}), so that a query of it and common terms scores its items on the common
 * terms' class lists: in its further pages beside each posting, for its first page in {@code sc/<n>}, which only such
 * a query reads, so that the shards every query reads stay small. There are no positions: the browser checks a phrase on the text of the item's result card
 * (which it fetches to show the hit anyway), so a phrase never needs the lists of its common bigrams.
 */
final class BrowserPostings {
    static final int FIRST_PAGE = 64;
    static final int PAGE = 2000;
    /** About this many bytes of first pages per shard. */
    private static final int SHARD_BYTES = 4_000;

    /**
     * One term's entry in its shard, as the shard file and the next build's incremental export
     * ({@link BrowserIndexState}) both need it: its key for its further pages (-1 with one page), how many pages it
     * has, its first page as written into {@code s/<shard>} ({@code "term":[...]}) and, for a term that is not
     * common, its first page's class offsets as written into {@code sc/<shard>} ({@code "term":"..."}), else null.
     */
    record Entry(int field, String term, int key, int pageCount, String first, String offsets) {
        boolean paged() {
            return pageCount > 1;
        }
    }

    private final int shardCount;
    /** Per shard and field, the entries of its terms in term order. */
    private final List<List<List<Entry>>> shards;
    private final BiConsumer<String, CharSequence> out;
    private final BrowserClasses classes;
    /** The key the next paged term of each shard gets: they are numbered in term order, field by field. */
    private final int[] nextKey;
    private int maxFreq;

    /**
     * Further pages and a common term's class list ({@link BrowserClasses}), {@code k/<shard>/<key>}, go to
     * {@code out} as they are made; the shards, which gather many terms, at the end ({@link #writeShards}).
     */
    BrowserPostings(int shardCount, int fieldCount, BiConsumer<String, CharSequence> out, BrowserClasses classes) {
        this.shardCount = shardCount;
        this.out = out;
        this.classes = classes;
        this.nextKey = new int[shardCount];
        this.shards = new ArrayList<>(shardCount);
        for (int s = 0; s < shardCount; s++) {
            List<List<Entry>> fields = new ArrayList<>(fieldCount);
            for (int f = 0; f < fieldCount; f++) {
                fields.add(new ArrayList<>());
            }
            shards.add(fields);
        }
    }

    int shardCount() {
        return shardCount;
    }

    /** The highest frequency of a term in an item among the postings made so far. */
    int maxFreq() {
        return maxFreq;
    }

    /** The entries of a shard's terms, per field in term order. */
    List<List<Entry>> shard(int shard) {
        return shards.get(shard);
    }

    /**
     * Enough shards for about {@link #SHARD_BYTES} each, estimated from the live document frequencies of the terms,
     * so an index with deleted items is sharded as a fresh one. Only a term held by fewer than a first page of live
     * items more than the deleted ones has its postings read.
     */
    static int shardCount(DirectoryReader reader, List<String> fields) throws IOException {
        long bytes = 0;
        Bits live = MultiBits.getLiveDocs(reader);
        int deleted = reader.numDeletedDocs();
        PostingsEnum postings = null;
        for (String field : fields) {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                int df = iterator.docFreq();
                if (live != null && df - deleted < FIRST_PAGE) {
                    postings = iterator.postings(postings, PostingsEnum.NONE);
                    df = LiveStatistics.liveCount(postings, live);
                }
                if (df > 0) {
                    bytes += 24 + 6L * Math.min(df, FIRST_PAGE);
                }
            }
        }
        return (int) Math.max(1, bytes / SHARD_BYTES);
    }

    static int shardOf(String term, int shardCount) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < term.length(); i++) {
            hash ^= term.charAt(i);
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, shardCount);
    }

    /**
     * How the postings of one field are ordered: exactly BM25Similarity's norm cache over {@code avgdl}, so that
     * freq × 1/norm orders postings as their scores.
     */
    static float[] normInverse(float avgdl) {
        float[] normInverse = new float[256];
        for (int i = 0; i < 256; i++) {
            normInverse[i] = 1f / (SearchFields.K1 * ((1 - SearchFields.B)
                    + SearchFields.B * (float) SmallFloat.byte4ToInt((byte) i) / avgdl));
        }
        return normInverse;
    }

    /**
     * A field's postings as the browser reads them, term by term: what every term of the field shares (live items,
     * norms, their order under the field's average length) and the scratch space of one term's list.
     */
    final class Field {
        private final int fieldIndex;
        private final TermsEnum terms;
        private final int docCount;
        private final float[] normInverse;
        private final int[] normOfItem;
        private final int[] freqOfItem;
        private final int[] itemOfDoc;
        private final Bits live;
        private PostingsEnum postings;
        private long[] order = new long[64];

        private Field(DirectoryReader reader, int fieldIndex, Terms terms, LiveStatistics.Field stats, int[] itemOfDoc)
                throws IOException {
            this.fieldIndex = fieldIndex;
            this.terms = terms.iterator();
            this.docCount = stats.docCount();
            this.normInverse = normInverse(stats.avgdl());
            this.normOfItem = normOfItem(reader, stats.name(), itemOfDoc, reader.numDocs());
            this.freqOfItem = new int[normOfItem.length];
            this.itemOfDoc = itemOfDoc;
            this.live = MultiBits.getLiveDocs(reader);
        }

        /** An item's norm in the field. */
        int norm(int item) {
            return normOfItem[item];
        }

        /** Every term of the field, in term order, into its shard. */
        void addAll() throws IOException {
            for (BytesRef bytes = terms.next(); bytes != null; bytes = terms.next()) {
                int shard = shardOf(bytes.utf8ToString(), shardCount);
                Entry entry = entry(bytes, nextKey[shard]);
                if (entry != null) {
                    shards.get(shard).get(fieldIndex).add(entry);
                    nextKey[shard] += entry.paged() ? 1 : 0;
                }
            }
        }

        /**
         * The entry of {@code term}, its further pages and class list written with {@code key} if it has further
         * pages; null when no live item holds it.
         */
        Entry entry(String term, int key) throws IOException {
            BytesRef bytes = new BytesRef(term);
            return terms.seekExact(bytes) ? entry(bytes, key) : null;
        }

        /** As {@link #entry(String, int)}, for the term {@link #terms} is positioned on. */
        private Entry entry(BytesRef bytes, int key) throws IOException {
            String term = bytes.utf8ToString();
            postings = terms.postings(postings, PostingsEnum.FREQS);
            int size = 0;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                int item = itemOfDoc[doc];
                int freq = postings.freq();
                freqOfItem[item] = freq;
                maxFreq = Math.max(maxFreq, freq);
                float sortKey = freq * normInverse[normOfItem[item]];
                if (size == order.length) {
                    order = java.util.Arrays.copyOf(order, size * 2);
                }
                // best first: a larger key (a positive float, whose bits order as it does) sorts first, then the
                // smaller item number, as Lucene breaks ties
                order[size++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(sortKey)) << 32) | item;
            }
            if (size == 0) {
                return null;
            }
            java.util.Arrays.sort(order, 0, size);
            int df = size; // live items only, as the searcher counts them (LiveStatistics)
            float idf = (float) Math.log(1 + (docCount - df + 0.5D) / (df + 0.5D));
            boolean common = classes.covers(df);
            Sorted list = new Sorted(order, size, normOfItem, freqOfItem, common ? null : classes);
            Entry entry = write(fieldIndex, term, df, idf, list, key);
            if (common) {
                out.accept("search/k/" + shardOf(term, shardCount) + "/" + entry.key(),
                        classes.frequencies(term, size, list::item, item -> freqOfItem[item]));
            }
            return entry;
        }
    }

    /** The postings of {@code field} (the {@code fieldIndex}th), scored with its {@code stats} over the live items. */
    Field field(DirectoryReader reader, int fieldIndex, String field, LiveStatistics.Field stats, int[] itemOfDoc)
            throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        return terms == null ? null : new Field(reader, fieldIndex, terms, stats, itemOfDoc);
    }

    /** Adds all postings of {@code field}, scored with its {@code stats} over the live items. */
    void add(DirectoryReader reader, int fieldIndex, String field, LiveStatistics.Field stats, int[] itemOfDoc)
            throws IOException {
        Field postings = field(reader, fieldIndex, field, stats, itemOfDoc);
        if (postings != null) {
            postings.addAll();
        }
    }

    /**
     * One term's postings, best first: item numbers in {@code order}'s low bits, their norm and freq beside, and the
     * classes whose offsets the postings give (null for a common term, whose class list gives its frequencies).
     */
    private record Sorted(long[] order, int size, int[] normOfItem, int[] freqOfItem, BrowserClasses classes) {
        int item(int i) {
            return (int) order[i];
        }
    }

    /**
     * Makes one term's entry, its first page, and writes the rest as pages under {@code key} (unused when there is
     * one page).
     */
    private Entry write(int fieldIndex, String term, int df, float idf, Sorted list, int key) {
        int shard = shardOf(term, shardCount);
        int pageCount = 1;
        for (int from = FIRST_PAGE; from < list.size(); from += PAGE) {
            pageCount++;
        }
        int ownKey = pageCount > 1 ? key : -1;
        StringBuilder first = new StringBuilder();
        JsonText.string(first, term);
        first.append(":[").append(df).append(',').append(idf).append(',').append(list.size()).append(',')
                .append(pageCount).append(',').append(ownKey).append(',');
        page(first, list, 0, Math.min(FIRST_PAGE, list.size()), false);
        first.append(']');
        String offsets = null;
        if (list.classes() != null) {
            StringBuilder entry = new StringBuilder();
            JsonText.string(entry, term);
            entry.append(":\"");
            for (int i = 0; i < Math.min(FIRST_PAGE, list.size()); i++) {
                Varints.append(entry, list.classes().offsetInNorm(list.item(i)));
            }
            offsets = entry.append('"').toString();
        }
        int from = FIRST_PAGE;
        for (int p = 1; p < pageCount; p++) {
            int to = Math.min(from + PAGE, list.size());
            StringBuilder file = new StringBuilder(16 + (to - from) * 2);
            page(file, list, from, to, list.classes() != null);
            from = to;
            out.accept(pagePath(shard, ownKey, p), file);
        }
        return new Entry(fieldIndex, term, ownKey, pageCount, first.toString(), offsets);
    }

    /** The file of a term's further page {@code page} (from 1). */
    static String pagePath(int shard, int key, int page) {
        return "search/p/" + shard + "/" + key + "-" + page;
    }

    /**
     * A page of postings as one JSON string of base64url digits. Postings best first come in runs of one norm and
     * freq (they share a score, so their items ascend); each run is written as norm, freq, length, then its items
     * as differences from the one before (the first from 0), each followed, with {@code offsets} (a further page of a
     * term that is not common), by its class's offset in the norm; every number in {@link Varints}. A common term's
     * long runs cost a digit or two a posting.
     */
    private static void page(StringBuilder out, Sorted list, int from, int to, boolean offsets) {
        out.append('"');
        int i = from;
        while (i < to) {
            int norm = list.normOfItem()[list.item(i)];
            int freq = list.freqOfItem()[list.item(i)];
            int end = i + 1;
            while (end < to && list.normOfItem()[list.item(end)] == norm && list.freqOfItem()[list.item(end)] == freq) {
                end++;
            }
            Varints.append(out, norm);
            Varints.append(out, freq);
            Varints.append(out, end - i);
            int previous = 0;
            for (int j = i; j < end; j++) {
                Varints.append(out, list.item(j) - previous);
                previous = list.item(j);
                if (offsets) {
                    Varints.append(out, list.classes().offsetInNorm(previous));
                }
            }
            i = end;
        }
        out.append('"');
    }

    /**
     * Writes the shards, each with the first pages of its terms, once every term is added, and beside a shard with
     * terms that are not common their first pages' class offsets, {@code sc/<n>}: {@code {"x":{term:"offsets"}}}.
     */
    void writeShards(List<String> fieldKeys) {
        for (int s = 0; s < shardCount; s++) {
            writeShard(s, shards.get(s), fieldKeys, out);
        }
    }

    /** Writes one shard's files from its entries (per field, in term order). */
    static void writeShard(int shard, List<List<Entry>> entries, List<String> fieldKeys, BiConsumer<String, CharSequence> out) {
        out.accept("search/s/" + shard, byField(fieldKeys, entries, Entry::first));
        if (entries.stream().flatMap(List::stream).anyMatch(e -> e.offsets() != null)) {
            out.accept("search/sc/" + shard, byField(fieldKeys, entries, Entry::offsets));
        }
    }

    private static StringBuilder byField(List<String> fieldKeys, List<List<Entry>> entries,
                                         java.util.function.Function<Entry, String> piece) {
        StringBuilder out = new StringBuilder("{");
        for (int f = 0; f < fieldKeys.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            out.append('"').append(fieldKeys.get(f)).append("\":{");
            boolean first = true;
            for (Entry entry : entries.get(f)) {
                String text = piece.apply(entry);
                if (text != null) {
                    out.append(first ? "" : ",").append(text);
                    first = false;
                }
            }
            out.append('}');
        }
        return out.append('}');
    }

    /** Each of the {@code items} live items' norm in {@code field}, by item number ({@code itemOfDoc}: -1 for deleted). */
    static int[] normOfItem(DirectoryReader reader, String field, int[] itemOfDoc, int items) throws IOException {
        byte[] norms = norms(reader, field);
        int[] normOfItem = new int[items];
        for (int doc = 0; doc < itemOfDoc.length; doc++) {
            if (itemOfDoc[doc] >= 0) {
                normOfItem[itemOfDoc[doc]] = norms[doc] & 0xFF;
            }
        }
        return normOfItem;
    }

    /** The norm byte of every document for one field (0 where the document has no such field). */
    static byte[] norms(DirectoryReader reader, String field) throws IOException {
        byte[] norms = new byte[reader.maxDoc()];
        NumericDocValues values = MultiDocValues.getNormValues(reader, field);
        if (values != null) {
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                norms[doc] = (byte) values.longValue();
            }
        }
        return norms;
    }
}
