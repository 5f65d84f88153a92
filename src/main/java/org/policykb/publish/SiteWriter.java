package org.policykb.publish;

import org.policykb.model.OutputFile;
import org.policykb.model.StreamedFile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Publishes a site atomically: every file is written into a folder beside the out folder, which then replaces it
 * by two renames (old away, new in). Until the swap the old site stays whole; a failure while writing removes only
 * the new folder. Refuses out folders whose replacement would destroy something else: the file-system root, the
 * user's home, the content folder or any folder containing it, and a folder with files in it that PolicyKB did not
 * write (a mistyped {@code --out ~/Documents} must not empty Documents). Every published site carries a small
 * marker file saying PolicyKB wrote it.
 * <p>
 * With a {@link SiteRecord record}, the replaced site is not deleted but kept beside the new one as its spare
 * ({@code .<name>.spare}), and the next build writes into the spare rather than into an empty folder: only the
 * files that differ from the published ones are touched, not every file of the site (at ten thousand documents,
 * nearly a million hard links and as many deletions per build). The two folders share the files they have in
 * common, so a file of the spare is never written into, only unlinked and replaced.
 */
public final class SiteWriter {
    /** Written into every published site; an existing out folder with files must have it (or an index.html). */
    public static final String MARKER = ".policykb-site";

    private final Path contentRoot;
    private final Path home;
    /** Where the publication records its folders for the next one; null: no spare is kept. */
    private final SiteRecord record;
    private int written;

    /** @param contentRoot the content folder of the build, which the site must never replace */
    public SiteWriter(Path contentRoot) {
        this(contentRoot, Path.of(System.getProperty("user.home")), null);
    }

    /**
     * A writer that keeps the replaced site as the spare of the next build, recording both folders in
     * {@code record} (a file outside the site).
     */
    public SiteWriter(Path contentRoot, Path record) {
        this(contentRoot, Path.of(System.getProperty("user.home")), record);
    }

    SiteWriter(Path contentRoot, Path home, Path record) {
        this.contentRoot = canonical(contentRoot);
        this.home = canonical(home);
        this.record = record == null ? null : new SiteRecord(record);
    }

    public void publish(Path outDir, Collection<OutputFile> files) throws IOException {
        Publication publication = open(outDir);
        try {
            for (OutputFile file : files) {
                publication.write(file);
            }
        } catch (IOException | RuntimeException e) {
            publication.abandon();
            throw e;
        }
        publication.commit();
    }

    /**
     * Starts a new site beside the old one. Files can then be written one at a time, from several threads, as they
     * are made; {@link Publication#commit()} swaps the new site in, {@link Publication#abandon()} removes it and
     * leaves the old site as it was.
     */
    public Publication open(Path outDir) throws IOException {
        return open(outDir, true);
    }

    /** As {@link #open(Path)}; with {@code useSpare} false the new site starts from an empty folder whatever was kept. */
    public Publication open(Path outDir, boolean useSpare) throws IOException {
        Path out = canonical(outDir);
        refuseDangerous(outDir, out);
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("Out folder is not a folder: " + outDir);
        }
        refuseForeign(outDir, out);
        Path parent = out.getParent();
        Files.createDirectories(parent);
        String name = out.getFileName().toString();
        removeLeftovers(parent, name);
        Path spare = parent.resolve("." + name + ".spare");
        SiteRecord.Claims claims = record == null ? null
                : record.take().filter(c -> c.describesSite(out)).orElse(null);
        long[] differing = null;
        Path folder;
        if (claims != null && useSpare && claims.describesSpare(spare)) {
            differing = record.differing(claims);
            folder = Files.createTempDirectory(parent, "." + name + ".new-");
            Files.delete(folder);
            move(spare, folder);
        } else {
            deleteTree(spare);
            folder = Files.createTempDirectory(parent, "." + name + ".new-");
        }
        written = 0;
        return new Publication(out, folder, parent, name, Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS) ? out : null,
                claims, differing);
    }

    /** A site being written beside the published one. */
    public final class Publication {
        private final Path out;
        private final Path fresh;
        private final Path parent;
        private final String name;
        private final Path previous;
        /** What the record said of the published site; null when nothing trustworthy is known of it. */
        private final SiteRecord.Claims claims;
        /**
         * When the new site is written into the spare: the hashes of the paths where the spare differs from the
         * published site (every other file of the spare is the published file). Null when it started empty.
         */
        private final long[] differing;
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        /** Every path of the new site, written or kept: a second file for one is refused. */
        private final java.util.Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** The paths written anew, whose files the old site (the next spare) does not share. */
        private final java.util.Queue<String> writtenPaths = new java.util.concurrent.ConcurrentLinkedQueue<>();
        /**
         * The folders of the new site made so far: asking the file system to make a folder that exists costs a failed
         * call and an exception, once per file of a site that has a hundred files a folder.
         */
        private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private Publication(Path out, Path fresh, Path parent, String name, Path previous, SiteRecord.Claims claims,
                            long[] differing) {
            this.out = out;
            this.fresh = fresh;
            this.parent = parent;
            this.name = name;
            this.previous = previous;
            this.claims = claims;
            this.differing = differing;
        }

        /** True when the spare's file at {@code path} is not the published one (or the new site started empty). */
        private boolean differs(String path) {
            return differing == null || SiteRecord.contains(differing, path);
        }

        /**
         * Writes one file into the new site; a file whose bytes equal the published one is hard-linked to it instead
         * (or, in the spare, left as it is), so it keeps its file time and an upload tool sends only real changes.
         */
        public void write(OutputFile file) throws IOException {
            byte[] bytes = file.bytes();
            write(file.path(), bytes.length, out -> out.write(bytes), null);
        }

        /**
         * As {@link #write(OutputFile)}, for a file given as a stream: it is compared with the published one as it
         * comes, and written from the first difference on. Its parts that {@code publishedLayout} (what this method
         * returned when the published file was written, or null) names are copied from the published file.
         *
         * @return the layout of the file's parts, for the next build to pass back
         */
        public String write(StreamedFile file, String publishedLayout) throws IOException {
            return write(file.path(), -1, file.content(), publishedLayout);
        }

        private String write(String path, long length, StreamedFile.Content content, String publishedLayout)
                throws IOException {
            Path target = inside(fresh, path);
            claim(path);
            try {
                folderOf(target, folders);
                Path old = previous == null ? null : inside(previous, path);
                // never write through a link into the published file: the spare's file goes first
                WriteOnDifference out = new WriteOnDifference(old, length, target,
                        t -> {
                            if (differing != null) {
                                Files.deleteIfExists(t);
                            }
                        });
                PartedWrite parted = new PartedWrite(out, publishedLayout);
                try (parted) {
                    content.writeTo(parted);
                }
                if (out.unchanged()) {
                    if (!differs(path) || replaceByLink(target, old, path)) {
                        return parted.layout();
                    }
                    Files.copy(old, target); // no hard links here: a copy of the published file
                }
                writtenPaths.add(path);
                count.incrementAndGet();
                return parted.layout();
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException("Cannot write " + path + " to " + target + ": " + e, e);
            }
        }

        /**
         * Carries the file published at {@code path} over into the new site as it is (a hard link, so its file time
         * stays); false when the published site has no such file, and the caller must write it.
         */
        public boolean keep(String path) throws IOException {
            if (previous == null) {
                return false;
            }
            if (!differs(path)) {
                claim(path); // the spare's file is the published one
                return true;
            }
            Path old = inside(previous, path);
            if (!Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            claim(path);
            Path target = inside(fresh, path);
            folderOf(target, folders);
            if (!replaceByLink(target, old, path)) {
                Files.copy(old, target);
            }
            return true;
        }

        /**
         * Carries every file the published site has under {@code folder} (e.g. {@code "search/"}) over into the new
         * site, as {@link #keep} does one, and hands each path to {@code kept}. False, with nothing kept, when the
         * record of the published site is not to be trusted or a file it lists is missing: the caller makes them.
         */
        public boolean keepAll(String folder, java.util.function.Consumer<String> kept) throws IOException {
            return keepAll(folder, path -> true, kept);
        }

        /** As {@link #keepAll(String, java.util.function.Consumer)}, for the files under {@code folder} that {@code which} accepts. */
        public boolean keepAll(String folder, java.util.function.Predicate<String> which,
                               java.util.function.Consumer<String> kept) throws IOException {
            if (previous == null || claims == null) {
                return false;
            }
            List<String> found = new ArrayList<>();
            boolean[] complete = {true};
            record.forEachPath(claims, (path, published) -> {
                if (published && path.startsWith(folder) && which.test(path)) {
                    found.add(path);
                    if (differs(path) && !Files.isRegularFile(inside(previous, path), LinkOption.NOFOLLOW_LINKS)) {
                        complete[0] = false;
                    }
                }
            });
            if (!complete[0] || found.isEmpty()) {
                return false;
            }
            for (String path : found) {
                if (!keep(path)) {
                    throw new IOException("The published file " + path + " went missing during the build");
                }
                kept.accept(path);
            }
            return true;
        }

        /**
         * Carries each of the published files at {@code paths} over into the new site, as {@link #keep} does one.
         * False, with nothing kept, when the published site lacks one of them: the caller makes them.
         */
        public boolean keepEach(java.util.Collection<String> paths) throws IOException {
            if (previous == null) {
                return false;
            }
            for (String path : paths) {
                if (differs(path) && !Files.isRegularFile(inside(previous, path), LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
            }
            for (String path : paths) {
                if (!keep(path)) {
                    throw new IOException("The published file " + path + " went missing during the build");
                }
            }
            return true;
        }

        /** True when the new site has a file at {@code path}, written or kept. */
        public boolean holds(String path) {
            return paths.contains(path);
        }

        private void claim(String path) {
            if (!paths.add(path)) {
                throw twoFiles(path);
            }
        }

        /** Links the published file into the new site in place of what the spare had there; false if it cannot. */
        private boolean replaceByLink(Path target, Path old, String path) throws IOException {
            if (differing != null) {
                Files.deleteIfExists(target);
            }
            return link(target, old, path);
        }

        /** The bytes of a file already in the new site (written or kept). */
        public byte[] read(String path) {
            try {
                return Files.readAllBytes(inside(fresh, path));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot read back " + path + " from the new site", e);
            }
        }

        public void commit() throws IOException {
            // the paths of the published site the new one lacks: gone from the new site, and where the next spare differs
            List<String> gone = new ArrayList<>();
            try {
                if (!Files.exists(fresh.resolve(MARKER))) {
                    Files.writeString(fresh.resolve(MARKER), "Written by PolicyKB; this folder is replaced on every build.\n");
                }
                if (claims != null) {
                    record.forEachPath(claims, (path, published) -> {
                        if (!paths.contains(path)) {
                            if (differing != null) {
                                removeFromSpare(path);
                            }
                            if (published) {
                                gone.add(path);
                            }
                        }
                    });
                }
            } catch (IOException | RuntimeException e) {
                abandon();
                throw e;
            }
            written = count.get();
            // the old site is kept as the next spare only when the record says what it holds
            Path spare = record != null && claims != null ? parent.resolve("." + name + ".spare") : null;
            swap(out, fresh, parent, name, spare);
            if (record != null) {
                List<String> differ = new ArrayList<>(writtenPaths);
                differ.addAll(gone);
                record.write(out, spare, paths, differ);
            }
        }

        /** Deletes a file the new site does not have from the spare, and the folders that leaves empty. */
        private void removeFromSpare(String path) throws IOException {
            Path file = inside(fresh, path);
            if (!Files.deleteIfExists(file)) {
                return;
            }
            for (Path folder = file.getParent(); !folder.equals(fresh); folder = folder.getParent()) {
                try {
                    Files.delete(folder);
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    return;
                }
            }
        }

        public void abandon() throws IOException {
            deleteTree(fresh);
        }
    }

    private void refuseDangerous(Path given, Path out) {
        if (out.getParent() == null) {
            throw new IllegalArgumentException("Refusing to publish into the file-system root: " + given);
        }
        if (out.equals(home)) {
            throw new IllegalArgumentException("Refusing to replace the home folder with the site: " + given);
        }
        if (contentRoot.startsWith(out)) {
            throw new IllegalArgumentException("Refusing to publish into " + given
                    + ": it is or contains the content folder " + contentRoot);
        }
    }

    /** A non-empty folder without the marker is someone's files, not an old site (an index.html counts as a site). */
    private static void refuseForeign(Path given, Path out) throws IOException {
        if (!Files.isDirectory(out) || Files.exists(out.resolve(MARKER)) || Files.exists(out.resolve("index.html"))) {
            return;
        }
        try (var entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("Refusing to replace " + given + ": it holds files PolicyKB did not"
                        + " write (no " + MARKER + "). Empty it or choose another out folder.");
            }
        }
    }

    private static Path inside(Path root, String path) {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("Output path leaves the site folder: " + path);
        }
        return target;
    }

    /** Makes the folder {@code file} goes in, unless it is among the {@code made} ones. */
    private static void folderOf(Path file, java.util.Set<Path> made) throws IOException {
        Path folder = file.getParent();
        if (!made.contains(folder)) {
            Files.createDirectories(folder);
            made.add(folder);
        }
    }

    /**
     * A build killed while writing leaves its half-written folder beside the site (the site itself untouched);
     * the next build removes it. Only folders named like this writer's own temporary folders are touched.
     */
    private static void removeLeftovers(Path parent, String name) throws IOException {
        try (java.util.stream.Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.toList()) {
                String n = p.getFileName().toString();
                if ((n.startsWith("." + name + ".new-") || n.startsWith("." + name + ".old-"))
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                }
            }
        }
    }

    private static IllegalArgumentException twoFiles(String path) {
        return new IllegalArgumentException("Two files for " + path);
    }

    private static boolean link(Path target, Path existing, String path) {
        try {
            Files.createLink(target, existing);
            return true;
        } catch (FileAlreadyExistsException e) {
            throw twoFiles(path);
        } catch (IOException | UnsupportedOperationException e) {
            return false; // another file system, or no hard links there: write the bytes instead
        }
    }

    /** How many files the last publish actually wrote (the others were unchanged and kept). */
    public int written() {
        return written;
    }

    /**
     * Old away, new in, old deleted or kept as {@code spare}; if the new one cannot be moved in, the old one is moved
     * back.
     */
    private static void swap(Path out, Path fresh, Path parent, String name, Path spare) throws IOException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            move(fresh, out);
            return;
        }
        Path old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.delete(old);
        move(out, old);
        try {
            move(fresh, out);
        } catch (IOException e) {
            move(old, out);
            deleteTree(fresh);
            throw new IOException("Cannot move the new site into " + out + "; the old site is kept", e);
        }
        if (spare != null) {
            move(old, spare);
        } else {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder this writer created or renamed; symbolic links are removed, never followed. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The absolute, normalised path, with symbolic links resolved for the part that exists. */
    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot resolve " + path, e);
        }
    }
}
