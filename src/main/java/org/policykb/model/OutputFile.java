package org.policykb.model;

/**
 * One file of the generated site: its path relative to the site root (forward slashes) and its bytes.
 * Rendering produces these; publishing writes them without knowing what they contain.
 */
public record OutputFile(String path, byte[] bytes) {
    public OutputFile {
        checkPath(path);
    }

    public static OutputFile utf8(String path, String text) {
        return new OutputFile(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A site path must be relative and stay inside the site. */
    static void checkPath(String path) {
        if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("Output path must be relative and inside the site: " + path);
        }
    }
}
