package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Sha256;
import org.policykb.model.Task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Finds, for each task, up to five related tasks: those sharing a department and those worded alike (Jaccard
 * similarity of the bigrams of letters in their title and opening), tasks of other documents first. Candidates
 * come from an inverted index probed with a task's rarest bigrams and from its departments' task lists, both
 * capped, so the cost grows with the number of tasks times a constant rather than with its square.
 *
 * <p>All tasks are compared at once, into a {@link RelatedTaskTable}; a table from an earlier build whose inputs
 * (every task's id, document, departments and bigrams) are the same is reused as it is. The bigrams of a document
 * read from the same source as that table's are not made again: the table keeps a digest of them per document version.
 */
final class RelatedTasks {
    static final int LIMIT = 5;
    /** Changes whenever the way tasks are compared changes, so tables of older builds are not reused. */
    private static final String METHOD = "related-tasks 3";

    /** A related task with what it shares: departments (names) and the similarity of its wording. */
    record Match(Task task, List<String> sharedDepartments, double similarity) {
        Match {
            sharedDepartments = List.copyOf(sharedDepartments);
        }
    }

    private final List<Task> tasks;
    private final List<Department> departmentList;
    private final Map<String, Integer> position = new HashMap<>();
    /** Per task, the ordinals of its departments, sorted. */
    private final int[][] departments;
    private final RelatedTaskTable table;
    /** Per task position, the ordinal of its document; per document ordinal, its first task's position and its version. */
    private final int[] documentOf;
    private final int[] firstTask;
    private final String[] versionOf;
    private final Map<String, Integer> documentOrdinal = new HashMap<>();

    /** How much of a task's text, after its title, is compared. */
    static final int OPENING = 240;

    RelatedTasks(RenderIndex index) {
        this(index, RelatedTaskTable.NONE, id -> java.util.Optional.empty());
    }

    /**
     * The related tasks of the index's tasks: {@code previous} when it was computed from the same inputs.
     *
     * @param versions by document id, what exactly the document was read from, when known: a document read as
     *                 {@code previous} knew it is not taken apart into bigrams again to tell whether it changed
     */
    RelatedTasks(RenderIndex index, RelatedTaskTable previous,
                 java.util.function.Function<String, java.util.Optional<String>> versions) {
        this.tasks = index.documents().stream().flatMap(d -> d.tasks().stream()).toList();
        this.departmentList = index.departments();
        Map<String, Integer> ordinal = new HashMap<>();
        for (int i = 0; i < departmentList.size(); i++) {
            ordinal.put(departmentList.get(i).id(), i);
        }
        int size = tasks.size();
        this.departments = new int[size][];
        for (int i = 0; i < size; i++) {
            Task task = tasks.get(i);
            position.put(task.id(), i);
            List<Department> of = index.departmentsOf(task);
            int[] own = new int[of.size()];
            for (int k = 0; k < own.length; k++) {
                own[k] = ordinal.get(of.get(k).id());
            }
            Arrays.sort(own);
            departments[i] = own;
        }
        List<PolicyDocument> documents = index.documents();
        this.firstTask = new int[documents.size() + 1];
        this.documentOf = new int[size];
        this.versionOf = new String[documents.size()];
        for (int d = 0; d < documents.size(); d++) {
            firstTask[d + 1] = firstTask[d] + documents.get(d).tasks().size();
            Arrays.fill(documentOf, firstTask[d], firstTask[d + 1], d);
            documentOrdinal.put(documents.get(d).id(), d);
            versionOf[d] = versions.apply(documents.get(d).id()).orElse(null);
        }
        long[][] keys = new long[size][];
        String[] wording = new String[documents.size()];
        Map<String, String> wordingByVersion = new java.util.concurrent.ConcurrentHashMap<>();
        IntStream.range(0, documents.size()).parallel().forEach(d -> {
            java.util.Optional<String> version = java.util.Optional.ofNullable(versionOf[d]);
            wording[d] = version.flatMap(previous::wording).orElseGet(() -> {
                for (int i = firstTask[d]; i < firstTask[d + 1]; i++) {
                    keys[i] = bigrams(compared(tasks.get(i)));
                }
                return wording(keys, firstTask[d], firstTask[d + 1]);
            });
            version.ifPresent(v -> wordingByVersion.put(v, wording[d]));
        });
        String inputs = inputs(wording, firstTask);
        if (previous.inputs().equals(inputs) && previous.tasks() == size) {
            // kept as it is, the file too: a document edited since is taken apart again in the next build, which costs
            // little, rather than the whole table written again for the digests of its new version
            this.table = previous;
        } else {
            IntStream.range(0, size).parallel().filter(i -> keys[i] == null)
                    .forEach(i -> keys[i] = bigrams(compared(tasks.get(i))));
            this.table = new Finder(tasks, departments, keys).table(inputs, wordingByVersion);
        }
    }

    /** The table this site's related tasks come from, for the next build to reuse. */
    RelatedTaskTable table() {
        return table;
    }

    /**
     * A task's title and opening say what it is about; the whole text would multiply the postings (and the memory
     * they take at 10,000 documents) for little better matches.
     */
    private static String compared(Task task) {
        String text = task.text();
        return task.title() + "\n" + text.substring(0, Math.min(text.length(), OPENING));
    }

    /** A digest of the bigrams of tasks {@code from} to {@code to}: what the comparison reads of their wording. */
    private static String wording(long[][] keys, int from, int to) {
        MessageDigest sha = Sha256.digest();
        java.nio.ByteBuffer numbers = java.nio.ByteBuffer.allocate(0);
        for (int i = from; i < to; i++) {
            int size = 8 * (keys[i].length + 1);
            if (numbers.capacity() < size) {
                numbers = java.nio.ByteBuffer.allocate(size).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            }
            numbers.clear();
            for (long key : keys[i]) {
                numbers.putLong(key);
            }
            numbers.putLong(-1);
            sha.update(numbers.array(), 0, numbers.position());
        }
        return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /**
     * A digest of everything the comparison reads: the method, the departments, each document's wording, and per
     * task its id, document and departments.
     */
    private String inputs(String[] wording, int[] firstTask) {
        MessageDigest sha = Sha256.digest();
        sha.update(METHOD.getBytes(StandardCharsets.UTF_8));
        departmentList.forEach(d -> text(sha, d.id()));
        for (int d = 0; d < wording.length; d++) {
            text(sha, wording[d]);
            for (int i = firstTask[d]; i < firstTask[d + 1]; i++) {
                text(sha, tasks.get(i).id());
                text(sha, tasks.get(i).documentId());
                for (int department : departments[i]) {
                    text(sha, Integer.toString(department));
                }
                text(sha, "");
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static void text(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    List<Match> of(Task task) {
        Integer self = position.get(task.id());
        if (self == null) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>(table.count(self));
        for (int k = 0; k < table.count(self); k++) {
            int other = table.related(self, k);
            matches.add(new Match(tasks.get(other),
                    Arrays.stream(shared(departments[self], departments[other]))
                            .mapToObj(i -> departmentList.get(i).name()).toList(),
                    table.similarity(self, k)));
        }
        return List.copyOf(matches);
    }

    /**
     * What a task page shows of its related tasks: for each, the version of its document, its place there (which,
     * with the version, is its id and wording) and its likeness; empty when a version is unknown. (The departments
     * they share follow from their documents.) Read from the table alone, without the matches being made.
     */
    java.util.Optional<String> shownOf(Task task) {
        Integer self = position.get(task.id());
        if (self == null) {
            return java.util.Optional.of("");
        }
        StringBuilder out = new StringBuilder();
        return shown(self, out) ? java.util.Optional.of(out.toString()) : java.util.Optional.empty();
    }

    /**
     * What the task pages of a document show of their related tasks, as {@link #shownOf(Task)} for each task in
     * turn; empty when a version is unknown. Every document of a site is asked, in every build.
     */
    java.util.Optional<String> shownOf(PolicyDocument document) {
        Integer d = documentOrdinal.get(document.id());
        if (d == null) {
            return java.util.Optional.of("");
        }
        StringBuilder out = new StringBuilder();
        for (int task = firstTask[d]; task < firstTask[d + 1]; task++) {
            out.append('\u0001');
            if (!shown(task, out)) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(out.toString());
    }

    private boolean shown(int self, StringBuilder out) {
        for (int k = 0; k < table.count(self); k++) {
            int other = table.related(self, k);
            String version = versionOf[documentOf[other]];
            if (version == null) {
                return false;
            }
            out.append('\u0000').append(version).append('/').append(other - firstTask[documentOf[other]]).append('/')
                    .append(Long.toHexString(Double.doubleToLongBits(table.similarity(self, k))));
        }
        return true;
    }

    private static int[] shared(int[] a, int[] b) {
        return Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).toArray();
    }

    /**
     * The comparison of every task with its candidates. Memory matters at tens of thousands of documents: bigrams
     * are numbered (an {@code int} per occurrence, not a boxed or {@code long} key), and only bigrams rare enough to
     * be probed get a postings list — the common ones, which hold most occurrences, are never probed.
     */
    private static final class Finder {
        private static final int PROBES = 24;
        private static final int MAX_POSTINGS = 1000;
        private static final int MAX_TEXT_CANDIDATES = 60;
        private static final int MAX_PAIR_CANDIDATES = 20;
        private static final int MAX_DEPARTMENT_CANDIDATES = 10;
        private static final double MIN_SIMILARITY = 0.12;

        private final List<Task> tasks;
        private final int[][] departments;
        /** Per task, the numbers of its distinct bigrams, sorted. */
        private final int[][] bigrams;
        /** Per bigram number, how many tasks hold it. */
        private final int[] taskCount;
        /** Per bigram number, the tasks holding it, or null when it is too common (or too rare) to probe with. */
        private final int[][] postings;
        private final Map<Long, int[]> pairPostings = new HashMap<>();
        private final int[][] departmentPostings;
        /**
         * Per candidate, the query it was last collected for: de-duplication without a set per query. One per
         * thread, so tasks can be compared in parallel.
         */
        private final ThreadLocal<Stamps> stamps;

        private static final class Stamps {
            final int[] stamp;
            int query;

            Stamps(int size) {
                stamp = new int[size];
            }
        }

        /** Numbers each task's bigram {@code keys}, emptying the array as it goes. */
        Finder(List<Task> tasks, int[][] departments, long[][] keys) {
            this.tasks = tasks;
            this.departments = departments;
            int size = tasks.size();
            this.bigrams = new int[size][];
            this.stamps = ThreadLocal.withInitial(() -> new Stamps(size));
            Map<Long, Integer> numbers = new HashMap<>();
            Map<Long, List<Integer>> pairs = new HashMap<>();
            int departmentCount = Arrays.stream(departments).flatMapToInt(Arrays::stream).max().orElse(-1) + 1;
            List<List<Integer>> byDepartment = new ArrayList<>();
            for (int d = 0; d < departmentCount; d++) {
                byDepartment.add(new ArrayList<>());
            }
            for (int i = 0; i < size; i++) {
                bigrams[i] = numbered(keys[i], numbers);
                keys[i] = null; // consumed: at 10,000 documents the keys are 190 MB, as much again as their numbers
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

        /** Every task's related tasks, compared in parallel. */
        RelatedTaskTable table(String inputs, Map<String, String> wordingByVersion) {
            int size = tasks.size();
            int[][] related = new int[size][];
            double[][] similarity = new double[size][];
            IntStream.range(0, size).parallel().forEach(i -> find(i, related, similarity));
            int[] start = new int[size + 1];
            for (int i = 0; i < size; i++) {
                start[i + 1] = start[i] + related[i].length;
            }
            int[] flatRelated = new int[start[size]];
            double[] flatSimilarity = new double[start[size]];
            for (int i = 0; i < size; i++) {
                System.arraycopy(related[i], 0, flatRelated, start[i], related[i].length);
                System.arraycopy(similarity[i], 0, flatSimilarity, start[i], similarity[i].length);
            }
            return new RelatedTaskTable(inputs, start, flatRelated, flatSimilarity, wordingByVersion);
        }

        private boolean probeable(int bigram) {
            return taskCount[bigram] > 1 && taskCount[bigram] <= MAX_POSTINGS;
        }

        private static long pair(int a, int b) {
            return ((long) a << 32) | b;
        }

        /** Task {@code self}'s related tasks, best first, into {@code related[self]} and {@code similarity[self]}. */
        private void find(int self, int[][] related, double[][] similarityOut) {
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
            // Score every candidate with numbers alone.
            int kept = 0;
            int[] order = new int[candidates.size];
            double[] similarity = new double[candidates.size];
            double[] score = new double[candidates.size];
            String documentId = tasks.get(self).documentId();
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
            int shown = Math.min(LIMIT, kept);
            related[self] = new int[shown];
            similarityOut[self] = new double[shown];
            for (int k = 0; k < shown; k++) {
                related[self][k] = candidates.tasks[best[k]];
                similarityOut[self][k] = similarity[best[k]];
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

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
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

    /**
     * The distinct bigrams of letters, sorted; digits, punctuation and spaces break the runs. Figures say how much,
     * not what about: two tasks due in the same year are not alike for it, and a changed target leaves a task's
     * relations as they were.
     */
    static long[] bigrams(String text) {
        long[] out = new long[Math.max(0, text.length() - 1)];
        int n = 0;
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                if (previous >= 0) {
                    out[n++] = ((long) previous << 32) | cp;
                }
                previous = cp;
            } else {
                previous = -1;
            }
        }
        // sorted and deduplicated in place: a stream's distinct() boxes every bigram, for every task of every build
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[i] != out[distinct - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /** The Jaccard similarity of two texts' bigrams, as tasks are compared. */
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
