package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A department page: the tasks it leads and supports grouped by document (newest first), its goals by
 * deadline and the departments it most often works with, on as many pages as its tasks need. Task lists come from the department record itself,
 * so the page lists exactly the tasks the data export lists.
 */
final class DepartmentViewBuilder {
    private static final int PARTNERS = 10;
    /** Tasks to a ledger page: about 300 KB of HTML. */
    static final int ROWS_PER_PAGE = 400;

    private final RenderIndex index;
    private final SiteLayout layout;
    private final GoalRows goalRows;
    private final int rowsPerPage;

    DepartmentViewBuilder(RenderIndex index, SiteLayout layout, GoalRows goalRows) {
        this(index, layout, goalRows, ROWS_PER_PAGE);
    }

    DepartmentViewBuilder(RenderIndex index, SiteLayout layout, GoalRows goalRows, int rowsPerPage) {
        this.index = index;
        this.layout = layout;
        this.goalRows = goalRows;
        this.rowsPerPage = rowsPerPage;
    }

    /** Where the CSV ledger of a department lives, beside its page. */
    static String ledgerPath(Department department) {
        String page = SiteUrls.department(department.id());
        return page.substring(0, page.length() - ".html".length()) + ".csv";
    }

    /** The first page of a department's ledger. */
    DepartmentView department(Department department) {
        return pages(department).get(0);
    }

    /**
     * The pages of a department's ledger: its documents newest first, as many whole documents to a page as fit in
     * {@link #rowsPerPage} tasks (a document with more has a page of its own). At 10,000 documents one department
     * can have 100,000 tasks; on one page that would be tens of megabytes, which no phone opens.
     */
    List<DepartmentView> pages(Department department) {
        Plan plan = plan(department);
        List<Map.Entry<String, Integer>> partners = partners(plan);
        List<DepartmentView> pages = new ArrayList<>();
        for (int n = 1; n <= plan.pageCount(); n++) {
            pages.add(page(plan, partners, n));
        }
        return pages;
    }

    /**
     * How a department's ledger is laid out: its tasks by document, and the documents of each page. Cheap next to
     * the pages' views; the documents say what the pages are made from.
     */
    record Plan(Department department, List<Task> lead, List<Task> support, Map<String, List<Task>> leadByDocument,
                Map<String, List<Task>> supportByDocument, List<List<PolicyDocument>> chunks) {
        int pageCount() {
            return chunks.size();
        }

        /** Every document with a task of the department, in page order. */
        List<PolicyDocument> documents() {
            return chunks.stream().flatMap(List::stream).toList();
        }
    }

    Plan plan(Department department) {
        List<Task> lead = tasks(department.leadTasks());
        List<Task> support = tasks(department.supportTasks());
        // Group by document id first, then order the groups: the cost follows the department's own tasks.
        Map<String, List<Task>> leadByDocument = byDocument(lead);
        Map<String, List<Task>> supportByDocument = byDocument(support);
        // in no order: the documents are then sorted wholly (newest first, then by title and id)
        java.util.Set<String> documentIds = new java.util.HashSet<>(leadByDocument.keySet());
        documentIds.addAll(supportByDocument.keySet());
        List<PolicyDocument> documents = index.newestFirst(documentIds);
        List<List<PolicyDocument>> chunks = new ArrayList<>();
        int rows = 0;
        for (PolicyDocument document : documents) {
            int size = leadByDocument.getOrDefault(document.id(), List.of()).size()
                    + supportByDocument.getOrDefault(document.id(), List.of()).size();
            if (chunks.isEmpty() || (rows > 0 && rows + size > rowsPerPage)) {
                chunks.add(new ArrayList<>());
                rows = 0;
            }
            chunks.getLast().add(document);
            rows += size;
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        return new Plan(department, lead, support, leadByDocument, supportByDocument, chunks);
    }

    /** The departments sharing most tasks with the plan's department ({@link #partners(Department, List, List)}). */
    List<Map.Entry<String, Integer>> partners(Plan plan) {
        return partners(plan.department(), plan.lead(), plan.support());
    }

    /** Page {@code n} (from 1) of a department's ledger, with the department's {@link #partners(Plan)}. */
    DepartmentView page(Plan plan, List<Map.Entry<String, Integer>> partners, int n) {
        Department department = plan.department();
        Map<String, List<Task>> leadByDocument = plan.leadByDocument();
        Map<String, List<Task>> supportByDocument = plan.supportByDocument();
        String path = SiteUrls.departmentPage(department.id(), n);
        String title = n == 1 ? department.name() : department.name() + "（第 " + n + " 页）";
        PageInfo page = layout.page(path, title, "departments",
                List.of(new Link(SiteLayout.DEPARTMENTS, "部门"), new Link("", department.name())), true);
        String root = page.root();
        List<PolicyDocument> chunk = plan.chunks().get(n - 1);
        List<DepartmentView.DocumentTasks> groups = chunk.stream()
                .map(document -> new DepartmentView.DocumentTasks(
                        SiteLayout.link(root, SiteUrls.document(document.id()), document.meta().title()),
                        ChineseLabels.date(document.meta().date()),
                        rows(leadByDocument.getOrDefault(document.id(), List.of()), department, root),
                        rows(supportByDocument.getOrDefault(document.id(), List.of()), department, root)))
                .toList();
        // the goals of this page's tasks (BY_YEAR orders them wholly, whatever order they are gathered in)
        List<Goal> goals = new ArrayList<>();
        for (PolicyDocument document : chunk) {
            leadByDocument.getOrDefault(document.id(), List.of()).forEach(t -> goals.addAll(index.goalsOf(t)));
            supportByDocument.getOrDefault(document.id(), List.of()).forEach(t -> goals.addAll(index.goalsOf(t)));
        }
        List<GoalRow> goalRowList = distinctById(goals, Goal::id).stream().sorted(GoalRows.BY_YEAR)
                .map(g -> goalRows.row(g, root)).toList();
        List<Link> pager = SiteLayout.pager(root, n, plan.pageCount(), other -> SiteUrls.departmentPage(department.id(), other));
        return new DepartmentView(page, department.name(), department.aliases(), plan.lead().size(), plan.support().size(),
                groups, goalRowList, partners.stream().map(e -> new DepartmentView.Partner(DocumentBodyBuilder
                        .departmentLink(index.findDepartment(e.getKey()).orElseThrow(), root), e.getValue())).toList(),
                SiteLayout.link(root, ledgerPath(department), department.name() + "任务台账.csv"), n, pager);
    }

    /**
     * The first of each id, in order. Tasks and goals are records whose equality compares their whole text, so
     * comparing ids is the same test at a fraction of the cost.
     */
    private static <T> List<T> distinctById(List<T> list, java.util.function.Function<T, String> id) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return list.stream().filter(t -> seen.add(id.apply(t))).toList();
    }

    /** The tasks of the given ids that exist, in the order given. */
    List<Task> tasks(List<String> ids) {
        List<Task> tasks = new ArrayList<>(ids.size());
        for (String id : ids) {
            index.findTask(id).ifPresent(tasks::add);
        }
        return tasks;
    }

    /** Looked up only: a hash map, as a department of a large site has a hundred thousand tasks. */
    private static Map<String, List<Task>> byDocument(List<Task> tasks) {
        Map<String, List<Task>> out = new java.util.HashMap<>();
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

    /** The departments this one most often shares tasks with (id, shared tasks), most first: counted once a department. */
    private List<Map.Entry<String, Integer>> partners(Department self, List<Task> lead, List<Task> support) {
        // counted in a hash map and then ordered wholly: a busy department has a hundred thousand tasks
        Map<String, Integer> counts = new java.util.HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (List<Task> tasks : List.of(lead, support)) {
            for (Task task : tasks) {
                if (seen.add(task.id())) {
                    for (Department d : index.departmentsOf(task)) {
                        if (!d.id().equals(self.id())) {
                            counts.merge(d.id(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(PARTNERS)
                .toList();
    }
}
