package org.policykb.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.policykb.build.KnowledgeBaseReader;
import org.policykb.extract.DocumentExtractor;
import org.policykb.extract.Gazetteer;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.ParsedDocument;
import org.policykb.model.SourceFile;
import org.policykb.parse.PlainTextParser;
import org.policykb.source.ContentScanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The input of every benchmark, prepared once per trial: the plain-text documents of a content folder (the
 * samples in content/ unless {@code -p content=DIR}) as bytes, decoded, parsed, and the knowledge base a build
 * reads from that folder. Not final: JMH subclasses its state classes.
 */
@State(Scope.Benchmark)
public class Samples {
    /** The content folder, relative to the folder JMH runs in (bench/jmh.sh runs in the repository). */
    @Param("content")
    public String content;

    List<SourceFile> sources;
    List<byte[]> bytes;
    List<ParsedDocument> parsed;
    List<String> ids;
    KnowledgeBase knowledgeBase;
    DocumentExtractor extractor;

    @Setup
    public void read() {
        Path root = Path.of(content);
        sources = new ContentScanner(Set.of("txt")).scan(root).files();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("No .txt documents to benchmark under " + root.toAbsolutePath());
        }
        bytes = sources.stream().map(Samples::bytesOf).toList();
        PlainTextParser parser = new PlainTextParser();
        parsed = sources.stream().map(parser::parse).toList();
        ids = sources.stream().map(f -> DocumentExtractor.documentId(f.relativePath())).toList();
        extractor = new DocumentExtractor(Gazetteer.load());
        knowledgeBase = KnowledgeBaseReader.read(root);
    }

    /** The templates of PolicyKB, found as the launcher finds them. */
    static Path templates() {
        return Path.of(System.getProperty("policykb.home", ".")).resolve("templates");
    }

    private static byte[] bytesOf(SourceFile file) {
        try {
            return Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.path(), e);
        }
    }
}
