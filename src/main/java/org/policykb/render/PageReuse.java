package org.policykb.render;

/**
 * Lets a build carry over the pages it published last time when what they are made from has not changed, so an
 * edit re-renders only the pages that show it. The renderer asks once per page, with a digest of everything the
 * page is rendered from: the theme (every template and asset), the template and the page's view.
 */
@FunctionalInterface
public interface PageReuse {
    /** Renders every page. */
    PageReuse NONE = (path, digest) -> false;

    /**
     * @return true when the page published at {@code path} was rendered from the same {@code digest} and has been
     * carried over as it is; the renderer then does not render it
     */
    boolean keep(String path, String digest);
}
