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
import org.policykb.model.OutputFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

    private final int shardCount;
    private final StringBuilder[][] shards;
    /** Per shard and field, the class offsets of the first pages of the terms that are not common. */
    private final StringBuilder[][] shardClasses;
    private final int[] termsInShard;
    private final DeflatedJson json;
    private final BrowserClasses classes;

    /**
     * Further pages are written by {@code json} as they are made; the shards, which gather many terms, at the end. A
     * common term's class list ({@link BrowserClasses}) is written beside its pages, as {@code k/<shard>/<key>}.
     */
    BrowserPostings(int shardCount, int fieldCount, DeflatedJson json, BrowserClasses classes) {
        this.shardCount = shardCount;
        this.json = json;
        this.classes = classes;
        this.shards = new StringBuilder[shardCount][fieldCount];
        this.shardClasses = new StringBuilder[shardCount][fieldCount];
        this.termsInShard = new int[shardCount];
    }

    int shardCount() {
        return shardCount;
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

    /** Adds the postings of {@code field}, scored with its {@code stats} over the live items. */
    void add(DirectoryReader reader, int fieldIndex, String field, LiveStatistics.Field stats, int[] itemOfDoc)
            throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return;
        }
        int docCount = stats.docCount();
        // exactly BM25Similarity.avgFieldLength and its norm cache, so the keys order postings as scores do
        float avgdl = stats.avgdl();
        float[] normInverse = new float[256];
        for (int i = 0; i < 256; i++) {
            normInverse[i] = 1f / (SearchFields.K1 * ((1 - SearchFields.B)
                    + SearchFields.B * (float) SmallFloat.byte4ToInt((byte) i) / avgdl));
        }
        byte[] norms = norms(reader, field);
        int[] normOfItem = new int[reader.numDocs()];
        for (int doc = 0; doc < itemOfDoc.length; doc++) {
            if (itemOfDoc[doc] >= 0) {
                normOfItem[itemOfDoc[doc]] = norms[doc] & 0xFF;
            }
        }
        int[] freqOfItem = new int[normOfItem.length];
        Bits live = MultiBits.getLiveDocs(reader);
        TermsEnum iterator = terms.iterator();
        PostingsEnum postings = null;
        long[] order = new long[64];
        for (BytesRef bytes = iterator.next(); bytes != null; bytes = iterator.next()) {
            String term = bytes.utf8ToString();
            postings = iterator.postings(postings, PostingsEnum.FREQS);
            int size = 0;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                int item = itemOfDoc[doc];
                freqOfItem[item] = postings.freq();
                float key = freqOfItem[item] * normInverse[normOfItem[item]];
                if (size == order.length) {
                    order = java.util.Arrays.copyOf(order, size * 2);
                }
                // best first: a larger key (a positive float, whose bits order as it does) sorts first, then the
                // smaller item number, as Lucene breaks ties
                order[size++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(key)) << 32) | item;
            }
            if (size == 0) {
                continue;
            }
            java.util.Arrays.sort(order, 0, size);
            int df = size; // live items only, as the searcher counts them (LiveStatistics)
            float idf = (float) Math.log(1 + (docCount - df + 0.5D) / (df + 0.5D));
            boolean common = classes.covers(df);
            Sorted list = new Sorted(order, size, normOfItem, freqOfItem, common ? null : classes);
            int key = write(fieldIndex, term, df, idf, list);
            if (common) {
                classes.writeTerm(json, "search/k/" + shardOf(term, shardCount) + "/" + key, size, list::item,
                        item -> freqOfItem[item]);
            }
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

    /** The shard's entries of the field in {@code table}, made or given a separator, with {@code term} as the next key. */
    private static StringBuilder termEntry(StringBuilder[][] table, int shard, int fieldIndex, String term) {
        StringBuilder out = table[shard][fieldIndex];
        if (out == null) {
            out = table[shard][fieldIndex] = new StringBuilder();
        } else {
            out.append(',');
        }
        JsonText.string(out, term);
        return out;
    }

    /** Writes one term's first page into its shard and the rest as pages; gives the term's key in its shard (-1: one page). */
    private int write(int fieldIndex, String term, int df, float idf, Sorted list) {
        int shard = shardOf(term, shardCount);
        int pageCount = 1;
        for (int from = FIRST_PAGE; from < list.size(); from += PAGE) {
            pageCount++;
        }
        int key = pageCount > 1 ? termsInShard[shard]++ : -1;
        StringBuilder out = termEntry(shards, shard, fieldIndex, term);
        out.append(":[").append(df).append(',').append(idf).append(',').append(list.size()).append(',')
                .append(pageCount).append(',').append(key).append(',');
        page(out, list, 0, Math.min(FIRST_PAGE, list.size()), false);
        out.append(']');
        if (list.classes() != null) {
            StringBuilder offsets = termEntry(shardClasses, shard, fieldIndex, term);
            offsets.append(":\"");
            for (int i = 0; i < Math.min(FIRST_PAGE, list.size()); i++) {
                Varints.append(offsets, list.classes().offsetInNorm(list.item(i)));
            }
            offsets.append('"');
        }
        int from = FIRST_PAGE;
        for (int p = 1; p < pageCount; p++) {
            int to = Math.min(from + PAGE, list.size());
            StringBuilder file = new StringBuilder(16 + (to - from) * 2);
            page(file, list, from, to, list.classes() != null);
            from = to;
            json.write("search/p/" + shard + "/" + key + "-" + p, file);
        }
        return key;
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
            json.write("search/s/" + s, byField(fieldKeys, shards[s]));
            if (java.util.Arrays.stream(shardClasses[s]).anyMatch(java.util.Objects::nonNull)) {
                json.write("search/sc/" + s, byField(fieldKeys, shardClasses[s]));
            }
        }
    }

    private static StringBuilder byField(List<String> fieldKeys, StringBuilder[] fields) {
        StringBuilder out = new StringBuilder("{");
        for (int f = 0; f < fieldKeys.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            out.append('"').append(fieldKeys.get(f)).append("\":{");
            if (fields[f] != null) {
                out.append(fields[f]);
            }
            out.append('}');
        }
        return out.append('}');
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
