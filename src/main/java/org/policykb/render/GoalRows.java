package org.policykb.render;

import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.util.Comparator;
import java.util.Optional;

/** Goals as table rows, with links to their task, lead department, document and the clause in the text. */
final class GoalRows {
    /** By deadline, undated goals last, then in document order. */
    static final Comparator<Goal> BY_YEAR = Comparator
            .comparing((Goal g) -> g.year().orElse(Integer.MAX_VALUE))
            .thenComparing(Goal::documentId)
            .thenComparingInt(g -> g.span().start())
            .thenComparing(Goal::id);

    private final RenderIndex index;
    private final int currentYear;

    GoalRows(RenderIndex index, int currentYear) {
        this.index = index;
        this.currentYear = currentYear;
    }

    GoalRow row(Goal goal, String root) {
        Optional<Task> task = goal.taskId().flatMap(index::findTask);
        Optional<PolicyDocument> document = index.findDocument(goal.documentId());
        return new GoalRow(RenderIndex.goalAnchor(goal), RelativeHref.to(root, SiteUrls.goal(goal.id())), goal.text(),
                goal.value().orElse(""), goal.year().map(String::valueOf).orElse(""),
                task.map(t -> SiteLayout.link(root, SiteUrls.task(t.id()), ChineseLabels.taskLabel(t))).orElse(null),
                task.flatMap(index::leadOf).map(d -> DocumentBodyBuilder.departmentLink(d, root)).orElse(null),
                document.map(d -> SiteLayout.link(root, SiteUrls.document(d.id()), d.meta().title())).orElse(null),
                document.map(d -> SiteLayout.link(root, SiteUrls.section(d.id(), DocumentBodyBuilder.goalAnchor(goal)),
                        "原文")).orElse(null),
                goal.year().map(this::due).orElse(""));
    }

    private String due(int year) {
        return year < currentYear ? "past" : year == currentYear ? "current" : "future";
    }
}
