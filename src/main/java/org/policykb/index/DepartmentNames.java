package org.policykb.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Suggestions for a department name nobody uses: the canonical names nearest by edit distance. */
final class DepartmentNames {
    private DepartmentNames() {
    }

    static List<String> closest(String name, List<DepartmentEntry> departments, int count) {
        Map<String, Integer> best = new LinkedHashMap<>();
        for (DepartmentEntry d : departments) {
            int distance = distance(name, d.name());
            for (String alias : d.aliases()) {
                distance = Math.min(distance, distance(name, alias));
            }
            best.merge(d.name(), distance, Math::min);
        }
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(count).map(Map.Entry::getKey).toList();
    }

    /** Levenshtein distance over code points; names are short, so the plain two-row table is enough. */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
