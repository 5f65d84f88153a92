package org.policykb.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.util.BytesRef;
import org.policykb.model.FileReuse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The postings of the browser index brought up to date after an edit, from the last export's state: only the terms
 * whose postings the index update changed are made again, and only their shards written; every other postings file
 * is carried over from the published site. That is exact while nothing else a posting shows or depends on has
 * moved: the item numbers, the live item count (every term's idf), the shards, the classes (each posting's class
 * offset, each common term's class list) and the order of every (frequency, norm) pair under the average length.
 * When any of them has, the postings are made whole ({@link BrowserIndexExport}).
 */
final class PostingsUpdate {
    /** The postings of the changed shards, and what the state now records. */
    record Result(BrowserIndexState.Basis basis, Map<Integer, List<List<BrowserPostings.Entry>>> shards) {
    }

    private PostingsUpdate() {
    }

    /**
     * Writes the changed postings files and shards through {@code write} after keeping the rest by {@code reuse};
     * empty, having written and kept nothing, when the postings must be made whole.
     *
     * @param basis what the postings are made from now (its index key, the update's)
     */
    static Optional<Result> apply(DirectoryReader reader, int[] itemOfDoc, BrowserClasses classes,
                                  LiveStatistics.Field stats, BrowserIndexState.Basis basis, IndexChange change,
                                  Optional<BrowserIndexState> previous, List<String> fieldKeys, FileReuse reuse,
                                  java.util.function.BiConsumer<String, CharSequence> write) throws IOException {
        if (previous.isEmpty() || !change.numbersKept() || fieldKeys.size() != 1) {
            return Optional.empty();
        }
        BrowserIndexState state = previous.get();
        BrowserIndexState.Basis before = state.basis();
        int maxFreq = Math.max(before.maxFreq(), change.maxFreq());
        if (!change.fromKey().orElse("").equals(before.indexKey()) || before.items() != basis.items()
                || before.docCount() != basis.docCount() || before.shardCount() != basis.shardCount()
                || !before.classes().equals(basis.classes()) || before.fieldCount() != basis.fieldCount()
                || !sameOrder(before.avgdl(), basis.avgdl(), maxFreq)) {
            return Optional.empty();
        }
        // the files are held until the published ones are known to be kept: if they cannot be, all is made whole
        List<Map.Entry<String, CharSequence>> made = new ArrayList<>();
        BrowserPostings postings = new BrowserPostings(basis.shardCount(), 1,
                (name, content) -> made.add(Map.entry(name, content)), classes);
        BrowserPostings.Field field = postings.field(reader, 0, SearchFields.TEXT, stats, itemOfDoc);
        if (field == null) {
            return Optional.empty();
        }
        Map<Integer, List<String>> changedByShard = new TreeMap<>();
        for (String term : change.changedTerms(field::norm)) {
            changedByShard.computeIfAbsent(BrowserPostings.shardOf(term, basis.shardCount()), s -> new ArrayList<>()).add(term);
        }
        if (changedByShard.size() > basis.shardCount() / 2) {
            return Optional.empty(); // most shards change: making them whole costs less than merging
        }
        Map<Integer, List<List<BrowserPostings.Entry>>> shards = new TreeMap<>();
        Map<Integer, Set<Integer>> replacedKeys = new HashMap<>();
        for (Map.Entry<Integer, List<String>> shard : changedByShard.entrySet()) {
            Set<Integer> replaced = new java.util.HashSet<>();
            shards.put(shard.getKey(), List.of(merge(state.shard(shard.getKey()).getFirst(),
                    Set.copyOf(shard.getValue()), field, replaced)));
            replacedKeys.put(shard.getKey(), replaced);
        }
        if (!reuse.keepAll(BrowserIndexExport.FOLDER, path -> kept(path, replacedKeys))) {
            return Optional.empty();
        }
        made.forEach(file -> write.accept(file.getKey(), file.getValue()));
        shards.forEach((shard, entries) -> BrowserPostings.writeShard(shard, entries, fieldKeys, write));
        return Optional.of(new Result(new BrowserIndexState.Basis(basis.indexKey(), basis.items(), basis.docCount(),
                basis.avgdl(), Math.max(maxFreq, postings.maxFreq()), basis.shardCount(), basis.classes(),
                basis.fieldCount()), shards));
    }

    /**
     * The classes of the last export when they are still exact: the update started from the index that export was
     * made from, numbered no item anew, and changed no item's norm or frequency of a term common before or after.
     * Working them out again reads the postings of every common term.
     */
    static Optional<BrowserClasses> classes(DirectoryReader reader, int[] itemOfDoc, int items, IndexChange change,
                                            Optional<BrowserIndexState> previous) throws IOException {
        if (previous.isEmpty() || previous.get().basis().items() != items
                || !change.fromKey().orElse("").equals(previous.get().basis().indexKey())) {
            return Optional.empty();
        }
        BrowserClasses classes = previous.get().classes();
        int[] normOfItem = BrowserPostings.normOfItem(reader, SearchFields.TEXT, itemOfDoc, items);
        java.util.function.ToIntFunction<String> df = term -> {
            try {
                return LiveStatistics.docFreq(reader, new org.apache.lucene.index.Term(SearchFields.TEXT, term));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return change.keepsClasses(item -> normOfItem[item], df, classes::covers) ? Optional.of(classes) : Optional.empty();
    }

    /**
     * A shard's entries with those of the {@code changed} terms made again from the index, in term order. The paged
     * terms of a shard are numbered in term order, so when a changed term gains or loses further pages, the paged
     * terms after it are made again under their new keys. The keys whose files are not kept go to {@code replaced}.
     */
    private static List<BrowserPostings.Entry> merge(List<BrowserPostings.Entry> entries, Set<String> changed,
                                                     BrowserPostings.Field field, Set<Integer> replaced)
            throws IOException {
        TreeMap<BytesRef, BrowserPostings.Entry> byTerm = new TreeMap<>();
        for (BrowserPostings.Entry entry : entries) {
            byTerm.put(new BytesRef(entry.term()), entry);
        }
        for (String term : changed) {
            byTerm.putIfAbsent(new BytesRef(term), null);
        }
        List<BrowserPostings.Entry> merged = new ArrayList<>();
        int key = 0;
        for (Map.Entry<BytesRef, BrowserPostings.Entry> at : byTerm.entrySet()) {
            BrowserPostings.Entry old = at.getValue();
            String term = at.getKey().utf8ToString();
            BrowserPostings.Entry now = old;
            if (changed.contains(term) || (old.paged() && old.key() != key)) {
                now = field.entry(term, key);
                if (old != null && old.paged()) {
                    replaced.add(old.key());
                }
            }
            if (now != null) {
                merged.add(now);
                key += now.paged() ? 1 : 0;
            }
        }
        return merged;
    }

    /**
     * Whether a published file of the browser index is kept: a shard that did not change, or a further page or class
     * list of a term whose key stayed. Everything else under the folder is made by the export again.
     */
    private static boolean kept(String path, Map<Integer, Set<Integer>> replacedKeys) {
        if (!path.endsWith(DeflatedJson.SUFFIX)) {
            return false;
        }
        String name = path.substring(BrowserIndexExport.FOLDER.length(), path.length() - DeflatedJson.SUFFIX.length());
        String[] parts = name.split("/");
        if (parts.length == 2 && (parts[0].equals("s") || parts[0].equals("sc"))) {
            return number(parts[1]).filter(shard -> !replacedKeys.containsKey(shard)).isPresent();
        }
        if (parts.length != 3 || !(parts[0].equals("p") || parts[0].equals("k"))) {
            return false;
        }
        Optional<Integer> shard = number(parts[1]);
        int dash = parts[2].indexOf('-');
        Optional<Integer> key = number(parts[0].equals("p") && dash > 0 ? parts[2].substring(0, dash) : parts[2]);
        if (shard.isEmpty() || key.isEmpty()) {
            return false; // k/i/..., k/m/..., k/t/...: the classes' files, made again
        }
        return !replacedKeys.getOrDefault(shard.get(), Set.of()).contains(key.get());
    }

    private static Optional<Integer> number(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    /**
     * Whether every (frequency, norm) pair of postings, frequencies up to {@code maxFreq}, sorts the same under both
     * average lengths, ties included: then every list, sorted by freq × 1/norm and item number, is in the same order.
     */
    static boolean sameOrder(float avgdl, float otherAvgdl, int maxFreq) {
        if (Float.floatToIntBits(avgdl) == Float.floatToIntBits(otherAvgdl)) {
            return true;
        }
        float[] before = BrowserPostings.normInverse(avgdl);
        float[] after = BrowserPostings.normInverse(otherAvgdl);
        int pairs = 256 * Math.max(1, maxFreq);
        long[] order = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            int freq = i / 256 + 1;
            order[i] = ((long) Float.floatToIntBits(freq * before[i % 256]) << 32) | i;
        }
        java.util.Arrays.sort(order);
        for (int i = 1; i < pairs; i++) {
            int a = (int) order[i - 1];
            int b = (int) order[i];
            float beforeA = (a / 256 + 1) * before[a % 256];
            float beforeB = (b / 256 + 1) * before[b % 256];
            float afterA = (a / 256 + 1) * after[a % 256];
            float afterB = (b / 256 + 1) * after[b % 256];
            if (Float.compare(beforeA, beforeB) != Float.compare(afterA, afterB)) {
                return false;
            }
        }
        return true;
    }
}
