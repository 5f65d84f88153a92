package org.policykb.index;

import java.util.Optional;

/**
 * One search: free text (may be blank when a filter is given), optional filters, and how many hits to return.
 *
 * @param department a department id, canonical name or alias
 */
public record SearchRequest(String query, Optional<String> department, Optional<Role> role, Optional<HitType> type,
                            int limit) {
    public SearchRequest {
        query = query == null ? "" : query;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (role.isPresent() && department.isEmpty()) {
            throw new IllegalArgumentException("--role needs --department");
        }
    }

    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
}
