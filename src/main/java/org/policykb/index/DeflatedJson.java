package org.policykb.index;

import org.policykb.model.OutputFile;

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

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private byte[] buffer = new byte[8192];

    /** The file {@code name + SUFFIX} holding {@code json}. */
    OutputFile file(String name, CharSequence json) {
        deflater.reset();
        deflater.setInput(json.toString().getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        int length = 0;
        while (!deflater.finished()) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            length += deflater.deflate(buffer, length, buffer.length - length);
        }
        return new OutputFile(name + SUFFIX, Arrays.copyOf(buffer, length));
    }

    @Override
    public void close() {
        deflater.end();
    }
}
