package org.policykb.testing;

import org.policykb.model.SourceFile;
import org.policykb.source.ContentScanner;
import org.policykb.source.ScanResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The documents tests read: the sample content and the fixture sites under src/test/resources/sites. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path projectRoot() {
        return Path.of("").toAbsolutePath();
    }

    public static Path content() {
        return projectRoot().resolve("content");
    }

    /** A copy of the sample documents in {@code dir}, for tests that edit them. */
    public static Path copyOfContent(Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(content())) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    public static Path site(String name) {
        return projectRoot().resolve("src/test/resources/sites").resolve(name);
    }

    /**
     * The gold answers and their evaluator: the team's shared copy beside the repository (../shared/gold) when it
     * is there, since that is the one kept up to date; else the copy committed with the tests, so a clone anywhere
     * still scores itself. {@code GoldCopyTest} checks the two agree wherever both exist.
     */
    public static Path gold() {
        Path shared = sharedGold();
        return Files.isDirectory(shared) ? shared : committedGold();
    }

    public static Path sharedGold() {
        return projectRoot().resolveSibling("shared").resolve("gold");
    }

    public static Path committedGold() {
        return projectRoot().resolve("src/test/resources/gold");
    }

    /** Every readable fixture document: the samples and every fixture site's documents. */
    public static List<SourceFile> allDocuments() {
        List<SourceFile> all = new ArrayList<>(scan(content()).files());
        try (Stream<Path> sites = Files.list(projectRoot().resolve("src/test/resources/sites"))) {
            for (Path site : sites.sorted().toList()) {
                all.addAll(scan(site).files());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }

    public static ScanResult scan(Path folder) {
        return new ContentScanner(Set.of("txt", "md", "html", "htm", "docx")).scan(folder);
    }

    /** A source file made from a string, for parser and extractor tests. */
    public static SourceFile text(String name, String text) {
        return new SourceFile(Path.of(name), name, "UTF-8", text, Integer.toHexString(text.hashCode()));
    }
}
