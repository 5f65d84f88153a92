package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.Goal;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A department page: the tasks it leads and supports grouped by document (newest first), its goals by
 * deadline and the departments it most often works with. Task lists come from the department record itself,
 * so the page lists exactly the tasks the data export lists.
 */
final class DepartmentViewBuilder {
    private static final int PARTNERS = 10;

    private final RenderIndex index;
    private final SiteLayout layout;
    private final GoalRows goalRows;

    DepartmentViewBuilder(RenderIndex index, SiteLayout layout, GoalRows goalRows) {
        this.index = index;
        this.layout = layout;
        this.goalRows = goalRows;
    }

    /** Where the CSV ledger of a department lives, beside its page. */
    static String ledgerPath(Department department) {
        String page = SiteUrls.department(department.id());
        return page.substring(0, page.length() - ".html".length()) + ".csv";
    }

    DepartmentView department(Department department) {
        PageInfo page = layout.page(SiteUrls.department(department.id()), department.name(), "departments",
                List.of(new Link(SiteLayout.DEPARTMENTS, "部门"), new Link("", department.name())), true);
        String root = page.root();
        List<Task> lead = tasks(department.leadTasks());
        List<Task> support = tasks(department.supportTasks());
        // Group by document id first, then order the groups: the cost follows the department's own tasks.
        Map<String, List<Task>> leadByDocument = byDocument(lead);
        Map<String, List<Task>> supportByDocument = byDocument(support);
        java.util.Set<String> documentIds = new java.util.TreeSet<>(leadByDocument.keySet());
        documentIds.addAll(supportByDocument.keySet());
        List<DepartmentView.DocumentTasks> groups = documentIds.stream().map(index::findDocument)
                .flatMap(Optional::stream).sorted(RenderIndex.NEWEST_FIRST)
                .map(document -> new DepartmentView.DocumentTasks(
                        SiteLayout.link(root, SiteUrls.document(document.id()), document.meta().title()),
                        ChineseLabels.date(document.meta().date()),
                        rows(leadByDocument.getOrDefault(document.id(), List.of()), department, root),
                        rows(supportByDocument.getOrDefault(document.id(), List.of()), department, root)))
                .toList();
        List<Goal> goals = new ArrayList<>();
        lead.forEach(t -> goals.addAll(index.goalsOf(t)));
        support.forEach(t -> goals.addAll(index.goalsOf(t)));
        List<GoalRow> goalRowList = goals.stream().distinct().sorted(GoalRows.BY_YEAR)
                .map(g -> goalRows.row(g, root)).toList();
        return new DepartmentView(page, department.name(), department.aliases(), lead.size(), support.size(),
                groups, goalRowList, partners(department, lead, support, root),
                SiteLayout.link(root, ledgerPath(department), department.name() + "任务台账.csv"));
    }

    /** The tasks of the given ids that exist, in the order given. */
    List<Task> tasks(List<String> ids) {
        return ids.stream().map(index::findTask).flatMap(Optional::stream).toList();
    }

    private static Map<String, List<Task>> byDocument(List<Task> tasks) {
        Map<String, List<Task>> out = new TreeMap<>();
        tasks.forEach(t -> out.computeIfAbsent(t.documentId(), k -> new ArrayList<>()).add(t));
        return out;
    }

    private List<DepartmentView.TaskRow> rows(List<Task> tasks, Department self, String root) {
        return tasks.stream().map(t -> new DepartmentView.TaskRow(
                DocumentBodyBuilder.taskAnchor(t),
                SiteLayout.link(root, SiteUrls.task(t.id()), t.title() == null ? RenderIndex.localId(t) : t.title().strip()),
                t.number() == null ? "" : t.number().strip(),
                index.contextOf(t).map(TaskViewBuilder::sectionLabel).orElse(""),
                index.departmentsOf(t).stream().filter(d -> !d.id().equals(self.id()))
                        .map(d -> DocumentBodyBuilder.departmentLink(d, root)).toList(),
                index.goalsOf(t).size())).toList();
    }

    private List<DepartmentView.Partner> partners(Department self, List<Task> lead, List<Task> support, String root) {
        Map<String, Integer> counts = new TreeMap<>();
        List<Task> all = new ArrayList<>(lead);
        all.addAll(support);
        for (Task task : all.stream().distinct().toList()) {
            index.departmentsOf(task).stream().filter(d -> !d.id().equals(self.id()))
                    .forEach(d -> counts.merge(d.id(), 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(PARTNERS)
                .map(e -> new DepartmentView.Partner(
                        DocumentBodyBuilder.departmentLink(index.findDepartment(e.getKey()).orElseThrow(), root), e.getValue()))
                .toList();
    }
}
