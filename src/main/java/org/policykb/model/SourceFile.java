package org.policykb.model;

import java.nio.file.Path;

/**
 * One content file, decoded. {@code relativePath} uses forward slashes and is relative to the content folder;
 * {@code text} is exactly the decoded characters (a byte-order mark is not part of it).
 */
public record SourceFile(Path path, String relativePath, String charset, String text, String contentHash) {
    public SourceFile {
        if (relativePath.isBlank()) {
            throw new IllegalArgumentException("A source file needs a path relative to the content folder: " + path);
        }
    }

    /** The lower-cased extension without the dot, e.g. {@code txt}. */
    public String extension() {
        int dot = relativePath.lastIndexOf('.');
        int slash = relativePath.lastIndexOf('/');
        return dot > slash ? relativePath.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }
}
