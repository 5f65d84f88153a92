package org.policykb.render;

import java.util.List;

/**
 * What the shared layout needs on every page.
 *
 * @param root       the prefix back to the site root ({@code ""}, {@code "../"}, ...)
 * @param nav        which navigation entry is current: home, documents, departments, goals, search or none
 * @param searchHref where the search box sends its query, or empty when the site has no search page
 * @param changesHref the change log page, or empty when the theme has none
 */
public record PageInfo(String title, String root, String siteTitle, String generatedOn, List<Link> breadcrumbs,
                       String nav, String searchHref, List<Link> dataLinks, List<String> scripts, String changesHref) {
    public PageInfo {
        breadcrumbs = List.copyOf(breadcrumbs);
        dataLinks = List.copyOf(dataLinks);
        scripts = List.copyOf(scripts);
    }
}
