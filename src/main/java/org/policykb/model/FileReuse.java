package org.policykb.model;

/**
 * Lets a build carry over files it published last time when what they are made from has not changed, so an edit
 * remakes only the files that show it. A stage asks once per file, with a digest of everything the file is made
 * from: for a page the theme, its template and its view; for a search result card the indexed item.
 */
@FunctionalInterface
public interface FileReuse {
    /** Makes every file. */
    FileReuse NONE = (path, digest) -> false;

    /**
     * @return true when the file published at {@code path} was made from the same {@code digest} and has been
     * carried over as it is; the stage then does not make it
     */
    boolean keep(String path, String digest);
}
