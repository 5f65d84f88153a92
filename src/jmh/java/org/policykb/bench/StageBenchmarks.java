package org.policykb.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.policykb.index.BrowserIndexExport;
import org.policykb.index.SearchIndex;
import org.policykb.model.OutputFile;
import org.policykb.parse.PlainTextParser;
import org.policykb.render.RenderContext;
import org.policykb.render.SiteRenderer;
import org.policykb.source.TextDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One benchmark per hot stage, each over all the documents of {@link Samples} in one thread, so the figures
 * are per content folder and comparable from one commit to the next. Not final: JMH subclasses it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class StageBenchmarks {
    private static final RenderContext CONTEXT = new RenderContext(LocalDate.of(2025, 1, 1), "政策文件知识库");

    private final TextDecoder decoder = new TextDecoder();
    private final PlainTextParser parser = new PlainTextParser();
    private final BrowserIndexExport browserIndex = new BrowserIndexExport();
    private SiteRenderer renderer;

    @Setup
    public void loadTemplates() {
        renderer = new SiteRenderer(Samples.templates());
    }

    @Benchmark
    public void decode(Samples in, Blackhole out) {
        for (int i = 0; i < in.bytes.size(); i++) {
            out.consume(decoder.decode(in.sources.get(i).relativePath(), in.bytes.get(i)));
        }
    }

    @Benchmark
    public void parse(Samples in, Blackhole out) {
        in.sources.forEach(source -> out.consume(parser.parse(source)));
    }

    @Benchmark
    public void extract(Samples in, Blackhole out) {
        for (int i = 0; i < in.parsed.size(); i++) {
            out.consume(in.extractor.extract(in.ids.get(i), in.parsed.get(i)));
        }
    }

    @Benchmark
    public List<OutputFile> render(Samples in) {
        return renderer.render(in.knowledgeBase, CONTEXT);
    }

    /** A full index: every invocation writes into a new, empty folder (an existing index would skip unchanged items). */
    @Benchmark
    public SearchIndex.UpdateCounts index(Samples in, EmptyFolder folder) throws IOException {
        try (SearchIndex index = SearchIndex.open(folder.path)) {
            return index.update(in.knowledgeBase);
        }
    }

    @Benchmark
    public List<OutputFile> browserIndexExport(Samples in, BuiltIndex built) throws IOException {
        return browserIndex.export(built.index, in.knowledgeBase);
    }

    /** A new empty folder for each invocation, deleted after it. */
    @State(Scope.Thread)
    public static class EmptyFolder {
        Path path;

        @Setup(Level.Invocation)
        public void create() throws IOException {
            path = Files.createTempDirectory("policykb-jmh-index");
        }

        @TearDown(Level.Invocation)
        public void delete() throws IOException {
            deleteTree(path);
        }
    }

    /** The search index of the samples, written once per trial. */
    @State(Scope.Benchmark)
    public static class BuiltIndex {
        Path path;
        SearchIndex index;

        @Setup
        public void build(Samples in) throws IOException {
            path = Files.createTempDirectory("policykb-jmh-export");
            index = SearchIndex.open(path);
            index.update(in.knowledgeBase);
        }

        @TearDown
        public void close() throws IOException {
            index.close();
            deleteTree(path);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
