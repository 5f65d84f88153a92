package org.policykb.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.internal.hppc.IntIntHashMap;
import org.apache.lucene.internal.hppc.LongIntHashMap;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Optional;

/**
 * Items no query of common terms can tell apart, grouped in classes, so that such a query is scored class by class.
 * Two items are in one class when they have the same norm and the same frequency of every common term (a live
 * document frequency of at least {@link #minDf}): BM25 then gives them the same score for any query made of those
 * terms, and Lucene ranks them by item number. A template-heavy corpus repeats paragraphs in thousands of documents,
 * so its items fall into far fewer classes; there, a query of several common terms (教育 发展 建设), whose best items
 * sit deep in every term's list, reads one small file per term instead of most of the lists. A query that also has
 * a rarer term reads that term's postings, which carry each item's class, and scores only those items, the common
 * terms' frequencies taken from their class lists.
 * <p>
 * Written under {@code search/k/}: {@code <shard>/<key>} per common term, its frequency in every class (0 where
 * absent, {@link Varints}, in class order); {@code i/<block>} per {@link #BLOCK} classes, each class's size and its
 * first {@link #INLINE} items; {@code m/<class>} every item of a larger class. Classes are ordered by norm, then by
 * their first item, so the norms are a few runs (in meta) and the frequency lists deflate to little.
 */
final class BrowserClasses {
    /**
     * More classes than this and a class list (a digit or more per class) costs more than the pages it replaces: a
     * corpus with more varied items counts fewer terms as common ({@link #of}).
     */
    static final int MAX_CLASSES = 1 << 16;
    static final int BLOCK = 64;
    static final int INLINE = 16;

    private final int minDf;
    private final int[] classOfItem;
    private final int[] normOfClass;
    private final int[] sizeOfClass;
    private final int[] frequencyOfClass;
    /** The first class of each norm (classes are ordered by norm). */
    private final int[] firstOfNorm = new int[256];

    private BrowserClasses(int minDf, int[] classOfItem, int[] normOfClass, int[] sizeOfClass) {
        this.minDf = minDf;
        this.classOfItem = classOfItem;
        this.normOfClass = normOfClass;
        this.sizeOfClass = sizeOfClass;
        this.frequencyOfClass = new int[normOfClass.length];
        for (int c = normOfClass.length - 1; c >= 0; c--) {
            firstOfNorm[normOfClass[c]] = c;
        }
    }

    /**
     * A term is common when it is in at least a 32nd of the items (and in more than a first page): a query of such
     * terms is the one whose pages would have to be read deep.
     */
    static int minDf(int items) {
        return Math.max(BrowserPostings.FIRST_PAGE + 1, items / 32);
    }

    /**
     * The classes of the live items of {@code field}, at most {@code maxClasses} of them: where the common terms of
     * {@link #minDf(int)} split the items into more, only terms twice as common count, and so on. A term no longer
     * common is searched by its postings, which then carry each item's class ({@link #offsetInNorm}); a corpus with
     * more varied items keeps its most common terms, whose pages are the ones a query must not read deep.
     */
    static BrowserClasses of(DirectoryReader reader, String field, int[] itemOfDoc, int items, int maxClasses)
            throws IOException {
        if (maxClasses < 256) {
            throw new IllegalArgumentException("At least one class per norm must be allowed: " + maxClasses);
        }
        long minDf = minDf(items);
        for (;;) {
            Optional<BrowserClasses> classes = of(reader, field, itemOfDoc, items, (int) Math.min(Integer.MAX_VALUE, minDf),
                    maxClasses);
            if (classes.isPresent()) {
                return classes.get();
            }
            minDf *= 2; // at the latest once no term is common, there is a class per norm
        }
    }

    /**
     * The classes of the live items of {@code field} by the terms of at least {@code minDf} items, or empty when
     * there would be more than {@code maxClasses}. Each common term splits the classes by its frequency (partition
     * refinement: exact, no hashing of contents).
     */
    private static Optional<BrowserClasses> of(DirectoryReader reader, String field, int[] itemOfDoc, int items,
                                               int minDf, int maxClasses) throws IOException {
        int[] normOfItem = BrowserPostings.normOfItem(reader, field, itemOfDoc, items);
        int[] classOfItem = normOfItem.clone();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            Bits live = MultiBits.getLiveDocs(reader);
            int next = 256;
            LongIntHashMap split = new LongIntHashMap();
            TermsEnum iterator = terms.iterator();
            PostingsEnum postings = null;
            int deleted = reader.numDeletedDocs();
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                // the live items decide, as in a fresh index of them: a term some deleted items push over the
                // threshold is not common
                int df = iterator.docFreq();
                if (df < minDf || (live != null && df - deleted < minDf
                        && LiveStatistics.liveCount(postings = iterator.postings(postings, PostingsEnum.NONE), live) < minDf)) {
                    continue;
                }
                split.clear();
                postings = iterator.postings(postings, PostingsEnum.FREQS);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    int item = itemOfDoc[doc];
                    long key = ((long) classOfItem[item] << 32) | postings.freq();
                    int index = split.indexOf(key);
                    if (split.indexExists(index)) {
                        classOfItem[item] = split.indexGet(index);
                    } else {
                        split.indexInsert(index, key, next);
                        classOfItem[item] = next++;
                    }
                }
            }
        }
        // dense numbers by first item, then ordered by norm (a stable counting sort keeps the first items ascending)
        IntIntHashMap dense = new IntIntHashMap();
        int count = 0;
        for (int item = 0; item < items; item++) {
            int index = dense.indexOf(classOfItem[item]);
            if (dense.indexExists(index)) {
                classOfItem[item] = dense.indexGet(index);
                continue;
            }
            if (count == maxClasses) {
                return Optional.empty();
            }
            dense.indexInsert(index, classOfItem[item], count);
            classOfItem[item] = count++;
        }
        int[] normOfDense = new int[count];
        int[] normCounts = new int[257];
        for (int item = 0; item < items; item++) {
            normOfDense[classOfItem[item]] = normOfItem[item];
        }
        for (int c = 0; c < count; c++) {
            normCounts[normOfDense[c] + 1]++;
        }
        for (int n = 1; n < normCounts.length; n++) {
            normCounts[n] += normCounts[n - 1];
        }
        int[] order = new int[count];
        int[] normOfClass = new int[count];
        for (int c = 0; c < count; c++) {
            int at = normCounts[normOfDense[c]]++;
            order[c] = at;
            normOfClass[at] = normOfDense[c];
        }
        int[] sizeOfClass = new int[count];
        for (int item = 0; item < items; item++) {
            classOfItem[item] = order[classOfItem[item]];
            sizeOfClass[classOfItem[item]]++;
        }
        return Optional.of(new BrowserClasses(minDf, classOfItem, normOfClass, sizeOfClass));
    }

    /** Classes as {@link #classOfItem()} and {@link #normOfClass()} gave them, as the last export kept them. */
    static BrowserClasses restored(int minDf, int[] classOfItem, int[] normOfClass) {
        int[] sizeOfClass = new int[normOfClass.length];
        for (int c : classOfItem) {
            sizeOfClass[c]++;
        }
        return new BrowserClasses(minDf, classOfItem, normOfClass, sizeOfClass);
    }

    int minDf() {
        return minDf;
    }

    /** Each item's class; not to be changed. */
    int[] classOfItem() {
        return classOfItem;
    }

    /** Each class's norm; not to be changed. */
    int[] normOfClass() {
        return normOfClass;
    }

    int count() {
        return normOfClass.length;
    }

    /**
     * The item's class less the first class of its norm: what a rare term's posting, which has the norm, adds for the
     * browser to find the class (a few hundred classes share a norm, so it is a digit or two).
     */
    int offsetInNorm(int item) {
        int c = classOfItem[item];
        return c - firstOfNorm[normOfClass[c]];
    }

    /** Whether {@code df} live items make a term common, so that its class list is written. */
    boolean covers(int df) {
        return df >= minDf;
    }

    /**
     * One common term's frequency in every class, the content of its file {@code k/<shard>/<key>}: {@code itemAt}
     * gives the items of its {@code size} live postings, {@code freqOf} the term's frequency in an item.
     */
    StringBuilder frequencies(String term, int size, java.util.function.IntUnaryOperator itemAt,
                              java.util.function.IntUnaryOperator freqOf) {
        for (int i = 0; i < size; i++) {
            int item = itemAt.applyAsInt(i);
            int c = classOfItem[item];
            int freq = freqOf.applyAsInt(item);
            if (frequencyOfClass[c] != 0 && frequencyOfClass[c] != freq) {
                throw new IllegalStateException("Class " + c + " holds items of different frequencies of " + term);
            }
            frequencyOfClass[c] = freq;
        }
        StringBuilder out = new StringBuilder(frequencyOfClass.length + 2).append('"');
        for (int c = 0; c < frequencyOfClass.length; c++) {
            Varints.append(out, frequencyOfClass[c]);
        }
        for (int i = 0; i < size; i++) {
            frequencyOfClass[classOfItem[itemAt.applyAsInt(i)]] = 0;
        }
        return out.append('"');
    }

    /**
     * A digest of the classes: which class each item is in, each class's norm, and the least df of a common term.
     * While it stays the same, every posting's class offset and every common term's class list stay the same for
     * the items that did not change.
     */
    String digest() {
        java.security.MessageDigest sha = org.policykb.model.Sha256.digest();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(4 * (classOfItem.length + normOfClass.length + 2));
        bytes.putInt(minDf).putInt(classOfItem.length);
        bytes.asIntBuffer().put(classOfItem);
        bytes.position(bytes.position() + 4 * classOfItem.length);
        bytes.asIntBuffer().put(normOfClass);
        sha.update(bytes.array());
        return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /**
     * The items of every class, ascending: sizes and first items in {@code k/i/<block>}, larger classes whole in
     * {@code k/m/<class>}; and for each type after the first ({@code typeStarts}: the first item of each type, items
     * being numbered by type), {@code k/t/<type>/<block>}: per class 1 + its first item from that type on less the
     * type's first item, where it also has an item before the type's (0 for the rest). A filter that lets through
     * only items of that type or later (a type, a department's tasks, a year's tasks and goals) takes each class from
     * there: where a section and a task are alike (the task is the section's whole text), thousands of such classes tie,
     * and their first items, the sections, would all have to be read to find the first tasks.
     */
    void writeItems(DeflatedJson json, int[] typeStarts) {
        int[] start = new int[sizeOfClass.length + 1];
        for (int c = 0; c < sizeOfClass.length; c++) {
            start[c + 1] = start[c] + sizeOfClass[c];
        }
        int[] items = new int[classOfItem.length];
        int[] at = java.util.Arrays.copyOf(start, sizeOfClass.length);
        for (int item = 0; item < classOfItem.length; item++) {
            items[at[classOfItem[item]]++] = item;
        }
        for (int block = 0; block * BLOCK < sizeOfClass.length; block++) {
            StringBuilder out = new StringBuilder("\"");
            for (int c = block * BLOCK; c < Math.min(sizeOfClass.length, (block + 1) * BLOCK); c++) {
                Varints.append(out, sizeOfClass[c]);
                int previous = 0;
                for (int i = start[c]; i < Math.min(start[c + 1], start[c] + INLINE); i++) {
                    Varints.append(out, items[i] - previous);
                    previous = items[i];
                }
                if (sizeOfClass[c] > INLINE) {
                    json.write("search/k/m/" + c, Varints.ascending(java.util.Arrays.stream(items, start[c], start[c + 1]).iterator()));
                }
            }
            json.write("search/k/i/" + block, out.append('"'));
            for (int type = 1; type < typeStarts.length; type++) {
                StringBuilder from = new StringBuilder("\"");
                for (int c = block * BLOCK; c < Math.min(sizeOfClass.length, (block + 1) * BLOCK); c++) {
                    int first = java.util.Arrays.binarySearch(items, start[c], start[c + 1], typeStarts[type]);
                    first = first >= 0 ? first : -first - 1;
                    boolean mixed = items[start[c]] < typeStarts[type] && first < start[c + 1];
                    Varints.append(from, mixed ? 1 + items[first] - typeStarts[type] : 0);
                }
                json.write("search/k/t/" + type + "/" + block, from.append('"'));
            }
        }
    }

    /**
     * The classes that hold any of {@code items}, ascending ({@link Varints#ascending}): a filter's classes, so that a
     * filtered query of common terms passes over the classes none of whose items the filter lets through without
     * reading their items.
     */
    String classesHolding(java.util.stream.IntStream items) {
        java.util.BitSet holding = new java.util.BitSet(normOfClass.length);
        items.forEach(item -> holding.set(classOfItem[item]));
        return Varints.ascending(holding.stream().iterator());
    }

    /** The classes' entry in meta: their count, the common terms' least df, the file layout and the norms' runs. */
    void appendMeta(StringBuilder out) {
        out.append("{\"count\":").append(normOfClass.length).append(",\"minDf\":").append(minDf)
                .append(",\"block\":").append(BLOCK).append(",\"inline\":").append(INLINE).append(",\"norms\":[");
        int c = 0;
        while (c < normOfClass.length) {
            int end = c;
            while (end < normOfClass.length && normOfClass[end] == normOfClass[c]) {
                end++;
            }
            out.append(c > 0 ? "," : "").append(normOfClass[c]).append(',').append(end - c);
            c = end;
        }
        out.append("]}");
    }
}
