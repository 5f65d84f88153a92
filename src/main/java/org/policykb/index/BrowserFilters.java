package org.policykb.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.policykb.model.DocumentKind;
import org.policykb.model.OutputFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The document-kind and goal-year filters of the browser index, each a file of the items it lets through:
 * {@code kind/<code>} as flat {@code [start, end, …]} item ranges (items are numbered by type, then document,
 * so a document's items of one type are one range) and {@code year/<YYYY>} as the ascending item numbers of
 * the goals due that year and the tasks with such a goal, both as {@link Varints#ascending} strings. The script fetches one of them for a filter, all of
 * them only to count the facets, never for a plain query. Read from the index's terms and doc values, as the
 * searcher filters on them, so both sides let through the same items. Beside each, {@code kc/k/<code>} and
 * {@code kc/y/<YYYY>} are the classes holding such items ({@link BrowserClasses#classesHolding}).
 */
final class BrowserFilters {
    private final Map<String, BitSet> kinds;
    private final Map<Integer, BitSet> years;

    private BrowserFilters(Map<String, BitSet> kinds, Map<Integer, BitSet> years) {
        this.kinds = kinds;
        this.years = years;
    }

    static BrowserFilters of(DirectoryReader reader, int[] itemOfDoc) throws IOException {
        return new BrowserFilters(kinds(reader, itemOfDoc), years(reader, itemOfDoc));
    }

    /** The kind codes present, in the order of {@link DocumentKind} (codes it does not know last). */
    List<String> kindCodes() {
        return List.copyOf(kinds.keySet());
    }

    /** The goal years present, ascending. */
    List<Integer> yearList() {
        return List.copyOf(years.keySet());
    }

    void write(DeflatedJson json, BrowserClasses classes) {
        kinds.forEach((code, items) -> {
            json.write("search/kind/" + code, ranges(items));
            json.write("search/kc/k/" + code, classes.classesHolding(items.stream()));
        });
        years.forEach((year, items) -> {
            json.write("search/year/" + year, list(items));
            json.write("search/kc/y/" + year, classes.classesHolding(items.stream()));
        });
    }

    private static Map<String, BitSet> kinds(DirectoryReader reader, int[] itemOfDoc) throws IOException {
        Map<String, BitSet> kinds = new TreeMap<>(Comparator.comparingInt(BrowserFilters::kindOrder)
                .thenComparing(Comparator.naturalOrder()));
        Terms terms = MultiTerms.getTerms(reader, SearchFields.DOCUMENT_KIND);
        if (terms == null) {
            return kinds;
        }
        Bits live = MultiBits.getLiveDocs(reader);
        TermsEnum iterator = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
            postings = iterator.postings(postings, PostingsEnum.NONE);
            BitSet items = new BitSet();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    items.set(itemOfDoc[doc]);
                }
            }
            if (!items.isEmpty()) {
                kinds.put(term.utf8ToString(), items);
            }
        }
        return kinds;
    }

    private static int kindOrder(String code) {
        return DocumentKind.fromCode(code).map(Enum::ordinal).orElse(DocumentKind.values().length);
    }

    private static Map<Integer, BitSet> years(DirectoryReader reader, int[] itemOfDoc) throws IOException {
        Map<Integer, BitSet> years = new TreeMap<>();
        SortedNumericDocValues values = MultiDocValues.getSortedNumericValues(reader, SearchFields.YEAR);
        if (values == null) {
            return years;
        }
        Bits live = MultiBits.getLiveDocs(reader);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            if (live == null || live.get(doc)) {
                for (int i = 0; i < values.docValueCount(); i++) {
                    years.computeIfAbsent((int) values.nextValue(), y -> new BitSet()).set(itemOfDoc[doc]);
                }
            }
        }
        return years;
    }

    /** The items as flat [start, end) ranges, ascending ({@link Varints#ascending}): a kind's items come in runs. */
    static String ranges(BitSet items) {
        java.util.stream.IntStream.Builder bounds = java.util.stream.IntStream.builder();
        int start = items.nextSetBit(0);
        while (start >= 0) {
            int end = items.nextClearBit(start);
            bounds.add(start).add(end);
            start = items.nextSetBit(end);
        }
        return Varints.ascending(bounds.build().iterator());
    }

    private static String list(BitSet items) {
        return Varints.ascending(items.stream().iterator());
    }
}
