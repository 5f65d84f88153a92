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
        try (Output out = Output.of(bytes)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot make " + path, e);
        }
        return new OutputFile(path, bytes.toByteArray());
    }

    /** Writes the file's bytes; called once. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Output out) throws IOException;
    }

    /**
     * Where a streamed file's bytes go. A file made of parts that each show one thing (a ledger's rows of one
     * document) hands each over as a {@link #part}, with a key of everything the part is made from: publishing may
     * then copy the part from the published file, where the last build wrote it under the same key, instead of
     * having it made and compared again.
     */
    public abstract static class Output extends OutputStream {
        /** Writes {@code part}'s bytes, which are the same whenever {@code key} is; this output has it made. */
        public void part(String key, Content part) throws IOException {
            part.writeTo(this);
        }

        /** An output that writes every byte to {@code out}, and closes it when closed. */
        public static Output of(OutputStream out) {
            return new Output() {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }
    }
}
