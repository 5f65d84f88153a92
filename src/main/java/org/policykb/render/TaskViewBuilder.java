package org.policykb.render;

import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.util.ArrayList;
import java.util.List;

/** A task page: its text, where it stands, who is responsible, its goals and related tasks. */
final class TaskViewBuilder {
    private final RenderIndex index;
    private final SiteLayout layout;
    private final GoalRows goalRows;
    private final RelatedTasks related;

    TaskViewBuilder(RenderIndex index, SiteLayout layout, GoalRows goalRows, RelatedTasks related) {
        this.index = index;
        this.layout = layout;
        this.goalRows = goalRows;
        this.related = related;
    }

    TaskView task(Task task) {
        PolicyDocument document = index.expectDocument(task.documentId());
        String label = ChineseLabels.taskLabel(task);
        String docTitle = document.meta().title();
        PageInfo page = layout.page(SiteUrls.task(task.id()), label, "documents", List.of(
                new Link(SiteLayout.DOCUMENTS, "文件"), new Link(SiteUrls.document(document.id()), docTitle),
                new Link("", crumb(task))), false);
        String root = page.root();
        Link section = index.findSection(document.id(), task.sectionId())
                .map(s -> SiteLayout.link(root, SiteUrls.section(document.id(), s.id()), sectionLabel(s)))
                .orElse(SiteLayout.link(root, SiteUrls.document(document.id()), docTitle));
        List<String> unresolved = new ArrayList<>();
        task.lead().filter(name -> index.departmentNamed(name).isEmpty()).ifPresent(unresolved::add);
        task.support().stream().filter(name -> index.departmentNamed(name).isEmpty()).forEach(unresolved::add);
        List<TaskView.Related> relatedTasks = related.of(task).stream().map(m -> new TaskView.Related(
                SiteLayout.link(root, SiteUrls.task(m.task().id()), ChineseLabels.taskLabel(m.task())),
                index.findDocument(m.task().documentId())
                        .map(d -> SiteLayout.link(root, SiteUrls.document(d.id()), d.meta().title())).orElse(null),
                reason(m))).toList();
        return new TaskView(page, task.number() == null ? "" : task.number().strip(), label, body(task),
                SiteLayout.link(root, SiteUrls.document(document.id()), docTitle), section,
                document.meta().docNumber().orElse(""),
                index.leadOf(task).map(d -> DocumentBodyBuilder.departmentLink(d, root)).orElse(null),
                task.lead().orElse(""),
                index.supportOf(task).stream().map(d -> DocumentBodyBuilder.departmentLink(d, root)).toList(),
                unresolved, index.goalsOf(task).stream().sorted(GoalRows.BY_YEAR).map(g -> goalRows.row(g, root)).toList(),
                relatedTasks);
    }

    /** The task's number, or the start of its title, as the last breadcrumb. */
    private static String crumb(Task task) {
        String number = task.number() == null ? "" : task.number().strip().replaceAll("[、．.，,]+$", "");
        if (!number.isEmpty()) {
            return "任务 " + number;
        }
        String label = ChineseLabels.taskLabel(task);
        return label.length() > 16 ? label.substring(0, 15) + "…" : label;
    }

    private static String reason(RelatedTasks.Match match) {
        List<String> parts = new ArrayList<>();
        if (!match.sharedDepartments().isEmpty()) {
            parts.add("共同部门：" + String.join("、", match.sharedDepartments()));
        }
        if (match.similarity() >= 0.12) {
            parts.add("表述相近");
        }
        return String.join("；", parts);
    }

    static String sectionLabel(Section section) {
        String number = section.number() == null ? "" : section.number().strip();
        String title = section.title() == null ? "" : section.title().strip();
        String label = (number + " " + title).strip();
        return label.isEmpty() ? "正文" : label;
    }

    /**
     * The task's text for its page: its lines, less leading lines that only spell its number and title (the
     * cells of a table row), which the page shows as its heading already.
     */
    static List<String> body(Task task) {
        List<String> lines = lines(task.text());
        String heading = SourceText.squeeze((task.number() == null ? "" : task.number()) + (task.title() == null ? "" : task.title()));
        StringBuilder spelled = new StringBuilder();
        for (int i = 0; i < lines.size() - 1; i++) {
            spelled.append(SourceText.squeeze(lines.get(i)));
            if (!heading.startsWith(spelled.toString())) {
                break;
            }
            if (spelled.toString().equals(heading)) {
                return lines.subList(i + 1, lines.size());
            }
        }
        return lines;
    }

    /** The lines of a text without surrounding white space, blank ones dropped. */
    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
