package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final int MAX_POSTINGS = 1000;
    private static final int MAX_TEXT_CANDIDATES = 150;
    private static final int MAX_PAIR_CANDIDATES = 60;
    private static final int MAX_DEPARTMENT_CANDIDATES = 20;
    private static final double MIN_SIMILARITY = 0.12;

    /** A related task with what it shares: departments (names) and the similarity of its wording. */
    record Match(Task task, List<String> sharedDepartments, double similarity, double score) {
        Match {
            sharedDepartments = List.copyOf(sharedDepartments);
        }
    }

    private final List<Task> tasks;
    private final List<Department> departmentList;
    private final Map<String, Integer> position = new HashMap<>();
    private final long[][] bigrams;
    private final int[][] departments;
    private final Map<Long, int[]> postings = new HashMap<>();
    private final Map<Long, int[]> pairPostings = new HashMap<>();
    private final int[][] departmentPostings;
    /**
     * Per candidate, the query it was last collected for: de-duplication without a set per query. One per thread,
     * so pages can be rendered in parallel.
     */
    private final ThreadLocal<Stamps> stamps;

    private static final class Stamps {
        final int[] stamp;
        int query;

        Stamps(int size) {
            stamp = new int[size];
        }
    }

    /** How much of a task's text, after its title, is compared. */
    static final int OPENING = 240;

    RelatedTasks(RenderIndex index) {
        this.tasks = index.documents().stream().flatMap(d -> d.tasks().stream()).toList();
        this.departmentList = index.departments();
        Map<String, Integer> ordinal = new HashMap<>();
        for (int i = 0; i < departmentList.size(); i++) {
            ordinal.put(departmentList.get(i).id(), i);
        }
        this.bigrams = new long[tasks.size()][];
        this.departments = new int[tasks.size()][];
        int size = tasks.size();
        this.stamps = ThreadLocal.withInitial(() -> new Stamps(size));
        Map<Long, List<Integer>> lists = new HashMap<>();
        Map<Long, List<Integer>> pairs = new HashMap<>();
        List<List<Integer>> byDepartment = new ArrayList<>();
        departmentList.forEach(d -> byDepartment.add(new ArrayList<>()));
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            position.put(task.id(), i);
            // A task's title and opening say what it is about; the whole text would multiply the postings (and the
            // memory they take at 10,000 documents) for little better matches.
            String text = task.text();
            bigrams[i] = bigrams(task.title() + "\n" + text.substring(0, Math.min(text.length(), OPENING)));
            for (long bigram : bigrams[i]) {
                lists.computeIfAbsent(bigram, k -> new ArrayList<>()).add(i);
            }
            departments[i] = index.departmentsOf(task).stream().mapToInt(d -> ordinal.get(d.id())).sorted().toArray();
            for (int a = 0; a < departments[i].length; a++) {
                byDepartment.get(departments[i][a]).add(i);
                for (int b = a + 1; b < departments[i].length; b++) {
                    pairs.computeIfAbsent(pair(departments[i][a], departments[i][b]), k -> new ArrayList<>()).add(i);
                }
            }
        }
        lists.forEach((key, list) -> postings.put(key, toArray(list)));
        pairs.forEach((key, list) -> pairPostings.put(key, toArray(list)));
        this.departmentPostings = byDepartment.stream().map(RelatedTasks::toArray).toArray(int[][]::new);
    }

    private static long pair(int a, int b) {
        return ((long) a << 32) | b;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    List<Match> of(Task task) {
        Integer self = position.get(task.id());
        if (self == null) {
            return List.of();
        }
        Stamps st = stamps.get();
        int[] stamp = st.stamp;
        int query = ++st.query;
        stamp[self] = query;
        List<Integer> candidates = new ArrayList<>();
        long[] own = bigrams[self];
        Arrays.stream(own).boxed()
                .filter(b -> postings.get(b).length > 1 && postings.get(b).length <= MAX_POSTINGS)
                .sorted(Comparator.comparingInt((Long b) -> postings.get(b).length).thenComparingLong(b -> b))
                .limit(PROBES)
                .forEach(b -> collect(postings.get(b), MAX_TEXT_CANDIDATES - candidates.size(), candidates));
        int[] mine = departments[self];
        // Tasks sharing two departments first, then a few sharing one: a busy department's thousands of tasks
        // never all become candidates.
        for (int a = 0; a < mine.length; a++) {
            for (int b = a + 1; b < mine.length; b++) {
                collect(pairPostings.get(pair(mine[a], mine[b])), MAX_PAIR_CANDIDATES, candidates);
            }
        }
        for (int department : mine) {
            collect(departmentPostings[department], MAX_DEPARTMENT_CANDIDATES, candidates);
        }
        List<Match> matches = new ArrayList<>();
        for (int candidate : candidates) {
            int[] shared = shared(mine, departments[candidate]);
            double similarity = jaccard(own, bigrams[candidate]);
            if (shared.length == 0 && similarity < MIN_SIMILARITY) {
                continue;
            }
            double score = similarity + 0.1 * Math.min(shared.length, 3);
            matches.add(new Match(tasks.get(candidate),
                    Arrays.stream(shared).mapToObj(i -> departmentList.get(i).name()).toList(), similarity, score));
        }
        String documentId = task.documentId();
        matches.sort(Comparator.comparing((Match m) -> m.task().documentId().equals(documentId))
                .thenComparing(Comparator.comparingDouble(Match::score).reversed())
                .thenComparing(m -> m.task().id()));
        return List.copyOf(matches.subList(0, Math.min(LIMIT, matches.size())));
    }

    private void collect(int[] posting, int limit, List<Integer> into) {
        if (posting == null) {
            return;
        }
        Stamps st = stamps.get();
        int[] stamp = st.stamp;
        int query = st.query;
        for (int i = 0; i < posting.length && i < limit; i++) {
            if (stamp[posting[i]] != query) {
                stamp[posting[i]] = query;
                into.add(posting[i]);
            }
        }
    }

    private static int[] shared(int[] a, int[] b) {
        return Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).toArray();
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
