package org.policykb.publish;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the last publication left beside the site, kept in a file outside it (in the build's state folder): which
 * folders the published site and its spare are (by file key: device and inode, which a rename keeps and a new
 * folder does not have), every path of the published site, and the paths where the spare differs from it.
 * <p>
 * A build takes the record before it touches anything and writes a new one only after its site is swapped in, so
 * a build that stops in between leaves no record, and the next one trusts neither folder.
 */
final class SiteRecord {
    private static final String HEADER = "policykb site record 1";
    private static final String NONE = "-";

    private final Path file;

    SiteRecord(Path file) {
        this.file = file;
    }

    /** What a record said, and the file its paths are read from until the next record is written. */
    record Claims(String siteKey, String spareKey, Path paths) {
        boolean describesSite(Path site) {
            return !siteKey.equals(NONE) && siteKey.equals(key(site));
        }

        boolean describesSpare(Path spare) {
            return !spareKey.equals(NONE) && spareKey.equals(key(spare));
        }
    }

    /** Reads one path of a record: of the published site ({@code published}) or where the spare differs from it. */
    @FunctionalInterface
    interface PathVisitor {
        void visit(String path, boolean published) throws IOException;
    }

    /**
     * Moves the record aside and returns its claims; none when there is no record or it is not one this class
     * wrote. The record stays aside (not a claim any more) until {@link #write} replaces it.
     */
    Optional<Claims> take() throws IOException {
        Path taken = taken();
        Files.deleteIfExists(taken);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Files.move(file, taken, StandardCopyOption.ATOMIC_MOVE);
        try (BufferedReader in = Files.newBufferedReader(taken, StandardCharsets.UTF_8)) {
            String site = HEADER.equals(in.readLine()) ? value(in.readLine(), "site") : null;
            String spare = value(in.readLine(), "spare");
            return site == null || spare == null ? Optional.empty() : Optional.of(new Claims(site, spare, taken));
        } catch (IOException e) {
            return Optional.empty(); // unreadable: trusting neither folder is always right
        }
    }

    private static String value(String line, String name) {
        return line != null && line.startsWith(name + "\t") ? line.substring(name.length() + 1) : null;
    }

    void forEachPath(Claims claims, PathVisitor visitor) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(claims.paths(), StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                throw new IOException("Not a site record: " + claims.paths());
            }
            in.readLine();
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.length() > 2 && line.charAt(1) == '\t') {
                    visitor.visit(line.substring(2), line.charAt(0) == 'P');
                }
            }
        }
    }

    /** The {@link #hash}es of the paths where the spare differs from the site, sorted for {@link #contains}. */
    long[] differing(Claims claims) throws IOException {
        java.util.stream.LongStream.Builder hashes = java.util.stream.LongStream.builder();
        forEachPath(claims, (path, published) -> {
            if (!published) {
                hashes.add(hash(path));
            }
        });
        return hashes.build().sorted().toArray();
    }

    static boolean contains(long[] sortedHashes, String path) {
        return Arrays.binarySearch(sortedHashes, hash(path)) >= 0;
    }

    /**
     * 64-bit FNV-1a of the path's characters: a set of a million paths as hashes takes 8 MB instead of a hundred. A
     * collision only makes a file that did not differ count as differing, which costs a link, never a wrong file.
     */
    private static long hash(String path) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < path.length(); i++) {
            h ^= path.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Replaces the record (and the one taken) with what the publication just swapped in. */
    void write(Path site, Path spare, Iterable<String> published, Iterable<String> differing) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.append(HEADER).append('\n');
            out.append("site\t").append(key(site)).append('\n');
            out.append("spare\t").append(spare == null ? NONE : key(spare)).append('\n');
            for (String path : published) {
                out.append("P\t").append(path).append('\n');
            }
            for (String path : differing) {
                out.append("D\t").append(path).append('\n');
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(taken());
    }

    private Path taken() {
        return file.resolveSibling(file.getFileName() + ".taken");
    }

    /** The folder's file key as text, or {@value #NONE} when it does not exist or the file system has none. */
    static String key(Path folder) {
        try {
            Object key = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return key == null ? NONE : key.toString();
        } catch (IOException e) {
            return NONE;
        }
    }
}
