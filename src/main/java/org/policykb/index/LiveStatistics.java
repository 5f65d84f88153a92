package org.policykb.index;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.Bits;

import java.io.IOException;

/**
 * BM25's statistics of the searched field over the live items only. Lucene counts a deleted document in its
 * statistics until a merge removes it, and merging the deletions of every update away rewrote the segment of the
 * edited items, hundreds of megabytes for a large site, on every build. Instead the index keeps the deletions and
 * the searcher and the browser export both score with these statistics, which equal those of a fresh index of
 * the same items: an incremental build and a clean one rank alike.
 * <p>
 * The field's total term frequency is the sum of each item's token count, which {@link TokenCount} takes while
 * the item is indexed and the index keeps as a doc value ({@link SearchFields#TOKENS}).
 */
final class LiveStatistics {
    /** The statistics of one field: items with at least one token, and tokens in all. */
    record Field(String name, int docCount, long sumTotalTermFreq) {
        /** Exactly BM25Similarity's average field length. */
        float avgdl() {
            return docCount == 0 ? 1f : (float) (sumTotalTermFreq / (double) docCount);
        }
    }

    private LiveStatistics() {
    }

    /** The searched field's statistics over the live items of {@code reader}. */
    static Field of(IndexReader reader) throws IOException {
        int docCount = 0;
        long sum = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues tokens = leaf.reader().getNumericDocValues(SearchFields.TOKENS);
            Bits live = leaf.reader().getLiveDocs();
            if (tokens == null) {
                continue;
            }
            for (int doc = tokens.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = tokens.nextDoc()) {
                if ((live == null || live.get(doc)) && tokens.longValue() > 0) {
                    docCount++;
                    sum += tokens.longValue();
                }
            }
        }
        return new Field(SearchFields.TEXT, docCount, sum);
    }

    /** How many live items hold {@code term}. */
    static int docFreq(IndexReader reader, Term term) throws IOException {
        int count = 0;
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : reader.leaves()) {
            var terms = leaf.reader().terms(term.field());
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (!iterator.seekExact(term.bytes())) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            if (live == null) {
                count += iterator.docFreq();
                continue;
            }
            postings = iterator.postings(postings, PostingsEnum.NONE);
            count += liveCount(postings, live);
        }
        return count;
    }

    /** How many of the documents {@code postings} lists are {@code live}. */
    static int liveCount(PostingsEnum postings, Bits live) throws IOException {
        int count = 0;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live.get(doc)) {
                count++;
            }
        }
        return count;
    }

    /** A searcher whose BM25 statistics for the searched field are the live ones. */
    static IndexSearcher searcher(IndexReader reader) throws IOException {
        if (!reader.hasDeletions()) {
            return new IndexSearcher(reader); // the index's own statistics are the live ones
        }
        Field live = of(reader);
        return new IndexSearcher(reader) {
            @Override
            public CollectionStatistics collectionStatistics(String field) throws IOException {
                CollectionStatistics all = super.collectionStatistics(field);
                if (!field.equals(SearchFields.TEXT) || all == null || live.docCount() == 0) {
                    return all;
                }
                // BM25 reads docCount and sumTotalTermFreq; sumDocFreq only has to lie between them
                long sumDocFreq = Math.max(live.docCount(), Math.min(all.sumDocFreq(), live.sumTotalTermFreq()));
                return new CollectionStatistics(field, reader.maxDoc(), live.docCount(), live.sumTotalTermFreq(),
                        sumDocFreq);
            }

            @Override
            public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
                if (!term.field().equals(SearchFields.TEXT)) {
                    return super.termStatistics(term, docFreq, totalTermFreq);
                }
                int liveFreq = docFreq(reader, term);
                // a term only deleted items hold matches nothing live, so its statistics score nothing
                return liveFreq == 0 ? super.termStatistics(term, docFreq, totalTermFreq)
                        : new TermStatistics(term.bytes(), liveFreq, Math.max(liveFreq, totalTermFreq));
            }
        };
    }

    /** Counts the tokens the stream it wraps hands to the index. */
    static final class TokenCount extends TokenFilter {
        private int count;

        TokenCount(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            count++;
            return true;
        }

        /** The tokens counted since the stream was last reset. */
        int count() {
            return count;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            count = 0;
        }
    }
}
