package org.policykb.render;

import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;
import org.policykb.render.DocumentView.GoalBadge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds what the document page marks in the text: goal clauses (with their badges) and department names. */
final class MarkFinder {
    private final RenderIndex index;

    MarkFinder(RenderIndex index) {
        this.index = index;
    }

    /** Goal clauses as marks; goals whose clauses overlap share one mark with a badge each. */
    List<InlineMarks.Mark> goalMarks(PolicyDocument document, String root) {
        String text = document.text();
        List<Goal> goals = document.goals().stream()
                .sorted(Comparator.comparingInt((Goal g) -> g.span().start()).thenComparing(Goal::id)).toList();
        List<InlineMarks.Mark> out = new ArrayList<>();
        for (Goal goal : goals) {
            int start = SourceText.clamp(goal.span().start(), text);
            int end = SourceText.clamp(goal.span().end(), text);
            GoalBadge badge = new GoalBadge(DocumentBodyBuilder.goalAnchor(goal), RelativeHref.to(root, SiteUrls.goal(goal.id())),
                    ChineseLabels.goalBadge(goal.value(), goal.year()), goal.text());
            InlineMarks.Mark last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && start < last.end()) {
                List<GoalBadge> badges = new ArrayList<>(last.badges());
                badges.add(badge);
                out.set(out.size() - 1, new InlineMarks.Mark(last.start(), Math.max(end, last.end()), "goal", "", badges));
            } else {
                out.add(new InlineMarks.Mark(start, Math.max(start, end), "goal", "", List.of(badge)));
            }
        }
        return out;
    }

    /**
     * The departments named in a task, found where the task names them: the last place in its span (the
     * attribution clause closes an item), longest names first so 区教体局 is not taken for 教体局.
     */
    List<InlineMarks.Mark> nameMarks(Task task, String text, String root) {
        int from = SourceText.clamp(task.span().start(), text);
        int to = SourceText.clamp(task.span().end(), text);
        String span = text.substring(from, to);
        List<String[]> names = new ArrayList<>();
        task.lead().ifPresent(name -> names.add(new String[]{name, "lead"}));
        task.support().forEach(name -> names.add(new String[]{name, "support"}));
        names.sort(Comparator.comparingInt((String[] n) -> -n[0].length()));
        List<InlineMarks.Mark> out = new ArrayList<>();
        for (String[] name : names) {
            if (name[0].isBlank()) {
                continue;
            }
            String href = index.departmentNamed(name[0])
                    .map(d -> RelativeHref.to(root, SiteUrls.department(d.id()))).orElse("");
            int at = span.length();
            while ((at = span.lastIndexOf(name[0], at - 1)) >= 0) {
                int start = from + at;
                int end = start + name[0].length();
                if (out.stream().noneMatch(m -> m.start() < end && start < m.end())) {
                    out.add(new InlineMarks.Mark(start, end, name[1], href, List.of()));
                    break;
                }
            }
        }
        return out;
    }
}
