package org.policykb.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The pages every site has besides those of documents, tasks, departments and goals, and the frame around
 * every page: navigation, breadcrumbs, search box and the footer's data export. Index pages live at the top
 * level, so no document or department id can ever collide with them.
 */
final class SiteLayout {
    static final String HOME = "index.html";
    static final String DOCUMENTS = "documents.html";
    static final String DEPARTMENTS = "departments.html";
    static final String GOALS = "goals.html";
    static final String SEARCH = "search.html";
    static final String CHANGES = "changes.html";
    static final String NOT_FOUND = "404.html";
    static final String STYLESHEET = "assets/site.css";
    static final String SORT_SCRIPT = "assets/sort.js";
    /** Results as you type in the search box of every page (and the search page itself). */
    static final String SEARCH_SCRIPT = "assets/search.js";
    /** The data export the build writes beside the pages (see the build stage); the footer links to it. */
    static final List<Link> DATA_EXPORT = List.of(new Link("data/documents.json", "文件"),
            new Link("data/tasks.json", "任务"), new Link("data/departments.json", "部门"),
            new Link("data/goals.json", "目标"));

    private final RenderContext context;
    private final boolean hasSearch;

    private final boolean hasChanges;

    SiteLayout(RenderContext context, boolean hasSearch) {
        this(context, hasSearch, false);
    }

    SiteLayout(RenderContext context, boolean hasSearch, boolean hasChanges) {
        this.context = context;
        this.hasSearch = hasSearch;
        this.hasChanges = hasChanges;
    }

    RenderContext context() {
        return context;
    }

    boolean hasSearch() {
        return hasSearch;
    }

    /**
     * The frame of the page at {@code path}. Breadcrumbs are given with site paths as hrefs, home first being
     * implied; the last crumb is the page itself and has an empty href.
     */
    PageInfo page(String path, String title, String nav, List<Link> crumbs, boolean sortableTables) {
        return pageFrom(RelativeHref.root(path), title, nav, crumbs, sortableTables);
    }

    /**
     * The frame of a page whose links all start from {@code root}: the 404 page, which a host serves at whatever
     * address was missing, links from the site's base URL when the build knows it.
     */
    PageInfo pageFrom(String root, String title, String nav, List<Link> crumbs, boolean sortableTables) {
        List<Link> trail = new ArrayList<>();
        trail.add(new Link(RelativeHref.to(root, HOME), "首页"));
        for (Link crumb : crumbs) {
            trail.add(new Link(crumb.href().isEmpty() ? "" : RelativeHref.to(root, crumb.href()), crumb.label()));
        }
        List<Link> data = DATA_EXPORT.stream().map(l -> new Link(RelativeHref.to(root, l.href()), l.label())).toList();
        List<String> scripts = new ArrayList<>();
        if (sortableTables) {
            scripts.add(RelativeHref.to(root, SORT_SCRIPT));
        }
        if (hasSearch) {
            scripts.add(RelativeHref.to(root, SEARCH_SCRIPT));
        }
        return new PageInfo(title, root, context.siteTitle(), ChineseLabels.date(context.generatedOn()), trail, nav,
                hasSearch ? RelativeHref.to(root, SEARCH) : "", data, scripts, hasChanges ? RelativeHref.to(root, CHANGES) : "");
    }

    /**
     * The links of a list that comes in {@code count} pages, as the pager in layout.ftlh shows them: one per page,
     * labelled with its number, the current page's without an href; none when there is one page.
     */
    static List<Link> pager(String root, int current, int count, java.util.function.IntFunction<String> pathOfPage) {
        List<Link> links = new ArrayList<>();
        for (int n = 1; count > 1 && n <= count; n++) {
            links.add(new Link(n == current ? "" : RelativeHref.to(root, pathOfPage.apply(n)), String.valueOf(n)));
        }
        return links;
    }

    static Link link(String root, String sitePath, String label) {
        return new Link(RelativeHref.to(root, sitePath), label);
    }
}
