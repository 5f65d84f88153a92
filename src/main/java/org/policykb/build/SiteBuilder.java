package org.policykb.build;

import org.policykb.index.BrowserIndexExport;
import org.policykb.index.SearchIndex;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
import org.policykb.model.Problem;
import org.policykb.render.DataExport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A full build: read the content, export the data, render the pages, publish the site. */
public final class SiteBuilder {
    private final KnowledgeBaseReader reader = new KnowledgeBaseReader();
    private final DataExport dataExport = new DataExport();
    private final BrowserIndexExport browserIndex = new BrowserIndexExport();

    public BuildResult build(BuildSettings settings) throws IOException {
        if (!Files.isDirectory(settings.content())) {
            throw new IllegalArgumentException("Content folder does not exist: " + settings.content());
        }
        long started = System.nanoTime();
        KnowledgeBase kb = reader.readFolder(settings.content());
        List<Problem> problems = new ArrayList<>(kb.problems());
        List<OutputFile> files = new ArrayList<>(dataExport.export(kb));
        // the Lucene index lives in the state folder beside the site and is updated item by item
        try (SearchIndex index = SearchIndex.open(stateFolder(settings).resolve("index"))) {
            index.update(kb);
            files.addAll(browserIndex.export(index, kb));
        }
        publish(settings.out(), files);
        return new BuildResult(kb, files.size(), Duration.ofNanos(System.nanoTime() - started), problems);
    }

    /** {@code .policykb/} beside the output folder: what a build keeps between builds (not published). */
    public static Path stateFolder(BuildSettings settings) {
        return settings.out().getParent().resolve(".policykb");
    }

    /** Writes the new site beside the old one and swaps it in, so a failed build leaves the old site as it was. */
    private static void publish(Path out, List<OutputFile> files) throws IOException {
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".new-");
        for (OutputFile f : files) {
            Path target = staging.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.write(target, f.bytes());
        }
        Path old = parent.resolve("." + out.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(out)) {
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot delete " + p, e);
                }
            });
        }
    }
}
