package org.policykb.render;

import java.util.List;

/**
 * A table of goals: the goals index over all documents (sortable by year), or the goals page of one document,
 * where each row carries the anchor the goal badges link to. The index of all goals comes in pages when there are
 * many; {@code goals} are this page's, {@code total} and {@code withYear} count them all, {@code pages} links every
 * page (the current one without an href), empty when there is one.
 *
 * @param document the document whose goals these are, or null for the index of all goals
 */
public record GoalsView(PageInfo page, String heading, Link document, List<GoalRow> goals, int total, int withYear,
                        int pageNumber, List<Link> pages) {
    public GoalsView {
        goals = List.copyOf(goals);
        pages = List.copyOf(pages);
    }

    /** All the goals on one page. */
    public GoalsView(PageInfo page, String heading, Link document, List<GoalRow> goals, int withYear) {
        this(page, heading, document, goals, goals.size(), withYear, 1, List.of());
    }
}
