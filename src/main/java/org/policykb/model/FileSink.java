package org.policykb.model;

/**
 * Where a stage hands the files it makes, as soon as each is made: pages as bytes, and files too large to hold
 * whole as streams. A sink that only takes bytes (a list, in a test) gets a streamed file's bytes.
 */
@FunctionalInterface
public interface FileSink extends java.util.function.Consumer<OutputFile> {
    /** A file written as a stream; by default made into bytes and handed on as an {@link OutputFile}. */
    default void accept(StreamedFile file) {
        accept(file.toOutputFile());
    }
}
