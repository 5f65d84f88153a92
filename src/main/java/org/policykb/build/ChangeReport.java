package org.policykb.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two builds: documents added, changed and removed; tasks added, removed, moved (renumbered:
 * same text under a new number) or given to another department; goals whose value or year changed
 * (「普惠性幼儿园覆盖率 80% → 90%」). A task whose title was edited gets a new id: {@code movedTaskIds} maps its old
 * id to the new one, found by matching the task's text, so that the old URL can redirect.
 */
public record ChangeReport(List<Change> changes, Map<String, String> movedTaskIds) {
    public ChangeReport {
        changes = List.copyOf(changes);
        movedTaskIds = Map.copyOf(movedTaskIds);
    }

    /** One line of the report. {@code subject} is the id of what changed, {@code document} its document's id. */
    public record Change(Kind kind, String document, String subject, String description) {
    }

    public enum Kind {
        DOCUMENT_ADDED("新增文件"), DOCUMENT_CHANGED("修改文件"), DOCUMENT_REMOVED("删除文件"),
        TASK_ADDED("新增任务"), TASK_REMOVED("删除任务"), TASK_MOVED("任务调整编号"), TASK_REASSIGNED("任务调整部门"),
        TASK_EDITED("任务内容修改"), GOAL_CHANGED("目标调整"), GOAL_ADDED("新增目标"), GOAL_REMOVED("删除目标");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** The plain summary the build prints. */
    public String summary() {
        if (changes.isEmpty()) {
            return "no changes since the last build";
        }
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        StringBuilder out = new StringBuilder("changes since the last build:");
        counts.forEach((k, n) -> out.append(' ').append(k.label()).append(' ').append(n).append(';'));
        changes.stream().filter(c -> c.kind() == Kind.GOAL_CHANGED || c.kind() == Kind.TASK_REASSIGNED).limit(20)
                .forEach(c -> out.append("\n  ").append(c.kind().label()).append(": ").append(c.description()));
        return out.toString();
    }

    static ChangeReport between(KnowledgeSummary before, KnowledgeSummary after) {
        List<Change> changes = new ArrayList<>();
        Map<String, KnowledgeSummary.DocumentEntry> oldDocs = byKey(before.documents(), KnowledgeSummary.DocumentEntry::id);
        Map<String, KnowledgeSummary.DocumentEntry> newDocs = byKey(after.documents(), KnowledgeSummary.DocumentEntry::id);
        Set<String> changedDocs = new HashSet<>();
        for (KnowledgeSummary.DocumentEntry d : after.documents()) {
            KnowledgeSummary.DocumentEntry old = oldDocs.get(d.id());
            if (old == null) {
                changes.add(new Change(Kind.DOCUMENT_ADDED, d.id(), d.id(), d.title()));
            } else if (!old.hash().equals(d.hash())) {
                changes.add(new Change(Kind.DOCUMENT_CHANGED, d.id(), d.id(), d.title()));
                changedDocs.add(d.id());
            }
        }
        for (KnowledgeSummary.DocumentEntry d : before.documents()) {
            if (!newDocs.containsKey(d.id())) {
                changes.add(new Change(Kind.DOCUMENT_REMOVED, d.id(), d.id(), d.title()));
            }
        }
        Map<String, String> moved = tasks(before, after, changedDocs, newDocs.keySet(), oldDocs.keySet(), changes);
        goals(before, after, changedDocs, changes);
        return new ChangeReport(changes, moved);
    }

    /**
     * Pairs each changed document's old tasks with its new ones: the same title first, else the most similar text
     * (character bigrams), preferring the same id on a tie. A pair under another id is a renumbered (moved) task.
     */
    private static Map<String, String> tasks(KnowledgeSummary before, KnowledgeSummary after, Set<String> changedDocs,
                                             Set<String> newDocIds, Set<String> oldDocIds, List<Change> changes) {
        Map<String, String> moved = new LinkedHashMap<>();
        Map<String, List<KnowledgeSummary.TaskEntry>> oldByDoc = new LinkedHashMap<>();
        Map<String, List<KnowledgeSummary.TaskEntry>> newByDoc = new LinkedHashMap<>();
        before.tasks().forEach(t -> oldByDoc.computeIfAbsent(t.document(), k -> new ArrayList<>()).add(t));
        after.tasks().forEach(t -> newByDoc.computeIfAbsent(t.document(), k -> new ArrayList<>()).add(t));
        for (String doc : changedDocs) {
            List<KnowledgeSummary.TaskEntry> olds = oldByDoc.getOrDefault(doc, List.of());
            List<KnowledgeSummary.TaskEntry> news = newByDoc.getOrDefault(doc, List.of());
            record Pair(KnowledgeSummary.TaskEntry old, KnowledgeSummary.TaskEntry now, double score) {
            }
            List<Pair> candidates = new ArrayList<>();
            // each task's bigrams once, not once for every task it is compared with
            Map<KnowledgeSummary.TaskEntry, Set<String>> bigrams = new java.util.IdentityHashMap<>();
            olds.forEach(o -> bigrams.put(o, bigrams(o.opening())));
            news.forEach(n -> bigrams.put(n, bigrams(n.opening())));
            for (KnowledgeSummary.TaskEntry o : olds) {
                for (KnowledgeSummary.TaskEntry n : news) {
                    double score = similarity(o, n, bigrams) + (o.id().equals(n.id()) ? 0.001 : 0);
                    if (score >= 0.6) {
                        candidates.add(new Pair(o, n, score));
                    }
                }
            }
            candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
            Set<String> pairedOld = new HashSet<>();
            Set<String> pairedNew = new HashSet<>();
            for (Pair p : candidates) {
                if (pairedOld.contains(p.old().id()) || pairedNew.contains(p.now().id())) {
                    continue;
                }
                pairedOld.add(p.old().id());
                pairedNew.add(p.now().id());
                KnowledgeSummary.TaskEntry o = p.old();
                KnowledgeSummary.TaskEntry n = p.now();
                if (!o.id().equals(n.id())) {
                    moved.put(o.id(), n.id()); // its title changed, so its URL did: the old one must redirect
                }
                if (!Objects.equals(o.number(), n.number())) {
                    changes.add(new Change(Kind.TASK_MOVED, doc, n.id(), number(o) + " → " + number(n) + " " + n.title()));
                }
                if (!Objects.equals(o.lead(), n.lead()) || !o.support().equals(n.support())) {
                    changes.add(new Change(Kind.TASK_REASSIGNED, doc, n.id(), n.title() + "：" + who(o) + " → " + who(n)));
                } else if (!o.textDigest().equals(n.textDigest())) {
                    changes.add(new Change(Kind.TASK_EDITED, doc, n.id(), n.title()));
                }
            }
            olds.stream().filter(o -> !pairedOld.contains(o.id()))
                    .forEach(o -> changes.add(new Change(Kind.TASK_REMOVED, doc, o.id(), o.title())));
            news.stream().filter(n -> !pairedNew.contains(n.id()))
                    .forEach(n -> changes.add(new Change(Kind.TASK_ADDED, doc, n.id(), n.title())));
        }
        for (KnowledgeSummary.TaskEntry t : after.tasks()) {
            if (!oldDocIds.contains(t.document())) {
                changes.add(new Change(Kind.TASK_ADDED, t.document(), t.id(), t.title()));
            }
        }
        for (KnowledgeSummary.TaskEntry t : before.tasks()) {
            if (!newDocIds.contains(t.document())) {
                changes.add(new Change(Kind.TASK_REMOVED, t.document(), t.id(), t.title()));
            }
        }
        return moved;
    }

    private static double similarity(KnowledgeSummary.TaskEntry a, KnowledgeSummary.TaskEntry b,
                                     Map<KnowledgeSummary.TaskEntry, Set<String>> bigrams) {
        if (a.title() != null && a.title().equals(b.title())) {
            return 1.0;
        }
        Set<String> x = bigrams.get(a);
        Set<String> y = bigrams.get(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> smaller = x.size() <= y.size() ? x : y;
        Set<String> larger = smaller == x ? y : x;
        long common = smaller.stream().filter(larger::contains).count();
        return (double) common / (x.size() + y.size() - common);
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }

    private static void goals(KnowledgeSummary before, KnowledgeSummary after, Set<String> changedDocs, List<Change> changes) {
        Map<String, List<KnowledgeSummary.GoalEntry>> oldByShape = new HashMap<>();
        for (KnowledgeSummary.GoalEntry g : before.goals()) {
            if (changedDocs.contains(g.document())) {
                oldByShape.computeIfAbsent(g.document() + "\u0000" + shape(g.text()), k -> new ArrayList<>()).add(g);
            }
        }
        for (KnowledgeSummary.GoalEntry g : after.goals()) {
            if (!changedDocs.contains(g.document())) {
                continue;
            }
            List<KnowledgeSummary.GoalEntry> candidates = oldByShape.get(g.document() + "\u0000" + shape(g.text()));
            if (candidates == null || candidates.isEmpty()) {
                changes.add(new Change(Kind.GOAL_ADDED, g.document(), g.id(), g.text()));
                continue;
            }
            KnowledgeSummary.GoalEntry old = candidates.remove(0);
            if (!Objects.equals(old.value(), g.value()) || !Objects.equals(old.year(), g.year())) {
                changes.add(new Change(Kind.GOAL_CHANGED, g.document(), g.id(), describe(old, g)));
            }
        }
        oldByShape.values().forEach(left -> left.forEach(g -> changes.add(new Change(Kind.GOAL_REMOVED, g.document(), g.id(), g.text()))));
    }

    /** 「普惠性幼儿园覆盖率 80% → 90%」: the goal's words with the value before and after. */
    private static String describe(KnowledgeSummary.GoalEntry old, KnowledgeSummary.GoalEntry now) {
        String subject = now.value() != null ? now.text().substring(0, Math.max(0, now.text().indexOf(now.value())))
                .replaceAll("(?:达到|提高到|提升至|提高至|超过|不低于|不少于)$", "") : now.text();
        StringBuilder out = new StringBuilder(subject.isBlank() ? now.text() : subject.strip());
        if (!Objects.equals(old.value(), now.value())) {
            out.append(' ').append(old.value()).append(" → ").append(now.value());
        }
        if (!Objects.equals(old.year(), now.year())) {
            out.append(' ').append(old.year() == null ? "无期限" : old.year() + "年").append(" → ")
                    .append(now.year() == null ? "无期限" : now.year() + "年");
        }
        return out.toString();
    }

    /** The goal's words with every number blanked, so a changed target still finds its earlier self. */
    private static String shape(String text) {
        return text.replaceAll("[0-9０-９.．%％]+", "#").replaceAll("\\s", "");
    }

    private static String number(KnowledgeSummary.TaskEntry t) {
        return t.number() == null ? t.id() : t.number();
    }

    private static String who(KnowledgeSummary.TaskEntry t) {
        String lead = t.lead() == null ? "（无）" : t.lead();
        return t.support().isEmpty() ? lead : lead + "牵头，" + String.join("、", t.support()) + "配合";
    }

    private static <T> Map<String, T> byKey(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.putIfAbsent(key.apply(i), i));
        return out;
    }
}
