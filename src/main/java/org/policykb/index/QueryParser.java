package org.policykb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns query text into {@link QueryPart}s with the same analyzer the index was built with, so that
 * 教体局 becomes the phrase 「教体 体局」 and 局体教区 the phrase 「局体 体教 教区」, which nothing contains.
 */
public final class QueryParser {
    private final Analyzer analyzer;

    public QueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public List<QueryPart> parse(String query) {
        List<QueryPart> parts = new ArrayList<>();
        List<String> bigrams = new ArrayList<>();
        String unigram = null;
        int runEnd = -1;
        try (TokenStream stream = analyzer.tokenStream(SearchFields.BODY, query)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = type.type();
                boolean cjk = t.equals(CJKBigramFilter.SINGLE_TYPE) || t.equals(CJKBigramFilter.DOUBLE_TYPE);
                boolean continuesRun = cjk && offset.startOffset() < runEnd;
                if (!continuesRun && t.equals(CJKBigramFilter.SINGLE_TYPE) && offset.startOffset() == runEnd) {
                    continuesRun = true; // the next unigram of the same run
                }
                if (!continuesRun) {
                    flush(parts, bigrams, unigram);
                    bigrams.clear();
                    unigram = null;
                }
                if (t.equals(CJKBigramFilter.DOUBLE_TYPE)) {
                    bigrams.add(term.toString());
                } else if (cjk) {
                    if (unigram == null) {
                        unigram = term.toString();
                    }
                    runEnd = offset.endOffset();
                } else {
                    parts.add(new QueryPart(List.of(term.toString())));
                    runEnd = -1;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse the query " + query, e);
        }
        flush(parts, bigrams, unigram);
        return List.copyOf(parts);
    }

    private static void flush(List<QueryPart> parts, List<String> bigrams, String unigram) {
        if (!bigrams.isEmpty()) {
            parts.add(new QueryPart(bigrams));
        } else if (unigram != null) {
            parts.add(new QueryPart(List.of(unigram)));
        }
    }
}
