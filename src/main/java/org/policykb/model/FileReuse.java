package org.policykb.model;

import java.util.Optional;
import java.util.function.Supplier;

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

    /**
     * As {@link #keep(String, String)}, for a file whose digest costs as much as the file: when the file was published
     * from the same {@code inputs} (a short key of everything it is made from, such as the versions of the
     * documents it shows) it is kept without its digest being made; otherwise {@code digest} decides.
     */
    default boolean keep(String path, String inputs, Supplier<String> digest) {
        return keep(path, digest.get());
    }

    /**
     * For a file made as a stream, whose digest would cost making it: true when it was published from the same
     * {@code inputs} and has been carried over. Otherwise it is made again, and publishing compares its bytes.
     */
    default boolean keepByInputs(String path, String inputs) {
        return false;
    }

    /**
     * For the files a stage makes from one set of inputs (a document's pages, a department's pages and ledger): when
     * the group was published from the same {@code inputs} (a key covering every input of every file of it), its
     * files are carried over as they are, without one of them being asked about, and their paths are returned.
     * Otherwise {@code make} makes the group's files (asking about each as usual) and returns their paths, which
     * the group is then known by; the result is then empty.
     */
    default Optional<java.util.List<String>> keepGroup(String group, String inputs,
                                                         Supplier<java.util.List<String>> make) {
        make.get();
        return Optional.empty();
    }

    /**
     * Carries over every file published under {@code folder} that {@code which} accepts, as it is, with the digest
     * recorded for it: for a stage that knows, from its own record, which of its files an edit leaves as they were.
     * False, with nothing kept, when the published files cannot be trusted or reached; the stage then makes them all.
     */
    default boolean keepAll(String folder, java.util.function.Predicate<String> which) {
        return false;
    }

    /**
     * The version of a document as read: equal exactly when the document was read from the same source, the same
     * way (same bytes, path, id and code), or empty when not known, which rules out {@code inputs} keys.
     */
    default Optional<String> documentVersion(String documentId) {
        return Optional.empty();
    }
}
