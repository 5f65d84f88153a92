package org.policykb.index;

import java.util.List;
import java.util.Optional;

/**
 * The hits of one search, best first, and how many there are in all. When the department filter names no
 * known department, {@code unknownDepartment} holds the name and {@code closestDepartments} the nearest names.
 */
public record SearchResult(int totalHits, List<SearchHit> hits, Optional<String> unknownDepartment,
                           List<String> closestDepartments) {
    public SearchResult {
        hits = List.copyOf(hits);
        closestDepartments = List.copyOf(closestDepartments);
    }

    static SearchResult of(int totalHits, List<SearchHit> hits) {
        return new SearchResult(totalHits, hits, Optional.empty(), List.of());
    }

    static SearchResult unknownDepartment(String name, List<String> closest) {
        return new SearchResult(0, List.of(), Optional.of(name), closest);
    }

    public boolean isEmpty() {
        return hits.isEmpty();
    }
}
