package org.policykb.render;

import java.util.List;

/** The departments index: every department with how many tasks it leads and supports. */
public record DepartmentListView(PageInfo page, List<Row> departments) {
    public DepartmentListView {
        departments = List.copyOf(departments);
    }

    public record Row(Link department, String aliases, int leadCount, int supportCount, int total) {
    }
}
