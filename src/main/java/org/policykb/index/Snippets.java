package org.policykb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a snippet around the first match of a query in an item's text. Matches are found with the index's own
 * analyzer (a phrase = its bigrams at consecutive positions), so a snippet marks exactly what the query
 * matched; the browser script cuts its snippets by the same rule: {@link #BEFORE} characters before the first
 * match, {@link #LENGTH} characters in all.
 */
final class Snippets {
    static final int BEFORE = 30;
    static final int LENGTH = 140;

    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Snippet snippet(String text, List<QueryPart> parts) {
        List<Snippet.Highlight> matches = matches(text, parts);
        int start = matches.isEmpty() ? 0 : Math.max(0, matches.getFirst().start() - BEFORE);
        int end = Math.min(text.length(), start + LENGTH);
        if (start > 0 && end - start < LENGTH) {
            start = Math.max(0, end - LENGTH);
        }
        List<Snippet.Highlight> inside = new ArrayList<>();
        int last = start;
        for (Snippet.Highlight m : matches) {
            int s = Math.max(m.start(), last);
            int e = Math.min(m.end(), end);
            if (s < e) {
                inside.add(new Snippet.Highlight(s - start, e - start));
                last = e;
            }
        }
        String cut = text.substring(start, end);
        return new Snippet(cut.replace('\n', ' '), inside);
    }

    /** All matches of all parts, sorted by start; overlapping matches are left to the caller to merge. */
    List<Snippet.Highlight> matches(String text, List<QueryPart> parts) {
        if (parts.isEmpty() || text.isEmpty()) {
            return List.of();
        }
        record Token(int position, int start, int end) {
        }
        Map<String, List<Token>> byTerm = new HashMap<>();
        try (TokenStream stream = analyzer.tokenStream(SearchFields.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                byTerm.computeIfAbsent(term.toString(), k -> new ArrayList<>())
                        .add(new Token(position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse a snippet's text", e);
        }
        List<Snippet.Highlight> out = new ArrayList<>();
        for (QueryPart part : parts) {
            List<String> terms = part.terms();
            for (Token first : byTerm.getOrDefault(terms.getFirst(), List.of())) {
                Token last = first;
                for (int i = 1; i < terms.size() && last != null; i++) {
                    int wanted = first.position() + i;
                    last = byTerm.getOrDefault(terms.get(i), List.of()).stream()
                            .filter(t -> t.position() == wanted).findFirst().orElse(null);
                }
                if (last != null) {
                    out.add(new Snippet.Highlight(first.start(), last.end()));
                }
            }
        }
        out.sort(Comparator.comparingInt(Snippet.Highlight::start).thenComparingInt(Snippet.Highlight::end));
        return out;
    }
}
