package org.policykb.index;

import org.policykb.model.Goal;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;
import org.policykb.text.WordLeftovers;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What of a knowledge base gets indexed, as {@link IndexedItem}s numbered type by type in document order. Items are
 * made as they are streamed and not kept: their bodies are copies of the documents' text, and at 10,000 documents
 * holding them all at once costs 400 MB of heap.
 */
final class IndexedItems {
    private IndexedItems() {
    }

    /** How many items {@link #stream} gives. */
    static int count(KnowledgeBase kb) {
        return blockStarts(kb)[HitType.values().length * kb.documents().size()];
    }

    /**
     * Every item of {@code kb}, in item-number order when sequential. A parallel stream splits it by blocks (the
     * items of one type of one document), each made in one go.
     */
    static Stream<IndexedItem> stream(KnowledgeBase kb) {
        int[] starts = blockStarts(kb);
        return IntStream.range(0, starts.length - 1).boxed().flatMap(block -> block(kb, starts, block));
    }

    /** The items of the document at {@code position} in {@code kb}, by type; {@code starts} as {@link #blockStarts}. */
    static Stream<IndexedItem> ofDocument(KnowledgeBase kb, int[] starts, int position) {
        int documents = kb.documents().size();
        return IntStream.range(0, HitType.values().length).boxed()
                .flatMap(type -> block(kb, starts, type * documents + position));
    }

    /**
     * What a document's items are made of besides the document itself (which {@code version} names, when known):
     * the first item number of each of its types, and the department ids its tasks' names resolve to across the
     * knowledge base. Two equal keys give equal items, so a document whose key did not change need not have its
     * items made at all. Without a version the key is a digest of the items themselves.
     */
    static String documentKey(KnowledgeBase kb, int[] starts, int position, java.util.Optional<String> version) {
        java.security.MessageDigest sha = org.policykb.model.Sha256.digest();
        if (version.isEmpty()) {
            ofDocument(kb, starts, position).forEach(item -> update(sha, item.contentHash()));
        } else {
            update(sha, IndexedItem.FORMAT);
            update(sha, version.get());
            int documents = kb.documents().size();
            for (int type = 0; type < HitType.values().length; type++) {
                update(sha, Integer.toString(starts[type * documents + position]));
            }
            Map<String, String> ids = kb.departmentIdByName();
            for (Task task : kb.documents().get(position).tasks()) {
                update(sha, task.lead().map(name -> ids.getOrDefault(name, name)).orElse(""));
                task.support().forEach(name -> update(sha, ids.getOrDefault(name, name)));
                update(sha, "\u0001");
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static void update(java.security.MessageDigest sha, String text) {
        sha.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    /** The items of one block: one type of one document. */
    private static Stream<IndexedItem> block(KnowledgeBase kb, int[] starts, int block) {
        List<PolicyDocument> docs = kb.documents();
        PolicyDocument doc = docs.get(block % docs.size());
        int ord = starts[block];
        return switch (HitType.values()[block / docs.size()]) {
            case DOCUMENT -> Stream.of(document(doc, ord));
            case SECTION -> numbered(doc.sections(), ord, (s, n) -> section(doc, s, n));
            case TASK -> {
                Map<String, List<Integer>> years = goalYearsByTask(doc);
                yield numbered(doc.tasks(), ord, (t, n) -> task(kb, doc, t, years.getOrDefault(t.id(), List.of()), n));
            }
            case GOAL -> numbered(doc.goals(), ord, (g, n) -> goal(doc, g, n));
        };
    }

    private static <T> Stream<IndexedItem> numbered(List<T> parts, int first,
                                                    java.util.function.BiFunction<T, Integer, IndexedItem> item) {
        return IntStream.range(0, parts.size()).mapToObj(i -> item.apply(parts.get(i), first + i));
    }

    /**
     * The first item number of each block (type-major, then document), and the item count at the end: the number
     * of a document's items of each type is known without making them.
     */
    static int[] blockStarts(KnowledgeBase kb) {
        List<PolicyDocument> docs = kb.documents();
        HitType[] types = HitType.values();
        int[] starts = new int[types.length * docs.size() + 1];
        int ord = 0;
        for (int t = 0; t < types.length; t++) {
            for (int d = 0; d < docs.size(); d++) {
                starts[t * docs.size() + d] = ord;
                PolicyDocument doc = docs.get(d);
                ord += switch (types[t]) {
                    case DOCUMENT -> 1;
                    case SECTION -> doc.sections().size();
                    case TASK -> doc.tasks().size();
                    case GOAL -> doc.goals().size();
                };
            }
        }
        starts[starts.length - 1] = ord;
        return starts;
    }

    private static IndexedItem document(PolicyDocument doc, int ord) {
        // the body is the preamble only: the rest of the text is indexed once, in the sections
        String preamble = WordLeftovers.remove(doc.root().span().of(doc.text())).strip();
        return new IndexedItem("document/" + doc.id(), HitType.DOCUMENT, ord, doc.meta().title(), doc.meta().title(),
                preamble, SiteUrls.document(doc.id()), doc.id(), doc.meta().title(), doc.meta().kind().code(),
                Optional.empty(), List.of(), List.of());
    }

    private static IndexedItem section(PolicyDocument doc, Section section, int ord) {
        String title = section.title() == null ? "" : section.title();
        String display = (section.number() == null ? "" : section.number()) + title;
        return new IndexedItem("section/" + doc.id() + "#" + section.id(), HitType.SECTION, ord, title,
                display.isBlank() ? doc.meta().title() : display, WordLeftovers.remove(section.span().of(doc.text())).strip(),
                SiteUrls.section(doc.id(), section.id()), doc.id(), doc.meta().title(), doc.meta().kind().code(),
                Optional.empty(), List.of(), List.of());
    }

    /** The distinct years of each task's goals, ascending: a task answers to the years its goals are due. */
    private static Map<String, List<Integer>> goalYearsByTask(PolicyDocument doc) {
        Map<String, TreeSet<Integer>> years = new HashMap<>();
        for (Goal goal : doc.goals()) {
            if (goal.taskId().isPresent() && goal.year().isPresent()) {
                years.computeIfAbsent(goal.taskId().get(), id -> new TreeSet<>()).add(goal.year().get());
            }
        }
        Map<String, List<Integer>> lists = new HashMap<>();
        years.forEach((task, set) -> lists.put(task, List.copyOf(set)));
        return lists;
    }

    private static IndexedItem task(KnowledgeBase kb, PolicyDocument doc, Task task, List<Integer> years, int ord) {
        Optional<String> lead = task.lead().map(name -> kb.departmentIdByName().getOrDefault(name, name));
        // a unit named twice in one clause is one supporter; the lead never supports its own task
        LinkedHashSet<String> support = new LinkedHashSet<>();
        for (String name : task.support()) {
            support.add(kb.departmentIdByName().getOrDefault(name, name));
        }
        lead.ifPresent(support::remove);
        String display = (task.number() == null ? "" : task.number()) + task.title();
        return new IndexedItem("task/" + task.id(), HitType.TASK, ord, task.title(), display, task.text().strip(),
                SiteUrls.task(task.id()), doc.id(), doc.meta().title(), doc.meta().kind().code(), lead,
                List.copyOf(support), years);
    }

    private static IndexedItem goal(PolicyDocument doc, Goal goal, int ord) {
        // a goal's clause is its body; its value is the title, so 「55%」 ranks the goal that states it first
        return new IndexedItem("goal/" + goal.id(), HitType.GOAL, ord, goal.value().orElse(""), goal.text(),
                goal.text(), SiteUrls.goal(goal.id()), doc.id(), doc.meta().title(), doc.meta().kind().code(),
                Optional.empty(), List.of(), goal.year().stream().toList());
    }
}
