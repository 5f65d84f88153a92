package org.policykb.index;

import java.util.List;
import java.util.Optional;

/**
 * One ranked hit. {@code url} is relative to the site root and comes from {@code SiteUrls}; {@code lead} and
 * {@code support} are department ids (tasks only); {@code documentKind} is the code of its document's kind and
 * {@code years} the goal years it answers to (a goal's own, the distinct years of a task's goals).
 */
public record SearchHit(String id, HitType type, String title, String url, String documentId, String documentTitle,
                        float score, Snippet snippet, Optional<String> lead, List<String> support,
                        String documentKind, List<Integer> years) {
    public SearchHit {
        support = List.copyOf(support);
        years = List.copyOf(years);
    }
}
