package org.policykb.build;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last build's {@link KnowledgeSummary}, kept per document in {@code summary/} in the state folder: an index of
 * every document (id, source, title, content hash, and the file of its part), and one file per document version
 * with its tasks and goals ({@link KnowledgeSummary.Part}). A change report compares the tasks and goals of the
 * documents that were changed, added or removed only, so a build reads the parts of those and writes the parts of
 * new versions: at 10,000 documents the single summary file this replaces took 200 MB to read and write per build.
 * <p>
 * A part's file is named after the document, its content hash and the code that extracted it, so a file always
 * holds what that code found in that version; the index is replaced whole after a build, and parts it no longer
 * names are removed then.
 */
final class SummaryStore {
    static final String FOLDER = "summary";
    private static final String INDEX = "documents.json";

    /** One document of the index. */
    record IndexEntry(String id, String source, String title, String hash, String part) {
        KnowledgeSummary.DocumentEntry document() {
            return new KnowledgeSummary.DocumentEntry(id, source, title, hash);
        }
    }

    /** What a change report compares: every document of both builds, the tasks and goals of those that differ. */
    record Comparison(KnowledgeSummary before, KnowledgeSummary after) {
    }

    private final Path stateDir;
    private final Path folder;
    private final String code;
    private final ObjectMapper json;

    SummaryStore(Path stateDir, String code, ObjectMapper json) {
        this.stateDir = stateDir;
        this.folder = stateDir.resolve(FOLDER);
        this.code = code;
        this.json = json;
    }

    Comparison compare(KnowledgeBase kb, Map<String, String> hashBySource) {
        List<KnowledgeSummary.DocumentEntry> now = KnowledgeSummary.documents(kb, hashBySource);
        Optional<List<IndexEntry>> recorded = readIndex();
        if (recorded.isEmpty()) {
            // no index: the whole summary an older PolicyKB kept, if any, against the whole knowledge base
            return new Comparison(KnowledgeSummary.readLegacy(stateDir, json)
                    .orElseGet(() -> new KnowledgeSummary(List.of(), List.of(), List.of())), KnowledgeSummary.of(kb, hashBySource));
        }
        Map<String, IndexEntry> before = new HashMap<>();
        recorded.get().forEach(e -> before.putIfAbsent(e.id(), e));
        Map<String, String> hashNow = new HashMap<>();
        List<KnowledgeSummary.Part> afterParts = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            KnowledgeSummary.DocumentEntry entry = now.get(i);
            hashNow.putIfAbsent(entry.id(), entry.hash());
            IndexEntry old = before.get(entry.id());
            if (old == null || !old.hash().equals(entry.hash())) {
                afterParts.add(KnowledgeSummary.Part.of(kb.documents().get(i)));
            }
        }
        // the parts of the documents changed or removed since: all the report compares of the last build
        List<KnowledgeSummary.Part> beforeParts = new ArrayList<>();
        for (IndexEntry old : recorded.get()) {
            if (!old.hash().equals(hashNow.get(old.id()))) {
                beforeParts.add(readPart(old.part()));
            }
        }
        return new Comparison(summary(recorded.get().stream().map(IndexEntry::document).toList(), beforeParts),
                summary(now, afterParts));
    }

    private static KnowledgeSummary summary(List<KnowledgeSummary.DocumentEntry> documents, List<KnowledgeSummary.Part> parts) {
        return new KnowledgeSummary(documents, parts.stream().flatMap(p -> p.tasks().stream()).toList(),
                parts.stream().flatMap(p -> p.goals().stream()).toList());
    }

    /** Records the knowledge base as the last build's: parts of new versions, the index, and no other parts. */
    void write(KnowledgeBase kb, Map<String, String> hashBySource) throws IOException {
        Files.createDirectories(folder);
        List<KnowledgeSummary.DocumentEntry> documents = KnowledgeSummary.documents(kb, hashBySource);
        List<IndexEntry> index = new ArrayList<>();
        for (KnowledgeSummary.DocumentEntry d : documents) {
            index.add(new IndexEntry(d.id(), d.source(), d.title(), d.hash(), partName(d)));
        }
        try {
            java.util.stream.IntStream.range(0, index.size()).parallel().forEach(i -> {
                Path file = folder.resolve(index.get(i).part());
                if (!Files.isRegularFile(file)) {
                    try {
                        Path tmp = folder.resolve(index.get(i).part() + ".tmp");
                        json.writeValue(tmp.toFile(), KnowledgeSummary.Part.of(kb.documents().get(i)));
                        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        StateFile.replace(folder, INDEX, tmp -> json.writeValue(tmp.toFile(), index));
        Set<String> named = new HashSet<>();
        index.forEach(e -> named.add(e.part()));
        named.add(INDEX);
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (!named.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Files.deleteIfExists(stateDir.resolve(KnowledgeSummary.FILE_NAME));
    }

    /** The file of a document version's part: its id, content hash and the code that extracted it. */
    private String partName(KnowledgeSummary.DocumentEntry document) {
        return Sha256.hex(String.join("\u0000", code, document.id(), document.hash())).substring(0, 32) + ".json";
    }

    private Optional<List<IndexEntry>> readIndex() {
        try {
            return Optional.of(json.readValue(folder.resolve(INDEX).toFile(), new TypeReference<List<IndexEntry>>() {
            }));
        } catch (IOException e) {
            return Optional.empty(); // none, or unreadable: the change report compares with what else there is
        }
    }

    /** A part as recorded; none when its file is missing or unreadable, which only costs the report detail. */
    private KnowledgeSummary.Part readPart(String name) {
        try {
            return json.readValue(folder.resolve(name).toFile(), KnowledgeSummary.Part.class);
        } catch (IOException e) {
            return new KnowledgeSummary.Part(List.of(), List.of());
        }
    }
}
