package org.policykb.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * An output stream that compares what it is given with the published file and writes nothing while they agree.
 * At the first difference it creates the new file, copies the agreeing part from the published one and goes on
 * writing. A file too large to hold in memory is so never written when it did not change, and never held whole.
 */
final class WriteOnDifference extends OutputStream {
    private final Path target;
    private final Opener opener;
    private FileChannel published;
    private long agreed;
    private FileChannel written;
    private ByteBuffer readBack = ByteBuffer.allocate(0);
    private boolean closed;

    /** Makes the target file ready to be created (e.g. removes a spare's file first); called once, if at all. */
    @FunctionalInterface
    interface Opener {
        void prepare(Path target) throws IOException;
    }

    /**
     * @param published the published file, or null when there is none: then every byte is written
     * @param length    how many bytes will be given, or -1 when not known; a published file of another length is
     *                  not read at all
     */
    WriteOnDifference(Path published, long length, Path target, Opener opener) throws IOException {
        this.target = target;
        this.opener = opener;
        if (published != null && Files.isRegularFile(published, LinkOption.NOFOLLOW_LINKS)
                && (length < 0 || Files.size(published) == length)) {
            this.published = FileChannel.open(published, StandardOpenOption.READ);
        } else {
            startWriting();
        }
    }

    /** True when the bytes given equal the published file's: nothing was written. */
    boolean unchanged() {
        return closed && written == null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (written == null && !agrees(bytes, offset, length)) {
            startWriting();
        }
        if (written != null) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                written.write(buffer);
            }
        }
    }

    /** Compares the next {@code length} bytes with the published file's; advances past them when they agree. */
    private boolean agrees(byte[] bytes, int offset, int length) throws IOException {
        if (readBack.capacity() < length) {
            readBack = ByteBuffer.allocate(length);
        }
        readBack.clear().limit(length);
        long at = agreed;
        while (readBack.hasRemaining()) {
            int n = published.read(readBack, at);
            if (n < 0) {
                return false;
            }
            at += n;
        }
        if (!Arrays.equals(readBack.array(), 0, length, bytes, offset, offset + length)) {
            return false;
        }
        agreed = at;
        return true;
    }

    /**
     * Puts bytes {@code offset} to {@code offset + length} of the published file next, as if they had been written.
     * Where they are already where they would go and all before agreed, nothing is read or written at all; otherwise
     * the file system copies them. False, with nothing done, when the published file does not have them.
     */
    boolean copyPublished(long offset, long length) throws IOException {
        if (published == null || offset < 0 || length < 0 || offset + length > published.size()) {
            return false;
        }
        if (written == null && offset == agreed) {
            agreed += length;
            return true;
        }
        if (written == null) {
            startWriting();
        }
        transfer(offset, length);
        return true;
    }

    /** Creates the new file with the part that agreed so far, copied from the published file. */
    private void startWriting() throws IOException {
        opener.prepare(target);
        written = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (published != null) {
            transfer(0, agreed);
        }
    }

    private void transfer(long offset, long length) throws IOException {
        for (long copied = 0; copied < length; ) {
            copied += published.transferTo(offset + copied, length - copied, written);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (written == null && published.size() != agreed) {
                startWriting(); // the published file is longer: the new one is its first part
            }
        } finally {
            closed = true;
            if (published != null) {
                published.close();
            }
            if (written != null) {
                written.close();
            }
        }
    }
}
