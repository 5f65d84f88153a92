package org.policykb.render;

import java.util.List;

/**
 * One task: its text, where it comes from, who is responsible, its goals and related tasks elsewhere.
 *
 * @param lead       the lead department, or null when the task names none or the name is not resolved
 * @param leadName   the lead unit's name as written (empty when none)
 * @param unresolved names written in the task that match no department
 */
public record TaskView(PageInfo page, String number, String title, List<String> paragraphs, Link document,
                       Link section, String docNumber, Link lead, String leadName, List<Link> support,
                       List<String> unresolved, List<GoalRow> goals, List<Related> related) {
    public TaskView {
        paragraphs = List.copyOf(paragraphs);
        support = List.copyOf(support);
        unresolved = List.copyOf(unresolved);
        goals = List.copyOf(goals);
        related = List.copyOf(related);
    }

    /** A related task and why: {@code reason} names shared departments or similar wording. */
    public record Related(Link task, Link document, String reason) {
    }
}
