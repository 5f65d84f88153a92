package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds, for each task, up to five related tasks: those sharing a department and those worded alike (Jaccard
 * similarity of character bigrams), tasks of other documents first. Candidates come from an inverted index
 * probed with a task's rarest bigrams and from its departments' task lists, both capped, so the cost grows
 * with the number of tasks times a constant rather than with its square.
 */
final class RelatedTasks {
    static final int LIMIT = 5;
    private static final int PROBES = 24;
    private static final int MAX_POSTINGS = 400;
    private static final int MAX_DEPARTMENT_CANDIDATES = 200;
    private static final double MIN_SIMILARITY = 0.12;

    /** A related task with what it shares: departments (names) and the similarity of its wording. */
    record Match(Task task, List<String> sharedDepartments, double similarity, double score) {
        Match {
            sharedDepartments = List.copyOf(sharedDepartments);
        }
    }

    private final RenderIndex index;
    private final List<Task> tasks;
    private final Map<String, Integer> position = new HashMap<>();
    private final long[][] bigrams;
    private final Map<Long, int[]> postings = new HashMap<>();

    RelatedTasks(RenderIndex index) {
        this.index = index;
        this.tasks = index.documents().stream().flatMap(d -> d.tasks().stream()).toList();
        this.bigrams = new long[tasks.size()][];
        Map<Long, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            position.put(task.id(), i);
            bigrams[i] = bigrams(task.title() + "\n" + task.text());
            for (long bigram : bigrams[i]) {
                lists.computeIfAbsent(bigram, k -> new ArrayList<>()).add(i);
            }
        }
        lists.forEach((bigram, list) -> postings.put(bigram, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    List<Match> of(Task task) {
        Integer self = position.get(task.id());
        if (self == null) {
            return List.of();
        }
        Set<Integer> candidates = new TreeSet<>();
        long[] own = bigrams[self];
        Arrays.stream(own).boxed()
                .filter(b -> postings.get(b).length > 1 && postings.get(b).length <= MAX_POSTINGS)
                .sorted(Comparator.comparingInt((Long b) -> postings.get(b).length).thenComparingLong(b -> b))
                .limit(PROBES)
                .forEach(b -> Arrays.stream(postings.get(b)).forEach(candidates::add));
        List<Department> departments = index.departmentsOf(task);
        for (Department department : departments) {
            department.leadTasks().stream().limit(MAX_DEPARTMENT_CANDIDATES).map(position::get)
                    .filter(java.util.Objects::nonNull).forEach(candidates::add);
            department.supportTasks().stream().limit(MAX_DEPARTMENT_CANDIDATES).map(position::get)
                    .filter(java.util.Objects::nonNull).forEach(candidates::add);
        }
        candidates.remove(self);
        Set<String> ownDepartments = new LinkedHashSet<>();
        departments.forEach(d -> ownDepartments.add(d.id()));
        List<Match> matches = new ArrayList<>();
        for (int candidate : candidates) {
            Task other = tasks.get(candidate);
            List<String> shared = index.departmentsOf(other).stream()
                    .filter(d -> ownDepartments.contains(d.id())).map(Department::name).toList();
            double similarity = jaccard(own, bigrams[candidate]);
            if (shared.isEmpty() && similarity < MIN_SIMILARITY) {
                continue;
            }
            double score = similarity + 0.1 * Math.min(shared.size(), 3);
            matches.add(new Match(other, shared, similarity, score));
        }
        String documentId = task.documentId();
        matches.sort(Comparator.comparing((Match m) -> m.task().documentId().equals(documentId))
                .thenComparing(Comparator.comparingDouble(Match::score).reversed())
                .thenComparing(m -> m.task().id()));
        return List.copyOf(matches.subList(0, Math.min(LIMIT, matches.size())));
    }

    /** The distinct bigrams of letters and digits, sorted; punctuation and spaces break the runs. */
    static long[] bigrams(String text) {
        TreeSet<Long> out = new TreeSet<>();
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (previous >= 0) {
                    out.add(((long) previous << 32) | cp);
                }
                previous = cp;
            } else {
                previous = -1;
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** |A ∩ B| / |A ∪ B| of two sorted arrays. */
    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
