package org.policykb.index;

import java.util.List;
import java.util.Optional;

/**
 * One ranked hit. {@code url} is relative to the site root and comes from {@code SiteUrls}; {@code lead} and
 * {@code support} are department ids (tasks only).
 */
public record SearchHit(String id, HitType type, String title, String url, String documentId, String documentTitle,
                        float score, Snippet snippet, Optional<String> lead, List<String> support) {
    public SearchHit {
        support = List.copyOf(support);
    }
}
