package org.policykb.render;

import org.jsoup.nodes.Entities;

import java.util.List;

/**
 * sitemap.xml for the pages a reader can land on. The sitemap protocol wants absolute addresses; without a
 * base URL the entries stay site-relative, which a host can rewrite, rather than inventing a domain.
 */
final class Sitemap {
    private Sitemap() {
    }

    /** What the sitemap of these pages is made from: the context's base URL and date, and the pages. */
    static String inputs(List<String> pagePaths, RenderContext context) {
        return context.baseUrl().orElse("") + "\u0000" + context.generatedOn() + "\u0000" + String.join("\u0000", pagePaths);
    }

    static String xml(List<String> pagePaths, RenderContext context) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String base = context.baseUrl().orElse("");
        for (String path : pagePaths.stream().sorted().toList()) {
            out.append("  <url><loc>").append(Entities.escape(base + RelativeHref.uri(path)))
                    .append("</loc><lastmod>").append(context.generatedOn()).append("</lastmod></url>\n");
        }
        return out.append("</urlset>\n").toString();
    }
}
