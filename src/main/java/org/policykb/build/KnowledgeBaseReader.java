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

/**
 * Reads a content folder into the knowledge base: find and decode the files, parse each with the parser for its
 * format, extract, then link departments across documents. Documents are independent until linking, so they are
 * parsed and extracted in parallel; the result is in source-path order whatever the scheduling.
 */
public final class KnowledgeBaseReader {
    private final Map<String, DocumentParser> parsers;
    private final DocumentExtractor extractor;

    public KnowledgeBaseReader() {
        PlainTextParser plainText = new PlainTextParser();
        // Web pages and Word documents arrive as their canonical text (source stage), which is plain text.
        this.parsers = Map.of("txt", plainText, "md", new MarkdownParser(), "html", plainText, "htm", plainText, "docx", plainText);
        this.extractor = new DocumentExtractor(Gazetteer.load());
    }

    public static KnowledgeBase read(Path contentRoot) {
        return new KnowledgeBaseReader().readFolder(contentRoot);
    }

    public KnowledgeBase readFolder(Path contentRoot) {
        ScanResult scan = new ContentScanner(parsers.keySet()).scan(contentRoot);
        List<Problem> problems = new ArrayList<>(scan.problems());
        DepartmentAliases aliases = aliases(contentRoot, problems);
        List<PolicyDocument> documents = documents(scan.files(), problems);
        return new DepartmentLinker(aliases).link(documents, problems);
    }

    List<PolicyDocument> documents(List<SourceFile> files, List<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (SourceFile f : files) {
            String base = DocumentExtractor.documentId(f.relativePath());
            int n = seen.merge(base, 1, Integer::sum);
            ids.add(n == 1 ? base : base + "-" + n);
        }
        List<PolicyDocument> out = java.util.stream.IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> {
                    SourceFile f = files.get(i);
                    ParsedDocument parsed = parsers.get(f.extension()).parse(f);
                    return extractor.extract(ids.get(i), parsed);
                })
                .toList();
        return out;
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
