package org.policykb.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.policykb.model.Department;
import org.policykb.model.Goal;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.StreamedFile;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine-readable export under {@code data/}: documents, tasks, departments and goals as UTF-8 JSON arrays,
 * one record per line so that a change shows as a small diff. URLs are relative to the site root.
 */
public final class DataExport {
    // a flush after each record would hand the file's stream (which compares with the published file) every record
    // each document's records are written by a generator of their own, which must leave the file open when done
    private final ObjectMapper json = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    /** Changes whenever what a record holds changes, so parts of files of older builds are not copied. */
    private static final String PART_FORMAT = "data records 1\u0000";

    record DocumentRecord(String id, String source, String title, String docNumber, String issuer, String date,
                          String kind, String url, List<SectionRecord> sections) {
    }

    record SectionRecord(String id, int level, String number, String title, String url) {
    }

    record TaskRecord(String id, String document, String section, String number, String title, String text,
                      String lead, List<String> support, List<String> goals, String url) {
    }

    record DepartmentRecord(String id, String name, List<String> aliases, List<String> lead, List<String> support,
                            String url) {
    }

    record GoalRecord(String id, String document, String task, String text, String value, String year, String url) {
    }

    /**
     * The four files, each written record by record when published: at 10,000 documents they are 340 MB, which
     * neither their records nor their bytes need to be in memory at once for. The records of one document are a
     * {@link StreamedFile.Output#part part} keyed by its {@code version} (what exactly it was read from, if known), so
     * an edit of one document has only its records made again; the rest are copied from the published files.
     */
    public List<StreamedFile> export(KnowledgeBase kb, java.util.function.Function<String, Optional<String>> version) {
        Map<String, String> ids = kb.departmentIdByName();
        return List.of(
                array("data/documents.json", () -> kb.documents().stream()
                        .map(d -> new Run(version.apply(d.id()), 1, () -> Stream.of(document(d))))),
                array("data/tasks.json", () -> kb.documents().stream()
                        .map(d -> new Run(version.apply(d.id()).map(v -> v + departmentIds(d, ids)), d.tasks().size(),
                                () -> d.tasks().stream().map(t -> task(kb, d, t))))),
                array("data/departments.json", () -> kb.departments().stream()
                        .map(dep -> new Run(Optional.empty(), 1, () -> Stream.of(department(dep))))),
                array("data/goals.json", () -> kb.documents().stream()
                        .map(d -> new Run(version.apply(d.id()), d.goals().size(),
                                () -> d.goals().stream().map(DataExport::goal)))));
    }

    /** As {@link #export(KnowledgeBase, java.util.function.Function)}, every record made. */
    public List<StreamedFile> export(KnowledgeBase kb) {
        return export(kb, id -> Optional.empty());
    }

    /**
     * The {@code count} records of one document: the same while {@code key} is (when there is one). They are made
     * only when the part is: a copied part's records never are.
     */
    private record Run(Optional<String> key, int count, java.util.function.Supplier<Stream<?>> records) {
    }

    /** The departments a document's tasks name, as the knowledge base resolves them: part of its task records. */
    private static String departmentIds(PolicyDocument d, Map<String, String> ids) {
        StringBuilder out = new StringBuilder();
        for (Task t : d.tasks()) {
            out.append('\u0000').append(t.lead().map(ids::get).orElse(""));
            t.support().forEach(name -> out.append('\u0001').append(ids.get(name)));
        }
        return out.toString();
    }

    private static DocumentRecord document(PolicyDocument d) {
        List<SectionRecord> sections = d.sections().stream()
                .map(s -> new SectionRecord(s.id(), s.level(), s.number(), s.title(), SiteUrls.section(d.id(), s.id())))
                .toList();
        return new DocumentRecord(d.id(), d.source(), d.meta().title(), d.meta().docNumber().orElse(null),
                d.meta().issuer().orElse(null), d.meta().date().map(Object::toString).orElse(null), d.meta().kind().code(),
                SiteUrls.document(d.id()), sections);
    }

    private static TaskRecord task(KnowledgeBase kb, PolicyDocument d, Task t) {
        List<String> goals = d.goals().stream().filter(g -> g.taskId().equals(Optional.of(t.id()))).map(Goal::id).toList();
        String lead = t.lead().map(name -> kb.departmentIdByName().get(name)).orElse(null);
        List<String> support = t.support().stream().map(name -> kb.departmentIdByName().get(name)).distinct().toList();
        return new TaskRecord(t.id(), d.id(), t.sectionId(), t.number(), t.title(), t.text(), lead, support, goals,
                SiteUrls.task(t.id()));
    }

    private static DepartmentRecord department(Department dep) {
        return new DepartmentRecord(dep.id(), dep.name(), dep.aliases(), dep.leadTasks(), dep.supportTasks(),
                SiteUrls.department(dep.id()));
    }

    private static GoalRecord goal(Goal g) {
        return new GoalRecord(g.id(), g.documentId(), g.taskId().orElse(null), g.text(), g.value().orElse(null),
                g.year().map(String::valueOf).orElse(null), SiteUrls.goal(g.id()));
    }

    /**
     * One record a line, each document's records through one generator straight into the file's stream: a
     * generator, a writer and a string per record cost more than the records themselves, and at 10,000 documents
     * tasks.json has 200,000.
     */
    private StreamedFile array(String path, java.util.function.Supplier<java.util.stream.Stream<Run>> runs) {
        return new StreamedFile(path, stream -> {
            stream.write('[');
            boolean[] first = {true};
            try (java.util.stream.Stream<Run> all = runs.get()) {
                all.filter(run -> run.count() > 0).forEachOrdered(run -> {
                    boolean opening = first[0];
                    first[0] = false;
                    StreamedFile.Content records = part -> {
                        try (com.fasterxml.jackson.core.JsonGenerator out = json.getFactory().createGenerator(part)) {
                            out.setRootValueSeparator(null); // the records are separated by ",\n" written here
                            java.util.Iterator<?> each = run.records().get().iterator();
                            for (boolean firstHere = opening; each.hasNext(); firstHere = false) {
                                out.writeRaw(firstHere ? "\n" : ",\n");
                                json.writeValue(out, each.next());
                            }
                        }
                    };
                    try {
                        if (run.key().isPresent()) {
                            stream.part(PART_FORMAT + path + (opening ? "\u0000first\u0000" : "\u0000") + run.key().get(),
                                    records);
                        } else {
                            records.writeTo(stream);
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            stream.write((first[0] ? "]\n" : "\n]\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }
}
