package org.policykb.build;

import org.policykb.model.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.policykb.model.Goal;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one build leaves for the next to compare against: each document's title and content hash, each task's
 * number, title, text, lead and support, each goal's text, value and year. Kept in the state folder.
 */
record KnowledgeSummary(List<DocumentEntry> documents, List<TaskEntry> tasks, List<GoalEntry> goals) {
    /** The file of an older PolicyKB, which kept the whole summary in one. */
    static final String FILE_NAME = "summary.json";

    KnowledgeSummary {
        documents = List.copyOf(documents);
        tasks = List.copyOf(tasks);
        goals = List.copyOf(goals);
    }

    record DocumentEntry(String id, String source, String title, String hash) {
    }

    /**
     * A task as the next build needs it: its words' opening (to find it again when its title is edited) and a
     * digest of all its words (to tell an edit), not the whole text, so the summary stays small at 10,000 documents.
     */
    record TaskEntry(String id, String document, String number, String title, String opening, String textDigest,
                     String lead, List<String> support) {
        TaskEntry {
            support = List.copyOf(support);
        }
    }

    record GoalEntry(String id, String document, String task, String text, String value, Integer year) {
    }

    /** The tasks and goals of one document, as a summary lists them. */
    record Part(List<TaskEntry> tasks, List<GoalEntry> goals) {
        Part {
            tasks = List.copyOf(tasks);
            goals = List.copyOf(goals);
        }

        static Part of(PolicyDocument document) {
            return new Part(document.tasks().stream().map(KnowledgeSummary::task).toList(),
                    document.goals().stream().map(KnowledgeSummary::goal).toList());
        }
    }

    static KnowledgeSummary of(KnowledgeBase kb, java.util.Map<String, String> hashBySource) {
        List<DocumentEntry> docs = documents(kb, hashBySource);
        List<Part> parts = kb.documents().stream().map(Part::of).toList();
        return new KnowledgeSummary(docs, parts.stream().flatMap(p -> p.tasks().stream()).toList(),
                parts.stream().flatMap(p -> p.goals().stream()).toList());
    }

    /** Every document's entry: id, source, title and the content hash of its source. */
    static List<DocumentEntry> documents(KnowledgeBase kb, java.util.Map<String, String> hashBySource) {
        return kb.documents().stream()
                .map(d -> new DocumentEntry(d.id(), d.source(), d.meta().title(), hashBySource.getOrDefault(d.source(), "")))
                .toList();
    }

    private static TaskEntry task(Task t) {
        String words = words(t);
        return new TaskEntry(t.id(), t.documentId(), t.number(), t.title(), words.substring(0, Math.min(words.length(), OPENING)),
                digest(words), t.lead().orElse(null), t.support());
    }

    static final int OPENING = 240;

    /** The task's words: its text without the number in front (what renumbering changes) and without white space. */
    private static String words(Task t) {
        String text = t.text() == null ? "" : t.text();
        String body = t.number() != null && text.startsWith(t.number()) ? text.substring(t.number().length()) : text;
        return body.replaceAll("\\s", "");
    }

    private static String digest(String s) {
        return Sha256.hex(s);
    }

    private static GoalEntry goal(Goal g) {
        return new GoalEntry(g.id(), g.documentId(), g.taskId().orElse(null), g.text(), g.value().orElse(null), g.year().orElse(null));
    }

    /** The single summary file an older PolicyKB kept, read once to compare with; see {@link SummaryStore}. */
    static Optional<KnowledgeSummary> readLegacy(Path stateDir, ObjectMapper json) {
        Path file = stateDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), KnowledgeSummary.class));
        } catch (IOException e) {
            return Optional.empty(); // an unreadable summary only costs the change report its baseline
        }
    }
}
