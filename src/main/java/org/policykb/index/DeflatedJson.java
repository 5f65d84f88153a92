package org.policykb.index;

import org.policykb.model.FileReuse;
import org.policykb.model.OutputFile;
import org.policykb.model.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Makes the files of the browser index: JSON compressed with raw DEFLATE (RFC 1951), which search.js inflates with
 * the browser's own {@code DecompressionStream("deflate-raw")}. Postings pages and result cards shrink to about half,
 * so a first query downloads half the bytes whether or not the server compresses what it sends. One per thread: a
 * {@link Deflater} is not thread-safe and costs native memory to make, so one is made and reset for every file.
 */
final class DeflatedJson implements AutoCloseable {
    /**
     * What every file of the browser index is named with. Not {@code .gz} or {@code .Z}, which some servers send as
     * {@code Content-Encoding}, so that the browser would inflate the file before the script does.
     */
    static final String SUFFIX = ".json.deflate";

    /** Changes whenever the files' format does, so files kept from older builds are written anew. */
    private static final String FORMAT = "deflated-json1:";

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final FileReuse reuse;
    private final java.util.function.Consumer<OutputFile> sink;
    private byte[] buffer = new byte[8192];

    /** Makes files for {@link #file} only. */
    DeflatedJson() {
        this(FileReuse.NONE, file -> {
            throw new IllegalStateException("no sink for " + file.path());
        });
    }

    /** Also {@link #write}s files to {@code sink}, unless {@code reuse} keeps the published one. */
    DeflatedJson(FileReuse reuse, java.util.function.Consumer<OutputFile> sink) {
        this.reuse = reuse;
        this.sink = sink;
    }

    /**
     * Hands the file {@code name + SUFFIX} holding {@code json} to the sink, unless the published file holds the
     * same JSON: then it is kept, and neither compressed nor written again. An edit changes a few postings pages of
     * a large site; compressing all of them again took seconds.
     */
    void write(String name, CharSequence json) {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        if (!reuse.keep(name + SUFFIX, FORMAT + Sha256.hex(bytes))) {
            sink.accept(new OutputFile(name + SUFFIX, deflate(bytes)));
        }
    }

    /** The file {@code name + SUFFIX} holding {@code json}. */
    OutputFile file(String name, CharSequence json) {
        return new OutputFile(name + SUFFIX, deflate(json.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] deflate(byte[] bytes) {
        deflater.reset();
        deflater.setInput(bytes);
        deflater.finish();
        int length = 0;
        while (!deflater.finished()) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            length += deflater.deflate(buffer, length, buffer.length - length);
        }
        return Arrays.copyOf(buffer, length);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
