package org.policykb.model;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file of the generated site that is written as a stream rather than held as bytes: a data export of every
 * task is hundreds of megabytes at 10,000 documents. Publishing calls {@code content} once, with a stream that
 * compares what it is given with the published file and writes only when they differ.
 */
public record StreamedFile(String path, Content content) {
    public StreamedFile {
        OutputFile.checkPath(path);
    }

    /** The file's bytes in memory, for a sink that takes them so. */
    public OutputFile toOutputFile() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            content.writeTo(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot make " + path, e);
        }
        return new OutputFile(path, bytes.toByteArray());
    }

    /** Writes the file's bytes; called once. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
