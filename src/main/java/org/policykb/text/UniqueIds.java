package org.policykb.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out ids within one document: the first thing named {@code base} gets {@code base}, later ones
 * {@code base-2}, {@code base-3} … in the order they are claimed. Counting on from the last suffix a base got
 * keeps thousands of equal titles linear. One instance per document; not thread-safe.
 */
public final class UniqueIds {
    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> nextSuffix = new HashMap<>();

    public String claim(String base) {
        if (used.add(base)) {
            return base;
        }
        int k = nextSuffix.getOrDefault(base, 2);
        String id;
        while (!used.add(id = base + "-" + k)) {
            k++;
        }
        nextSuffix.put(base, k + 1);
        return id;
    }
}
