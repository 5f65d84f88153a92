package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, for each task, up to five related tasks: those sharing a department and those worded alike (Jaccard
 * similarity of character bigrams), tasks of other documents first. Candidates come from an inverted index
 * probed with a task's rarest bigrams and from its departments' task lists, both capped, so the cost grows
 * with the number of tasks times a constant rather than with its square.
 *
 * <p>Memory matters at tens of thousands of documents: bigrams are numbered (an {@code int} per occurrence, not a
 * boxed or {@code long} key), and only bigrams rare enough to be probed get a postings list — the common ones,
 * which hold most occurrences, are never probed, so their lists would be dead weight.
 */
final class RelatedTasks {
    static final int LIMIT = 5;
    private static final int PROBES = 24;
    private static final int MAX_POSTINGS = 1000;
    private static final int MAX_TEXT_CANDIDATES = 60;
    private static final int MAX_PAIR_CANDIDATES = 20;
    private static final int MAX_DEPARTMENT_CANDIDATES = 10;
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
    /** Per task, the numbers of its distinct bigrams, sorted. */
    private final int[][] bigrams;
    /** Per bigram number, how many tasks hold it. */
    private final int[] taskCount;
    /** Per bigram number, the tasks holding it, or null when it is too common (or too rare) to probe with. */
    private final int[][] postings;
    private final int[][] departments;
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
        int size = tasks.size();
        this.bigrams = new int[size][];
        this.departments = new int[size][];
        this.stamps = ThreadLocal.withInitial(() -> new Stamps(size));
        Map<Long, Integer> numbers = new HashMap<>();
        Map<Long, List<Integer>> pairs = new HashMap<>();
        List<List<Integer>> byDepartment = new ArrayList<>();
        departmentList.forEach(d -> byDepartment.add(new ArrayList<>()));
        for (int i = 0; i < size; i++) {
            Task task = tasks.get(i);
            position.put(task.id(), i);
            // A task's title and opening say what it is about; the whole text would multiply the postings (and the
            // memory they take at 10,000 documents) for little better matches.
            String text = task.text();
            bigrams[i] = numbered(bigrams(task.title() + "\n" + text.substring(0, Math.min(text.length(), OPENING))), numbers);
            departments[i] = index.departmentsOf(task).stream().mapToInt(d -> ordinal.get(d.id())).sorted().toArray();
            for (int a = 0; a < departments[i].length; a++) {
                byDepartment.get(departments[i][a]).add(i);
                for (int b = a + 1; b < departments[i].length; b++) {
                    pairs.computeIfAbsent(pair(departments[i][a], departments[i][b]), k -> new ArrayList<>()).add(i);
                }
            }
        }
        this.taskCount = new int[numbers.size()];
        for (int[] own : bigrams) {
            for (int bigram : own) {
                taskCount[bigram]++;
            }
        }
        this.postings = new int[numbers.size()][];
        int[] filled = new int[numbers.size()];
        for (int i = 0; i < size; i++) {
            for (int bigram : bigrams[i]) {
                if (probeable(bigram)) {
                    if (postings[bigram] == null) {
                        postings[bigram] = new int[taskCount[bigram]];
                    }
                    postings[bigram][filled[bigram]++] = i;
                }
            }
        }
        pairs.forEach((key, list) -> pairPostings.put(key, toArray(list)));
        this.departmentPostings = byDepartment.stream().map(RelatedTasks::toArray).toArray(int[][]::new);
    }

    private boolean probeable(int bigram) {
        return taskCount[bigram] > 1 && taskCount[bigram] <= MAX_POSTINGS;
    }

    /** The bigrams as numbers (new ones numbered in the order met, so a build is deterministic), sorted. */
    private static int[] numbered(long[] keys, Map<Long, Integer> numbers) {
        int[] out = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            Integer number = numbers.get(keys[k]);
            if (number == null) {
                number = numbers.size();
                numbers.put(keys[k], number);
            }
            out[k] = number;
        }
        Arrays.sort(out);
        return out;
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
        Candidates candidates = new Candidates(MAX_TEXT_CANDIDATES + MAX_PAIR_CANDIDATES + MAX_DEPARTMENT_CANDIDATES * 2);
        int[] own = bigrams[self];
        for (int bigram : rarest(own)) {
            collect(postings[bigram], MAX_TEXT_CANDIDATES - candidates.size, candidates);
        }
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
        // Score every candidate with numbers alone; only the few that are shown become Matches.
        int kept = 0;
        int[] order = new int[candidates.size];
        double[] similarity = new double[candidates.size];
        double[] score = new double[candidates.size];
        String documentId = task.documentId();
        boolean[] sameDocument = new boolean[candidates.size];
        for (int c = 0; c < candidates.size; c++) {
            int candidate = candidates.tasks[c];
            int sharedCount = sharedCount(mine, departments[candidate]);
            similarity[c] = jaccard(own, bigrams[candidate]);
            if (sharedCount == 0 && similarity[c] < MIN_SIMILARITY) {
                continue;
            }
            score[c] = similarity[c] + 0.1 * Math.min(sharedCount, 3);
            sameDocument[c] = tasks.get(candidate).documentId().equals(documentId);
            order[kept++] = c;
        }
        // other documents first, then by score, then by task id (the order the pages have always shown)
        Integer[] best = new Integer[kept];
        for (int k = 0; k < kept; k++) {
            best[k] = order[k];
        }
        Arrays.sort(best, (x, y) -> {
            int c = Boolean.compare(sameDocument[x], sameDocument[y]);
            if (c == 0) {
                c = Double.compare(score[y], score[x]);
            }
            return c != 0 ? c : tasks.get(candidates.tasks[x]).id().compareTo(tasks.get(candidates.tasks[y]).id());
        });
        List<Match> matches = new ArrayList<>(Math.min(LIMIT, kept));
        for (int k = 0; k < Math.min(LIMIT, kept); k++) {
            int candidate = candidates.tasks[best[k]];
            int[] shared = shared(mine, departments[candidate]);
            matches.add(new Match(tasks.get(candidate),
                    Arrays.stream(shared).mapToObj(i -> departmentList.get(i).name()).toList(),
                    similarity[best[k]], score[best[k]]));
        }
        return List.copyOf(matches);
    }

    /** The candidates of one task, in the order collected, without boxing. */
    private static final class Candidates {
        int[] tasks;
        int size;

        Candidates(int capacity) {
            tasks = new int[capacity];
        }

        void add(int task) {
            if (size == tasks.length) {
                tasks = Arrays.copyOf(tasks, size * 2);
            }
            tasks[size++] = task;
        }
    }

    /** Up to {@link #PROBES} of the task's probe-able bigrams, rarest first (ties by number). */
    private int[] rarest(int[] own) {
        long[] keys = new long[own.length];
        int n = 0;
        for (int bigram : own) {
            if (probeable(bigram)) {
                keys[n++] = ((long) taskCount[bigram] << 32) | bigram;
            }
        }
        Arrays.sort(keys, 0, n);
        int[] out = new int[Math.min(n, PROBES)];
        for (int k = 0; k < out.length; k++) {
            out[k] = (int) keys[k];
        }
        return out;
    }

    private void collect(int[] posting, int limit, Candidates into) {
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

    private static int sharedCount(int[] a, int[] b) {
        int count = 0;
        for (int x : a) {
            if (Arrays.binarySearch(b, x) >= 0) {
                count++;
            }
        }
        return count;
    }

    private static int[] shared(int[] a, int[] b) {
        return Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).toArray();
    }

    /** The distinct bigrams of letters and digits, sorted; punctuation and spaces break the runs. */
    static long[] bigrams(String text) {
        long[] out = new long[Math.max(0, text.length() - 1)];
        int n = 0;
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (previous >= 0) {
                    out[n++] = ((long) previous << 32) | cp;
                }
                previous = cp;
            } else {
                previous = -1;
            }
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }

    /** The Jaccard similarity of two texts' bigrams, as {@link #of} compares tasks. */
    static double similarity(String a, String b) {
        Map<Long, Integer> numbers = new HashMap<>();
        return jaccard(numbered(bigrams(a), numbers), numbered(bigrams(b), numbers));
    }

    /** |A ∩ B| / |A ∪ B| of two sorted arrays of distinct values. */
    static double jaccard(int[] a, int[] b) {
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
