package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.Goal;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lookups every view builder needs, built once per render: documents, tasks, departments and goals by id,
 * and the departments of a task. The maps that are listed (documents, departments) are sorted, so iteration order
 * never depends on hashing; the maps that are only looked up in are hash maps, because a sorted map of 200,000 task
 * ids compares long strings some eighteen times a lookup, and a department's ledger looks up every one of its tasks.
 */
final class RenderIndex {
    private final KnowledgeBase kb;
    private final Map<String, PolicyDocument> documents = new TreeMap<>();
    private final Map<String, Task> tasks = new HashMap<>();
    private final Map<String, Department> departments = new TreeMap<>();
    /** Departments by each name they are written as: every task's departments are looked up, in every build. */
    private final Map<String, Department> departmentByName = new HashMap<>();
    private final Map<String, List<Goal>> goalsByTask = new HashMap<>();
    /**
     * By document, its sections and their parents by id: made when first asked for, as an incremental build asks
     * for the sections of the few documents it renders, not of all.
     */
    private final Map<String, Sections> sections = new java.util.concurrent.ConcurrentHashMap<>();

    private record Sections(Map<String, Section> byId, Map<String, Section> parentById) {
        static Sections of(PolicyDocument document) {
            Map<String, Section> byId = new HashMap<>();
            Map<String, Section> parentById = new HashMap<>();
            for (Section section : document.root().flatten()) {
                byId.putIfAbsent(section.id(), section);
                section.children().forEach(c -> parentById.putIfAbsent(c.id(), section));
            }
            return new Sections(byId, parentById);
        }
    }

    private Optional<Sections> sectionsOf(String documentId) {
        PolicyDocument document = documents.get(documentId);
        return document == null ? Optional.empty()
                : Optional.of(sections.computeIfAbsent(documentId, id -> Sections.of(document)));
    }

    RenderIndex(KnowledgeBase kb) {
        this.kb = kb;
        for (PolicyDocument document : kb.documents()) {
            if (documents.put(document.id(), document) != null) {
                throw new IllegalArgumentException("Two documents have the id " + document.id());
            }
            document.tasks().forEach(t -> tasks.put(t.id(), t));
            for (Goal goal : document.goals()) {
                goal.taskId().ifPresent(id -> goalsByTask.computeIfAbsent(id, k -> new ArrayList<>()).add(goal));
            }
        }
        kb.departments().forEach(d -> departments.put(d.id(), d));
        kb.departmentIdByName().forEach((name, id) -> {
            Department department = departments.get(id);
            if (department != null) {
                departmentByName.put(name, department);
            }
        });
    }

    KnowledgeBase kb() {
        return kb;
    }

    /** Documents by id. */
    List<PolicyDocument> documents() {
        return List.copyOf(documents.values());
    }

    /** Newest first; undated documents last, then by title and id. */
    static final Comparator<PolicyDocument> NEWEST_FIRST = Comparator
            .comparing((PolicyDocument d) -> d.meta().date().orElse(java.time.LocalDate.MIN)).reversed()
            .thenComparing(d -> d.meta().title()).thenComparing(PolicyDocument::id);

    List<PolicyDocument> documentsByDate() {
        return byDate().documents();
    }

    /**
     * The documents of these ids that exist, newest first ({@link #NEWEST_FIRST}): each department's ledger lists
     * its documents so, and the documents are ordered once, not once a department.
     */
    List<PolicyDocument> newestFirst(java.util.Collection<String> ids) {
        ByDate byDate = byDate();
        return ids.stream().map(byDate.rank()::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue)
                .sorted().mapToObj(byDate.documents()::get).toList();
    }

    /** The documents newest first, and each one's place in that order by id; made when first asked for. */
    private record ByDate(List<PolicyDocument> documents, Map<String, Integer> rank) {
    }

    private volatile ByDate byDate;

    private ByDate byDate() {
        ByDate made = byDate;
        if (made == null) {
            List<PolicyDocument> sorted = documents.values().stream().sorted(NEWEST_FIRST).toList();
            Map<String, Integer> rank = new HashMap<>();
            for (int i = 0; i < sorted.size(); i++) {
                rank.put(sorted.get(i).id(), i);
            }
            made = new ByDate(sorted, rank);
            byDate = made;
        }
        return made;
    }

    /** Departments by id. */
    List<Department> departments() {
        return List.copyOf(departments.values());
    }

    Optional<PolicyDocument> findDocument(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    PolicyDocument expectDocument(String id) {
        return findDocument(id).orElseThrow(() -> new IllegalArgumentException("No document with id " + id));
    }

    Optional<Task> findTask(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    Optional<Department> findDepartment(String id) {
        return Optional.ofNullable(departments.get(id));
    }

    Optional<Section> findSection(String documentId, String sectionId) {
        return sectionsOf(documentId).map(s -> s.byId().get(sectionId));
    }

    /**
     * The heading a task stands under, for lists that show tasks out of their document: its section, or the
     * section above when the task is its own section (a numbered item whose heading is the task's title).
     */
    Optional<Section> contextOf(Task task) {
        Optional<Section> section = findSection(task.documentId(), task.sectionId());
        if (section.isPresent() && task.title() != null && section.get().title() != null
                && section.get().title().strip().equals(task.title().strip())) {
            String id = section.get().id();
            section = sectionsOf(task.documentId()).map(s -> s.parentById().get(id));
        }
        return section.filter(s -> s.level() > 0);
    }

    List<Goal> goalsOf(Task task) {
        return goalsByTask.getOrDefault(task.id(), List.of());
    }

    /** The department a name as written resolves to. */
    Optional<Department> departmentNamed(String name) {
        return Optional.ofNullable(departmentByName.get(name));
    }

    Optional<Department> leadOf(Task task) {
        return task.lead().flatMap(this::departmentNamed);
    }

    List<Department> supportOf(Task task) {
        List<Department> all = departmentsOf(task);
        return leadOf(task).isPresent() ? all.subList(1, all.size()) : all;
    }

    /** Lead first, then supporting departments, each once. */
    List<Department> departmentsOf(Task task) {
        // a task has a few departments: a list's scan is cheaper than a set, for the 200,000 tasks of a large site
        List<Department> all = new ArrayList<>(1 + task.support().size());
        Department lead = task.lead().isPresent() ? departmentByName.get(task.lead().get()) : null;
        if (lead != null) {
            all.add(lead);
        }
        for (String name : task.support()) {
            Department department = departmentByName.get(name);
            if (department != null && !holds(all, department)) {
                all.add(department);
            }
        }
        return all;
    }

    private static boolean holds(List<Department> departments, Department department) {
        for (Department d : departments) {
            if (d.id().equals(department.id())) {
                return true;
            }
        }
        return false;
    }

    /** The part of a task id after its document id. */
    static String localId(Task task) {
        String prefix = task.documentId() + "/";
        return task.id().startsWith(prefix) ? task.id().substring(prefix.length()) : task.id();
    }

    /** The part of a goal id after the last slash: its anchor on the document's goals page. */
    static String goalAnchor(Goal goal) {
        return goal.id().substring(goal.id().lastIndexOf('/') + 1);
    }
}
