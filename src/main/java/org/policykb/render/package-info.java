/**
 * Turns the knowledge base into the files of a static site: FreeMarker templates (ftlh, HTML auto-escaping)
 * fed with one typed view record per page type, the copied theme assets, sitemap.xml, 404.html and the
 * per-department CSV ledgers; {@link org.policykb.render.LinkChecker} proves every internal link and anchor
 * resolves. Depends on {@code model}, {@code text} (to leave Word leftovers off the page), FreeMarker, jsoup and Jackson's CSV writer; never on other stages.
 */
package org.policykb.render;
