package org.policykb.index;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an update of the search index changed, item by item: for the items of every document it wrote again, their
 * terms and frequencies before and after, and their norm before. The browser export then redoes the postings of
 * the terms whose lists changed instead of all of them ({@link BrowserIndexExport}). Known only when the update
 * found the content key the index was committed with and wrote few documents; otherwise {@link #UNKNOWN}.
 */
public final class IndexChange {
    /** Nothing is known of what changed: the browser index is made whole. */
    public static final IndexChange UNKNOWN = new IndexChange(null, Map.of(), Map.of());

    /** An item's terms with their frequencies, and its norm ({@code -1} where not known: after the update). */
    record ItemTerms(int norm, Map<String, Integer> freqs) {
    }

    private final String fromKey;
    private final Map<Integer, ItemTerms> before;
    private final Map<Integer, ItemTerms> after;

    /**
     * @param fromKey the content key the index held before the update
     * @param before  by item number, the items the update deleted
     * @param after   by item number, the items the update wrote
     */
    IndexChange(String fromKey, Map<Integer, ItemTerms> before, Map<Integer, ItemTerms> after) {
        this.fromKey = fromKey;
        this.before = Map.copyOf(before);
        this.after = Map.copyOf(after);
    }

    /** The content key of the index before the update, when what changed is known. */
    public Optional<String> fromKey() {
        return Optional.ofNullable(fromKey);
    }

    /** True when the items written again are the items deleted, by number: no other item was renumbered. */
    boolean numbersKept() {
        return fromKey != null && before.keySet().equals(after.keySet());
    }

    /** The highest frequency of a term in an item written by the update (0 when none was). */
    int maxFreq() {
        return after.values().stream().flatMap(i -> i.freqs().values().stream()).mapToInt(Integer::intValue).max()
                .orElse(0);
    }

    /**
     * Whether every item the update wrote again kept its norm and its frequency of every term {@code common} calls
     * common, before or after: then no item changed class ({@link BrowserClasses}). {@code dfAfter} gives a term's
     * live document frequency now; before, it was that less the items that gained the term plus those that lost it.
     */
    boolean keepsClasses(java.util.function.IntUnaryOperator normAfter, java.util.function.ToIntFunction<String> dfAfter,
                         java.util.function.IntPredicate common) {
        if (!numbersKept()) {
            return false;
        }
        Map<String, Integer> shift = new java.util.HashMap<>();
        for (Map.Entry<Integer, ItemTerms> entry : before.entrySet()) {
            ItemTerms old = entry.getValue();
            ItemTerms now = after.get(entry.getKey());
            if (old.norm() != normAfter.applyAsInt(entry.getKey())) {
                return false;
            }
            old.freqs().forEach((term, freq) -> {
                if (!freq.equals(now.freqs().get(term))) {
                    shift.merge(term, now.freqs().containsKey(term) ? 0 : 1, Integer::sum);
                }
            });
            now.freqs().keySet().forEach(term -> {
                if (!old.freqs().containsKey(term)) {
                    shift.merge(term, -1, Integer::sum);
                }
            });
        }
        for (Map.Entry<String, Integer> term : shift.entrySet()) {
            int df = dfAfter.applyAsInt(term.getKey());
            if (common.test(df) || common.test(df + term.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The terms whose postings differ after the update: those whose frequency changed in an item, and every term of
     * an item whose norm changed ({@code normAfter} gives an item's norm now).
     */
    Set<String> changedTerms(java.util.function.IntUnaryOperator normAfter) {
        Set<String> changed = new HashSet<>();
        for (Map.Entry<Integer, ItemTerms> entry : before.entrySet()) {
            ItemTerms old = entry.getValue();
            ItemTerms now = after.getOrDefault(entry.getKey(), new ItemTerms(-1, Map.of()));
            if (old.norm() != normAfter.applyAsInt(entry.getKey())) {
                changed.addAll(old.freqs().keySet());
                changed.addAll(now.freqs().keySet());
                continue;
            }
            old.freqs().forEach((term, freq) -> {
                if (!freq.equals(now.freqs().get(term))) {
                    changed.add(term);
                }
            });
            now.freqs().keySet().forEach(term -> {
                if (!old.freqs().containsKey(term)) {
                    changed.add(term);
                }
            });
        }
        for (Map.Entry<Integer, ItemTerms> entry : after.entrySet()) {
            if (!before.containsKey(entry.getKey())) {
                changed.addAll(entry.getValue().freqs().keySet());
            }
        }
        return changed;
    }
}
