package org.policykb.render;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The related tasks of every task of a site, by task position (the order of the knowledge base), with a digest of
 * what they were computed from: each task's id, document, departments and the letters of its title and opening.
 * A build whose tasks give the same digest reuses the table instead of comparing every task again, so an edit of
 * a figure, a goal, or of text past a task's opening costs nothing here. Immutable.
 */
public final class RelatedTaskTable {
    /** No table: the related tasks are computed. */
    public static final RelatedTaskTable NONE = new RelatedTaskTable("", new int[] {0}, new int[0], new double[0], Map.of());
    private static final String MAGIC = "policykb related tasks 2\n";

    private final String inputs;
    /** Task {@code i}'s related tasks are {@code related[start[i] .. start[i + 1])}, best first. */
    private final int[] start;
    private final int[] related;
    private final double[] similarity;
    /**
     * By document version (what exactly a document was read from), a digest of its tasks' compared wording: a
     * later build finds the wording of a document it read from the same source without taking its tasks apart.
     */
    private final Map<String, String> wordingByVersion;

    RelatedTaskTable(String inputs, int[] start, int[] related, double[] similarity, Map<String, String> wordingByVersion) {
        if (start.length == 0 || start[start.length - 1] != related.length || related.length != similarity.length) {
            throw new IllegalArgumentException("inconsistent related-task table");
        }
        this.inputs = inputs;
        this.start = start;
        this.related = related;
        this.similarity = similarity;
        this.wordingByVersion = Map.copyOf(wordingByVersion);
    }

    /** The digest of the wording of the tasks of the document read as {@code version}, if this table knows it. */
    Optional<String> wording(String version) {
        return Optional.ofNullable(wordingByVersion.get(version));
    }


    /** The digest of what the table was computed from. */
    String inputs() {
        return inputs;
    }

    int tasks() {
        return start.length - 1;
    }

    /** How many related tasks task {@code task} has. */
    int count(int task) {
        return start[task + 1] - start[task];
    }

    /** The position of task {@code task}'s {@code k}-th related task. */
    int related(int task, int k) {
        return related[start[task] + k];
    }

    /** How alike the wording of task {@code task} and its {@code k}-th related task is (Jaccard of bigrams). */
    double similarity(int task, int k) {
        return similarity[start[task] + k];
    }

    /** The table as bytes, for a file that {@link #read} takes back. */
    public byte[] bytes() {
        byte[] magic = MAGIC.getBytes(StandardCharsets.UTF_8);
        byte[] digest = inputs.getBytes(StandardCharsets.UTF_8);
        byte[] wording = wordingBytes();
        ByteBuffer out = ByteBuffer.allocate(magic.length + 4 + digest.length + 4 + wording.length + 4 + 4 * start.length
                + 4 * related.length + 8 * similarity.length);
        out.put(magic).putInt(digest.length).put(digest).putInt(wording.length).put(wording).putInt(start.length);
        out.asIntBuffer().put(start);
        out.position(out.position() + 4 * start.length);
        out.asIntBuffer().put(related);
        out.position(out.position() + 4 * related.length);
        out.asDoubleBuffer().put(similarity);
        return out.array();
    }

    /** The wording digests as lines of version, tab, digest, sorted (so equal tables give equal bytes). */
    private byte[] wordingBytes() {
        StringBuilder lines = new StringBuilder();
        new java.util.TreeMap<>(wordingByVersion).forEach((version, digest) ->
                lines.append(version).append('\t').append(digest).append('\n'));
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<Map<String, String>> wordingOf(String lines) {
        Map<String, String> wording = new java.util.HashMap<>();
        for (String line : lines.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                return Optional.empty();
            }
            wording.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return Optional.of(wording);
    }

    /** The table {@link #bytes} wrote, or none when the bytes are not one (another format, cut short, damaged). */
    public static Optional<RelatedTaskTable> read(byte[] bytes) {
        byte[] magic = MAGIC.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < magic.length || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
            return Optional.empty();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes, magic.length, bytes.length - magic.length);
            int digestLength = in.getInt();
            if (digestLength < 0 || digestLength > in.remaining()) {
                return Optional.empty();
            }
            byte[] digest = new byte[digestLength];
            in.get(digest);
            int wordingLength = in.getInt();
            if (wordingLength < 0 || wordingLength > in.remaining()) {
                return Optional.empty();
            }
            byte[] wordingBytes = new byte[wordingLength];
            in.get(wordingBytes);
            Optional<Map<String, String>> wording = wordingOf(new String(wordingBytes, StandardCharsets.UTF_8));
            if (wording.isEmpty()) {
                return Optional.empty();
            }
            int starts = in.getInt();
            if (starts < 1 || 4L * starts > in.remaining()) {
                return Optional.empty();
            }
            int[] start = new int[starts];
            in.asIntBuffer().get(start);
            in.position(in.position() + 4 * start.length);
            int entries = start[start.length - 1];
            if (entries < 0 || in.remaining() != 12L * entries) {
                return Optional.empty();
            }
            int[] related = new int[entries];
            in.asIntBuffer().get(related);
            in.position(in.position() + 4 * entries);
            double[] similarity = new double[entries];
            in.asDoubleBuffer().get(similarity);
            if (start[0] != 0) {
                return Optional.empty();
            }
            for (int i = 0; i + 1 < start.length; i++) {
                if (start[i] < 0 || start[i] > start[i + 1]) {
                    return Optional.empty();
                }
            }
            for (int task : related) {
                if (task < 0 || task >= start.length - 1) {
                    return Optional.empty();
                }
            }
            return Optional.of(new RelatedTaskTable(new String(digest, StandardCharsets.UTF_8), start, related, similarity,
                    wording.get()));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
