package org.policykb.render;

import java.util.List;

/** The home page: what the knowledge base holds and where to start reading. */
public record HomeView(PageInfo page, int documentCount, int taskCount, int departmentCount, int goalCount,
                       List<DocumentListView.Row> recentDocuments, List<DepartmentListView.Row> busiestDepartments,
                       List<GoalRow> soonestGoals, String generatedLine, Link allDocuments,
                       Link allDepartments, Link allGoals) {
    public HomeView {
        recentDocuments = List.copyOf(recentDocuments);
        busiestDepartments = List.copyOf(busiestDepartments);
        soonestGoals = List.copyOf(soonestGoals);
    }
}
