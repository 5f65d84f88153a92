package org.policykb.index;

import org.policykb.model.Goal;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;
import org.policykb.text.WordLeftovers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** What of a knowledge base gets indexed, as {@link IndexedItem}s numbered type by type in document order. */
final class IndexedItems {
    private IndexedItems() {
    }

    static List<IndexedItem> of(KnowledgeBase kb) {
        List<IndexedItem> items = new ArrayList<>();
        for (HitType type : HitType.values()) {
            for (PolicyDocument doc : kb.documents()) {
                switch (type) {
                    case DOCUMENT -> items.add(document(doc, items.size()));
                    case SECTION -> doc.sections().forEach(s -> items.add(section(doc, s, items.size())));
                    case TASK -> {
                        Map<String, List<Integer>> years = goalYearsByTask(doc);
                        doc.tasks().forEach(t -> items.add(task(kb, doc, t, years.getOrDefault(t.id(), List.of()), items.size())));
                    }
                    case GOAL -> doc.goals().forEach(g -> items.add(goal(doc, g, items.size())));
                }
            }
        }
        return items;
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
