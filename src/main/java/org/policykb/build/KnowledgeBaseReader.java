package org.policykb.build;

import org.policykb.extract.DocumentExtractor;
import org.policykb.extract.Gazetteer;
import org.policykb.link.DepartmentAliases;
import org.policykb.link.DepartmentLinker;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.ParsedDocument;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a content folder into the knowledge base: find and decode the files, parse each with the parser for its
 * format, extract, then link departments across documents. Documents are independent until linking, so they are
 * parsed and extracted in parallel; the result is in source-path order whatever the scheduling.
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

    /** The knowledge base, with the content hash of each source file (by its path under the content folder). */
    public record Reading(KnowledgeBase knowledgeBase, Map<String, String> hashBySource) {
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
        progress.stage("scanning " + contentRoot.getFileName(), 0);
        ScanResult scan = new ContentScanner(parsers.keySet()).scan(contentRoot);
        List<Problem> problems = new ArrayList<>(scan.problems());
        DepartmentAliases aliases = aliases(contentRoot, problems);
        progress.stage("reading documents", scan.files().size());
        List<PolicyDocument> documents = documents(scan.files(), problems, progress);
        Map<String, String> hashes = new HashMap<>();
        scan.files().forEach(f -> hashes.put(f.relativePath(), f.contentHash()));
        return new Reading(new DepartmentLinker(aliases).link(documents, problems), hashes);
    }

    List<PolicyDocument> documents(List<SourceFile> files, List<Problem> problems, Progress progress) {
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
                    PolicyDocument doc = read(files.get(i), ids.get(i), failures);
                    progress.advance();
                    return doc;
                })
                .filter(java.util.Objects::nonNull)
                .toList();
        problems.addAll(failures.stream().sorted(java.util.Comparator.comparing(Problem::file)).toList());
        Set<String> current = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            current.add(cacheKey(files.get(i), ids.get(i)));
        }
        cache.keySet().retainAll(current);
        return out;
    }

    /**
     * One document, from the cache when this reader has read the same bytes under the same id before (a preview
     * server rebuilding after one file changed re-reads only that file). A bug that one document triggers is
     * reported against that document; the others are still read.
     */
    private PolicyDocument read(SourceFile file, String id, List<Problem> failures) {
        String key = cacheKey(file, id);
        PolicyDocument cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            ParsedDocument parsed = parsers.get(file.extension()).parse(file);
            PolicyDocument doc = extractor.extract(id, parsed);
            cache.put(key, doc);
            return doc;
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(Problem.error(file.relativePath(), 0, "could not be read (internal error, please report): " + e));
            return null;
        }
    }

    private static String cacheKey(SourceFile file, String id) {
        return file.relativePath() + "\u0000" + file.contentHash() + "\u0000" + id;
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
