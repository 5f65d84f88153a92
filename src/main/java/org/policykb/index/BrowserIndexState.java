package org.policykb.index;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last export of the browser index leaves for the next one: what the postings were made from (the index's
 * content key, the item and shard counts, the average length, the classes, which it keeps whole) and every term's entry in its shard
 * ({@link BrowserPostings.Entry}). An export after an edit redoes the entries of the terms whose postings changed and
 * takes the rest from here, so it reads and writes the shards the edit touched, not all of them.
 * <p>
 * One file in the build's state folder: a header, then each shard's entries as lines of UTF-8 text (field, term, key,
 * page count, first page, class offsets; tab-separated: a term never holds a tab, JSON text escapes it), found by an
 * offset table, so that a shard is decoded only when it is needed and copied as bytes when it is not.
 */
final class BrowserIndexState {
    /** Changes whenever what the state holds, or how the export makes what it holds, changes. */
    private static final String FORMAT = "policykb browser index state 2";

    /** What the postings of the last export were made from; an export may start from them when they still hold. */
    record Basis(String indexKey, int items, int docCount, float avgdl, int maxFreq, int shardCount, String classes,
                 int fieldCount) {
    }

    private final Basis basis;
    private final BrowserClasses classes;
    private final byte[] data;
    private final int[] offsets;

    private BrowserIndexState(Basis basis, BrowserClasses classes, byte[] data, int[] offsets) {
        this.basis = basis;
        this.classes = classes;
        this.data = data;
        this.offsets = offsets;
    }

    Basis basis() {
        return basis;
    }

    /** The classes the postings were made with. */
    BrowserClasses classes() {
        return classes;
    }

    /** The state in {@code file}, or empty when there is none or it is of another format or damaged. */
    static Optional<BrowserIndexState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(FORMAT)) {
                return Optional.empty();
            }
            Basis basis = new Basis(in.readUTF(), in.readInt(), in.readInt(), in.readFloat(), in.readInt(),
                    in.readInt(), in.readUTF(), in.readInt());
            int minDf = in.readInt();
            int[] classOfItem = ints(in);
            int[] normOfClass = ints(in);
            BrowserClasses classes = BrowserClasses.restored(minDf, classOfItem, normOfClass);
            if (!classes.digest().equals(basis.classes())) {
                return Optional.empty();
            }
            int[] offsets = new int[basis.shardCount() + 1];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = in.readInt();
            }
            byte[] data = in.readNBytes(offsets[basis.shardCount()]);
            if (data.length != offsets[basis.shardCount()] || in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new BrowserIndexState(basis, classes, data, offsets));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the export is made whole, and the state with it
        }
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void write(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    /** The entries of {@code shard}, per field in term order. */
    List<List<BrowserPostings.Entry>> shard(int shard) {
        List<List<BrowserPostings.Entry>> fields = new ArrayList<>();
        for (int f = 0; f < basis.fieldCount(); f++) {
            fields.add(new ArrayList<>());
        }
        String text = new String(data, offsets[shard], offsets[shard + 1] - offsets[shard], StandardCharsets.UTF_8);
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            String[] parts = text.substring(at, end).split("\t", -1);
            int field = Integer.parseInt(parts[0]);
            fields.get(field).add(new BrowserPostings.Entry(field, parts[1], Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]), parts[4], parts[5].isEmpty() ? null : parts[5]));
            at = end + 1;
        }
        return fields;
    }

    /** The bytes of {@code shard}'s entries as stored, for a state that keeps them as they are. */
    byte[] shardBytes(int shard) {
        return java.util.Arrays.copyOfRange(data, offsets[shard], offsets[shard + 1]);
    }

    /** A shard's entries as stored. */
    static byte[] bytes(List<List<BrowserPostings.Entry>> fields) {
        StringBuilder out = new StringBuilder();
        for (List<BrowserPostings.Entry> entries : fields) {
            for (BrowserPostings.Entry e : entries) {
                out.append(e.field()).append('\t').append(e.term()).append('\t').append(e.key()).append('\t')
                        .append(e.pageCount()).append('\t').append(e.first()).append('\t')
                        .append(e.offsets() == null ? "" : e.offsets()).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes a state of {@code basis}, made with {@code classes}, whose shards' bytes {@code shardBytes} gives,
     * replacing {@code file} whole.
     */
    static void write(Path file, Basis basis, BrowserClasses classes, java.util.function.IntFunction<byte[]> shardBytes)
            throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        ByteArrayOutputStream blobs = new ByteArrayOutputStream();
        int[] offsets = new int[basis.shardCount() + 1];
        for (int s = 0; s < basis.shardCount(); s++) {
            blobs.write(shardBytes.apply(s));
            offsets[s + 1] = blobs.size();
        }
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeUTF(FORMAT);
            out.writeUTF(basis.indexKey());
            out.writeInt(basis.items());
            out.writeInt(basis.docCount());
            out.writeFloat(basis.avgdl());
            out.writeInt(basis.maxFreq());
            out.writeInt(basis.shardCount());
            out.writeUTF(basis.classes());
            out.writeInt(basis.fieldCount());
            out.writeInt(classes.minDf());
            write(out, classes.classOfItem());
            write(out, classes.normOfClass());
            for (int offset : offsets) {
                out.writeInt(offset);
            }
            blobs.writeTo(out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the state: what it describes is about to change. */
    static void forget(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
