package org.policykb.render;

import org.jsoup.nodes.Entities;
import org.policykb.model.OutputFile;

/**
 * A page left at an old address that sends the reader on to the new one: a meta refresh (no script, so the
 * strict Content-Security-Policy holds) and a plain link for readers whose browsers do not follow it.
 */
final class RedirectPage {
    private RedirectPage() {
    }

    static OutputFile of(String fromPath, String toPath, String title) {
        String href = Entities.escape(RelativeHref.to(RelativeHref.root(fromPath), toPath)).replace("\"", "&quot;");
        String name = Entities.escape(title);
        String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + href + "\">\n"
                + "<link rel=\"canonical\" href=\"" + href + "\">\n<title>" + name + "</title>\n</head>\n<body>\n"
                + "<p>此页已移至 <a href=\"" + href + "\">" + name + "</a>。</p>\n</body>\n</html>\n";
        return OutputFile.utf8(fromPath, html);
    }
}
