package org.policykb.render;

import java.util.List;

/**
 * Everything a department is responsible for: the ledger (台账) a member of staff keeps. A department with many
 * tasks has its ledger on several pages, whole documents to a page; {@code documents} and {@code goals} are this
 * page's, {@code pages} links every page (the current one without an href), empty when there is one.
 */
public record DepartmentView(PageInfo page, String name, List<String> aliases, int leadCount, int supportCount,
                             List<DocumentTasks> documents, List<GoalRow> goals, List<Partner> partners,
                             Link ledger, int pageNumber, List<Link> pages) {
    public DepartmentView {
        aliases = List.copyOf(aliases);
        documents = List.copyOf(documents);
        goals = List.copyOf(goals);
        partners = List.copyOf(partners);
        pages = List.copyOf(pages);
    }

    /** The tasks of one document this department leads and supports. */
    public record DocumentTasks(Link document, String date, List<TaskRow> lead, List<TaskRow> support) {
        public DocumentTasks {
            lead = List.copyOf(lead);
            support = List.copyOf(support);
        }
    }

    /**
     * A task in the ledger; {@code context} is the heading it stands under in its document (empty at the top
     * level), {@code others} are the other departments on it.
     */
    public record TaskRow(String id, Link task, String number, String context, List<Link> others, int goalCount) {
        public TaskRow {
            others = List.copyOf(others);
        }
    }

    /** A department this one shares tasks with, and on how many. */
    public record Partner(Link department, int sharedTasks) {
    }
}
