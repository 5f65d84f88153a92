package org.policykb.render;

import org.jsoup.nodes.Entities;
import org.policykb.model.ChangeLog;
import org.policykb.model.OutputFile;

/**
 * The change log as an Atom feed (changes.atom): one entry per build that changed something. Dates are the
 * build dates, so two builds of the same input write the same bytes. Links are site-relative unless the site
 * has a base URL.
 */
final class ChangeFeed {
    static final String PATH = "changes.atom";

    private ChangeFeed() {
    }

    static OutputFile atom(ChangeLog log, RenderContext context) {
        String base = context.baseUrl().orElse("");
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        out.append("  <title>").append(esc(context.siteTitle())).append(" · 更新记录</title>\n");
        out.append("  <id>").append(esc(base + PATH)).append("</id>\n");
        out.append("  <link rel=\"self\" href=\"").append(esc(base + PATH)).append("\"/>\n");
        out.append("  <link href=\"").append(esc(base + SiteLayout.CHANGES)).append("\"/>\n");
        String updated = log.builds().isEmpty() ? context.generatedOn().toString() : log.builds().get(0).date().toString();
        out.append("  <updated>").append(updated).append("T00:00:00Z</updated>\n");
        for (ChangeLog.Build build : log.builds()) {
            out.append("  <entry>\n    <title>第 ").append(build.number()).append(" 次更新（").append(build.date())
                    .append("）：").append(build.lines().size()).append(" 项变化</title>\n");
            out.append("    <id>").append(esc(base + SiteLayout.CHANGES + "#build-" + build.number())).append("</id>\n");
            out.append("    <link href=\"").append(esc(base + SiteLayout.CHANGES + "#build-" + build.number())).append("\"/>\n");
            out.append("    <updated>").append(build.date()).append("T00:00:00Z</updated>\n");
            out.append("    <content type=\"text\">");
            for (ChangeLog.Line line : build.lines()) {
                out.append(esc(line.label() + "：" + line.description())).append('\n');
            }
            out.append("</content>\n  </entry>\n");
        }
        return OutputFile.utf8(PATH, out.append("</feed>\n").toString());
    }

    private static String esc(String s) {
        return Entities.escape(s).replace("\"", "&quot;");
    }
}
