package org.policykb.index;

import org.policykb.model.DocumentKind;

import java.util.Optional;

/**
 * One search: free text (may be blank when a filter is given), optional filters, and how many hits to return.
 *
 * @param department a department id, canonical name or alias
 * @param kind       only hits from documents of this kind
 * @param year       only goals due in this year and tasks with such a goal
 */
public record SearchRequest(String query, Optional<String> department, Optional<Role> role, Optional<HitType> type,
                            Optional<DocumentKind> kind, Optional<Integer> year, int limit) {
    public SearchRequest {
        query = query == null ? "" : query;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (role.isPresent() && department.isEmpty()) {
            throw new IllegalArgumentException("--role needs --department");
        }
    }

    /** A search without the kind and year filters. */
    public SearchRequest(String query, Optional<String> department, Optional<Role> role, Optional<HitType> type,
                         int limit) {
        this(query, department, role, type, Optional.empty(), Optional.empty(), limit);
    }

    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    /** True when some filter is set, so a blank query lists what the filters let through. */
    boolean hasFilter() {
        return department.isPresent() || type.isPresent() || kind.isPresent() || year.isPresent();
    }
}
