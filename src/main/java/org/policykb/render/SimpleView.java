package org.policykb.render;

/** A page that needs only the layout: the 404 page and the search page. */
public record SimpleView(PageInfo page, Link home) {
}
