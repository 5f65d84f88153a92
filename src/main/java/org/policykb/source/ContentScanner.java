package org.policykb.source;

import org.policykb.model.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.policykb.model.Problem;
import org.policykb.model.SourceFile;
import org.policykb.source.DecodeResult.Decoded;
import org.policykb.source.DecodeResult.Undecodable;

/**
 * Finds the content files under a folder (recursively, following symbolic links, skipping hidden names),
 * decodes each with {@link TextDecoder} (web pages with {@link HtmlReader}, Word documents with
 * {@link DocxReader}, into their canonical text) and hashes its bytes. Files come out sorted by relative path; every
 * file that cannot be used becomes a {@link Problem} and the others still come through.
 */
public final class ContentScanner {

    private final Set<String> extensions;
    private final TextDecoder decoder = new TextDecoder();
    private final HtmlReader htmlReader = new HtmlReader(decoder);
    private final DocxReader docxReader = new DocxReader();

    /** @param extensions the file extensions to take, without the dot, e.g. {@code Set.of("txt", "md")} */
    public ContentScanner(Set<String> extensions) {
        if (extensions.isEmpty()) {
            throw new IllegalArgumentException("A content scanner needs at least one file extension");
        }
        this.extensions = extensions.stream()
                .map(ext -> ext.startsWith(".") ? ext.substring(1) : ext)
                .map(ext -> ext.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public ScanResult scan(Path contentRoot) {
        if (!Files.isDirectory(contentRoot)) {
            throw new IllegalArgumentException("Content folder does not exist or is not a folder: " + contentRoot);
        }
        List<Problem> problems = new ArrayList<>();
        List<Found> found = walk(contentRoot, problems);
        // The list is sorted before the parallel map, and toList() keeps that order.
        List<Outcome> outcomes = found.parallelStream().map(this::read).toList();
        List<SourceFile> files = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            outcome.file().ifPresent(files::add);
            problems.addAll(outcome.problems());
        }
        problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return new ScanResult(files, problems);
    }

    /** A file to read, with its forward-slash path relative to the content root. */
    private record Found(Path path, String relativePath) {}

    /** What became of one file: a source file (perhaps with warnings) or the problem that kept it out. */
    private record Outcome(Optional<SourceFile> file, List<Problem> problems) {
        static Outcome of(SourceFile file, List<Problem> warnings) {
            return new Outcome(Optional.of(file), List.copyOf(warnings));
        }

        static Outcome of(Problem problem) {
            return new Outcome(Optional.empty(), List.of(problem));
        }
    }

    private List<Found> walk(Path root, List<Problem> problems) {
        List<Found> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file) || !hasWantedExtension(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        found.add(new Found(file, relative(root, file)));
                    } else if (attrs.isSymbolicLink()) {
                        // With FOLLOW_LINKS the walker only reports a link itself when its target is missing.
                        problems.add(Problem.error(relative(root, file), 0, "cannot read the file: it is a symbolic link to "
                                + "a file that does not exist"));
                    } else if (attrs.isOther()) {
                        // Reading a named pipe would block the build until something writes to it.
                        problems.add(Problem.error(relative(root, file), 0, "not a regular file (a named pipe, socket or "
                                + "device), so it was not read"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (isHidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (e instanceof FileSystemLoopException) {
                        problems.add(Problem.error(relative(root, file), 0, "symbolic link loop: this folder links back "
                                + "to a folder that contains it, so it was skipped"));
                    } else {
                        problems.add(Problem.error(relative(root, file), 0, "cannot read: " + reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        problems.add(Problem.error(relative(root, dir), 0, "cannot list the folder: " + reason(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot walk the content folder " + root, e);
        }
        found.sort(Comparator.comparing(Found::relativePath));
        return found;
    }

    private Outcome read(Found found) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(found.path());
        } catch (IOException e) {
            return Outcome.of(Problem.error(found.relativePath(), 0, "cannot read the file: " + reason(e)));
        }
        return switch (decode(found.relativePath(), bytes)) {
            case Undecodable undecodable -> Outcome.of(undecodable.problem());
            case Decoded decoded when decoded.text().isEmpty() ->
                    Outcome.of(Problem.warning(found.relativePath(), 0, "empty file: it has no text, so it was left out"));
            case Decoded decoded when decoded.text().isBlank() ->
                    Outcome.of(Problem.warning(found.relativePath(), 0, "the file holds only white space, so it was left out"));
            case Decoded decoded -> Outcome.of(new SourceFile(found.path(), found.relativePath(), decoded.charset(),
                    decoded.text(), sha256(bytes)), decoded.warnings());
        };
    }

    /** Web pages and Word documents become their canonical text; every other file is text as it stands. */
    private DecodeResult decode(String relativePath, byte[] bytes) {
        return switch (extension(relativePath)) {
            case "html", "htm" -> htmlReader.read(relativePath, bytes);
            case "docx" -> docxReader.read(relativePath, bytes);
            case "doc" -> new Undecodable(Problem.error(relativePath, 0,
                    "old binary Word format (.doc) is not supported: save it as .docx"));
            default -> decoder.decode(relativePath, bytes);
        };
    }

    /** A wanted extension, or .doc when .docx is wanted: an old Word file is reported, not silently skipped. */
    private boolean hasWantedExtension(Path file) {
        String extension = extension(file.getFileName().toString());
        return extensions.contains(extension) || extension.equals("doc") && extensions.contains("docx");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String relative(Path root, Path file) {
        Path relative = root.relativize(file);
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "the file no longer exists";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
