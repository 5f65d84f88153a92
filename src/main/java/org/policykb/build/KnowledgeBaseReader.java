package org.policykb.build;

import org.policykb.extract.DocumentExtractor;
import org.policykb.extract.Gazetteer;
import org.policykb.link.DepartmentAliases;
import org.policykb.link.DepartmentLinker;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Problem;
import org.policykb.model.SourceFile;
import org.policykb.parse.DocumentParser;
import org.policykb.parse.MarkdownParser;
import org.policykb.parse.PlainTextParser;
import org.policykb.source.ContentScanner;
import org.policykb.source.DecodeResult;
import org.policykb.source.ScanResult;
import org.policykb.source.TextDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a content folder into the knowledge base: find and decode the files, parse each with the parser for its
 * format, extract, then link departments across documents. Documents are independent until linking, so they are
 * parsed and extracted in parallel; the result is in source-path order whatever the scheduling. A document this
 * reader or an earlier build (through a {@link ParseCache}) already made from the same bytes is not parsed again.
 */
public final class KnowledgeBaseReader {
    private final Map<String, DocumentParser> parsers;
    private final DocumentExtractor extractor;
    private final Map<String, PolicyDocument> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public KnowledgeBaseReader() {
        PlainTextParser plainText = new PlainTextParser();
        // Web pages and Word documents arrive as their canonical text (source stage), which is plain text.
        this.parsers = Map.of("txt", plainText, "md", new MarkdownParser(), "html", plainText, "htm", plainText, "docx", plainText);
        this.extractor = new DocumentExtractor(Gazetteer.load());
    }

    /**
     * The knowledge base, with the content hash of each source file (by its path under the content folder), and how
     * many documents were parsed and how many taken from a cache (the reader's memory or an earlier build's).
     */
    public record Reading(KnowledgeBase knowledgeBase, Map<String, String> hashBySource, int parsed, int cached) {
        public Reading {
            hashBySource = Map.copyOf(hashBySource);
        }
    }

    public static KnowledgeBase read(Path contentRoot) {
        return new KnowledgeBaseReader().readFolder(contentRoot).knowledgeBase();
    }

    public Reading readFolder(Path contentRoot) {
        return readFolder(contentRoot, Progress.NONE);
    }

    public Reading readFolder(Path contentRoot, Progress progress) {
        return readFolder(contentRoot, progress, ParseCache.none());
    }

    Reading readFolder(Path contentRoot, Progress progress, ParseCache parsed) {
        progress.stage("scanning " + contentRoot.getFileName(), 0);
        ScanResult scan = new ContentScanner(parsers.keySet()).scan(contentRoot);
        List<Problem> problems = new ArrayList<>(scan.problems());
        DepartmentAliases aliases = aliases(contentRoot, problems);
        progress.stage("reading documents", scan.files().size());
        AtomicInteger parsedCount = new AtomicInteger();
        List<PolicyDocument> documents = documents(scan.files(), problems, progress, parsed, parsedCount);
        Map<String, String> hashes = new HashMap<>();
        scan.files().forEach(f -> hashes.put(f.relativePath(), f.contentHash()));
        return new Reading(new DepartmentLinker(aliases).link(documents, problems), hashes, parsedCount.get(),
                scan.files().size() - parsedCount.get());
    }

    /** Forgets every document it read, so the next reading parses them all again (a clean build). */
    void forget() {
        cache.clear();
    }

    private List<PolicyDocument> documents(List<SourceFile> files, List<Problem> problems, Progress progress,
                                           ParseCache parsed, AtomicInteger parsedCount) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (SourceFile f : files) {
            String base = DocumentExtractor.documentId(f.relativePath());
            int n = seen.merge(base, 1, Integer::sum);
            ids.add(n == 1 ? base : base + "-" + n);
        }
        List<Problem> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<PolicyDocument> out = java.util.stream.IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> {
                    PolicyDocument doc = read(files.get(i), ids.get(i), parsed, parsedCount, failures);
                    progress.advance();
                    return doc;
                })
                .filter(java.util.Objects::nonNull)
                .toList();
        problems.addAll(failures.stream().sorted(java.util.Comparator.comparing(Problem::file)).toList());
        Set<String> current = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            current.add(cacheKey(parsed, files.get(i), ids.get(i)));
        }
        cache.keySet().retainAll(current);
        return out;
    }

    /**
     * One document, from memory when this reader has read the same bytes under the same id before (a preview server
     * rebuilding after one file changed does not even look at the disk for the others), else from the build's
     * cache, else parsed and cached. A bug that one document triggers is reported against that document; the others
     * are still read.
     */
    private PolicyDocument read(SourceFile file, String id, ParseCache parsed, AtomicInteger parsedCount,
                                List<Problem> failures) {
        String key = cacheKey(parsed, file, id);
        PolicyDocument remembered = cache.get(key);
        if (remembered != null) {
            parsed.keep(file, id);
            return remembered;
        }
        Optional<PolicyDocument> stored = parsed.find(file, id);
        if (stored.isPresent()) {
            cache.put(key, stored.get());
            return stored.get();
        }
        parsedCount.incrementAndGet();
        PolicyDocument doc;
        try {
            doc = extractor.extract(id, parsers.get(file.extension()).parse(file));
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(Problem.error(file.relativePath(), 0, "could not be read (internal error, please report): " + e));
            return null;
        }
        try {
            parsed.store(file, id, doc);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the parse cache in " + parsed.location(), e);
        }
        cache.put(key, doc);
        return doc;
    }

    /** What the reader remembers a document by: the same bytes under the same id, for the same build cache. */
    private static String cacheKey(ParseCache parsed, SourceFile file, String id) {
        return parsed.location() + "\u0000" + file.relativePath() + "\u0000" + file.contentHash() + "\u0000" + id;
    }

    private static DepartmentAliases aliases(Path contentRoot, List<Problem> problems) {
        Path file = contentRoot.resolve(DepartmentAliases.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return DepartmentAliases.none();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return switch (new TextDecoder().decode(DepartmentAliases.FILE_NAME, bytes)) {
                case DecodeResult.Decoded decoded -> DepartmentAliases.parse(DepartmentAliases.FILE_NAME, decoded.text(), problems);
                case DecodeResult.Undecodable bad -> {
                    problems.add(bad.problem());
                    yield DepartmentAliases.none();
                }
            };
        } catch (IOException e) {
            problems.add(Problem.error(DepartmentAliases.FILE_NAME, 0, "cannot read the alias file: " + e.getMessage()));
            return DepartmentAliases.none();
        }
    }
}
