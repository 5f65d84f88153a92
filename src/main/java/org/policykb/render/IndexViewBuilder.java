package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SiteUrls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The home page and the three indexes: documents, departments and goals. */
final class IndexViewBuilder {
    private static final int HOME_LIST = 8;
    /** Goals to a page of the goals index: about 350 KB of HTML. */
    static final int GOALS_PER_PAGE = 500;

    private final RenderIndex index;
    private final SiteLayout layout;
    private final GoalRows goalRows;

    IndexViewBuilder(RenderIndex index, SiteLayout layout, GoalRows goalRows) {
        this.index = index;
        this.layout = layout;
        this.goalRows = goalRows;
    }

    HomeView home() {
        return home(goalsPlan());
    }

    /** The home page, its goals due soonest taken from the goals index's order. */
    HomeView home(GoalsPlan goalsPlan) {
        PageInfo page = layout.page(SiteLayout.HOME, layout.context().siteTitle(), "home", List.of(), false);
        String root = page.root();
        List<DocumentListView.Row> recent = index.documentsByDate().stream().limit(HOME_LIST)
                .map(d -> documentRow(d, root)).toList();
        List<DepartmentListView.Row> busiest = departmentRows(root).stream()
                .sorted(Comparator.comparingInt(DepartmentListView.Row::total).reversed()
                        .thenComparing(r -> r.department().label()))
                .filter(r -> r.total() > 0).limit(HOME_LIST).toList();
        int year = layout.context().generatedOn().getYear();
        List<Goal> dated = goalsPlan.goals().stream().filter(g -> g.year().isPresent()).toList();
        List<Goal> soonest = new ArrayList<>(dated.stream().filter(g -> g.year().get() >= year).limit(HOME_LIST).toList());
        // When few deadlines lie ahead, the most recent past ones follow, marked as due, rather than an empty list.
        dated.reversed().stream().filter(g -> g.year().get() < year).limit(HOME_LIST - soonest.size())
                .forEach(soonest::add);
        String generated = "根据 " + index.documents().size() + " 份文件生成于 "
                + ChineseLabels.date(layout.context().generatedOn());
        return new HomeView(page, index.documents().size(), index.kb().tasks().size(), index.departments().size(),
                index.kb().goals().size(), recent, busiest, soonest.stream().map(g -> goalRows.row(g, root)).toList(),
                generated, SiteLayout.link(root, SiteLayout.DOCUMENTS, "全部文件"),
                SiteLayout.link(root, SiteLayout.DEPARTMENTS, "全部部门"), SiteLayout.link(root, SiteLayout.GOALS, "全部目标"));
    }

    DocumentListView documents() {
        PageInfo page = layout.page(SiteLayout.DOCUMENTS, "文件", "documents", List.of(new Link("", "文件")), false);
        return new DocumentListView(page, index.documentsByDate().stream().map(d -> documentRow(d, page.root())).toList());
    }

    DepartmentListView departments() {
        PageInfo page = layout.page(SiteLayout.DEPARTMENTS, "部门", "departments", List.of(new Link("", "部门")), true);
        List<DepartmentListView.Row> rows = departmentRows(page.root()).stream()
                .sorted(Comparator.comparingInt(DepartmentListView.Row::total).reversed()
                        .thenComparing(r -> r.department().label()))
                .toList();
        return new DepartmentListView(page, rows);
    }

    /** The first page of the index of all goals. */
    GoalsView goals() {
        return goalPages().get(0);
    }

    /**
     * The index of all goals by year, {@link #GOALS_PER_PAGE} to a page ({@code goals.html}, then
     * {@code goals-2.html}, …): at 10,000 documents there are over 100,000 goals, ninety megabytes on one page.
     */
    List<GoalsView> goalPages() {
        GoalsPlan plan = goalsPlan();
        List<GoalsView> pages = new ArrayList<>();
        for (int n = 1; n <= plan.pageCount(); n++) {
            pages.add(goalsPage(plan, n));
        }
        return pages;
    }

    /**
     * How the goals index is laid out: every goal by year (those with a year first), so that a page's goals are
     * known, and say what the page is made from, before its view is built.
     */
    record GoalsPlan(List<Goal> goals, int withYear) {
        int pageCount() {
            return Math.max(1, (goals.size() + GOALS_PER_PAGE - 1) / GOALS_PER_PAGE);
        }

        /** The goals of page {@code n} (from 1). */
        List<Goal> page(int n) {
            return goals.subList((n - 1) * GOALS_PER_PAGE, Math.min(goals.size(), n * GOALS_PER_PAGE));
        }
    }

    GoalsPlan goalsPlan() {
        List<Goal> goals = index.kb().goals().stream().sorted(GoalRows.BY_YEAR).toList();
        return new GoalsPlan(goals, (int) goals.stream().filter(g -> g.year().isPresent()).count());
    }

    /** Page {@code n} (from 1) of the goals index. */
    GoalsView goalsPage(GoalsPlan plan, int n) {
        String path = goalsPage(n);
        PageInfo page = layout.page(path, n == 1 ? "目标" : "目标（第 " + n + " 页）", "goals",
                List.of(new Link("", "目标")), true);
        List<GoalRow> rows = plan.page(n).stream().map(g -> goalRows.row(g, page.root())).toList();
        List<Link> pager = SiteLayout.pager(page.root(), n, plan.pageCount(), IndexViewBuilder::goalsPage);
        return new GoalsView(page, "全部目标", null, rows, plan.goals().size(), plan.withYear(), n, pager);
    }

    /** Where page {@code number} of the goals index is. */
    static String goalsPage(int number) {
        return number == 1 ? SiteLayout.GOALS : SiteLayout.GOALS.replace(".html", "-" + number + ".html");
    }

    DocumentListView.Row documentRow(PolicyDocument document, String root) {
        return new DocumentListView.Row(
                SiteLayout.link(root, SiteUrls.document(document.id()), document.meta().title()),
                document.meta().docNumber().orElse(""), document.meta().issuer().orElse(""),
                ChineseLabels.date(document.meta().date()), ChineseLabels.kind(document.meta().kind()),
                document.tasks().size(), document.goals().size());
    }

    private List<DepartmentListView.Row> departmentRows(String root) {
        List<DepartmentListView.Row> rows = new ArrayList<>();
        for (Department department : index.departments()) {
            int lead = department.leadTasks().size();
            int support = department.supportTasks().size();
            rows.add(new DepartmentListView.Row(DocumentBodyBuilder.departmentLink(department, root),
                    String.join("、", department.aliases()), lead, support, lead + support));
        }
        return rows;
    }
}
