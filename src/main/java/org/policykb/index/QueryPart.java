package org.policykb.index;

import java.util.List;

/**
 * One required part of a query: a run of CJK characters becomes the phrase of its bigrams (a lone character
 * becomes its unigram), any other word becomes one term. Parts are ANDed.
 */
public record QueryPart(List<String> terms) {
    public QueryPart {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("A query part needs at least one term");
        }
    }

    public boolean isPhrase() {
        return terms.size() > 1;
    }
}
