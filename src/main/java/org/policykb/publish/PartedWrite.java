package org.policykb.publish;

import org.policykb.model.Sha256;
import org.policykb.model.StreamedFile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The output a streamed file is written to: bytes go through a buffer to a {@link WriteOnDifference}, and a
 * {@link StreamedFile.Output#part part} whose key the published file's layout names is copied from the published file
 * instead of being made. The layout of the new file (every part's key digest and length, with the bytes between parts
 * as unnamed stretches) is kept, for the next build to copy from this one.
 *
 * <p>A layout is text: {@code digest:length} for a part, {@code -:length} for a stretch, each followed by a comma. It
 * says where the parts are in the file it was made with; it is trusted as the digests of pages are, so a file edited
 * by hand in the published site may be copied from.
 */
final class PartedWrite extends StreamedFile.Output {
    private static final String STRETCH = "-";
    private final WriteOnDifference target;
    private final BufferedOutputStream buffer;
    /** Offset and length in the published file, by part key digest. */
    private final Map<String, long[]> published;
    private final StringBuilder layout = new StringBuilder();
    private long position;
    /** Where the last part ended: the bytes from there to {@link #position} are a stretch. */
    private long partEnd;

    PartedWrite(WriteOnDifference target, String publishedLayout) {
        this.target = target;
        this.buffer = new BufferedOutputStream(target, 1 << 16);
        this.published = parts(publishedLayout);
    }

    /** The parts of a layout by key digest; none for an absent or damaged layout. */
    private static Map<String, long[]> parts(String layout) {
        Map<String, long[]> parts = new HashMap<>();
        if (layout == null) {
            return parts;
        }
        long offset = 0;
        for (String entry : layout.split(",")) {
            int colon = entry.indexOf(':');
            if (entry.isEmpty()) {
                continue;
            }
            try {
                long length = Long.parseLong(entry.substring(colon + 1));
                if (colon <= 0 || length < 0) {
                    return Map.of();
                }
                if (!entry.startsWith(STRETCH + ":")) {
                    parts.putIfAbsent(entry.substring(0, colon), new long[]{offset, length});
                }
                offset += length;
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                return Map.of();
            }
        }
        return parts;
    }

    @Override
    public void write(int b) throws IOException {
        buffer.write(b);
        position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        buffer.write(bytes, offset, length);
        position += length;
    }

    @Override
    public void part(String key, StreamedFile.Content part) throws IOException {
        String digest = Sha256.hex(key).substring(0, 24);
        endStretch();
        long[] at = published.get(digest);
        buffer.flush(); // what came before goes first
        if (at != null && target.copyPublished(at[0], at[1])) {
            position += at[1];
        } else {
            part.writeTo(this);
        }
        layout.append(digest).append(':').append(position - partEnd).append(',');
        partEnd = position;
    }

    private void endStretch() {
        if (position > partEnd) {
            layout.append(STRETCH).append(':').append(position - partEnd).append(',');
            partEnd = position;
        }
    }

    /** The layout of what was written, once closed. */
    String layout() {
        return layout.toString();
    }

    @Override
    public void close() throws IOException {
        endStretch();
        buffer.close();
    }
}
