package org.policykb.render;

import java.util.List;

/**
 * A table of goals: the goals index over all documents (sortable by year), or the goals page of one document,
 * where each row carries the anchor the goal badges link to.
 *
 * @param document the document whose goals these are, or null for the index of all goals
 */
public record GoalsView(PageInfo page, String heading, Link document, List<GoalRow> goals, int withYear) {
    public GoalsView {
        goals = List.copyOf(goals);
    }
}
