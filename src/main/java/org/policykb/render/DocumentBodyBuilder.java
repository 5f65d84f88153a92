package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;
import org.policykb.render.DocumentView.Block;
import org.policykb.render.DocumentView.GoalBadge;
import org.policykb.render.DocumentView.Paragraph;
import org.policykb.render.DocumentView.SectionView;
import org.policykb.render.DocumentView.TaskMark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full text of a document as sections of paragraphs, with tasks marked where they stand (lead department
 * emphasised, supporting departments linked) and a badge after every goal. Works on the spans the parser and
 * extractors recorded, so the text shown is exactly the source text, split into paragraphs at line breaks.
 */
final class DocumentBodyBuilder {
    /** Column headings of a table are short: 序号, 名称, 主要内容, 责任单位. */
    private static final int SHORT_CELL = 8;

    private final RenderIndex index;
    private final MarkFinder marks;

    DocumentBodyBuilder(RenderIndex index) {
        this.index = index;
        this.marks = new MarkFinder(index);
    }

    /** The id of a task's mark on its document page. */
    static String taskAnchor(Task task) {
        return "task-" + RenderIndex.localId(task).replaceAll("\\s", "_");
    }

    /** The id of a goal's badge on its document page. */
    static String goalAnchor(Goal goal) {
        return "goal-" + RenderIndex.goalAnchor(goal);
    }

    List<SectionView> sections(PolicyDocument document, String root) {
        String text = document.text();
        List<Task> tasks = document.tasks().stream().sorted(Comparator.comparingInt(t -> t.span().start())).toList();
        List<InlineMarks.Mark> goalMarks = marks.goalMarks(document, root);
        Map<String, List<InlineMarks.Mark>> nameMarks = new LinkedHashMap<>();
        Set<String> markedTasks = new HashSet<>();
        Set<String> badgedGoals = new HashSet<>();
        List<Section> all = document.root().flatten();
        List<SectionDraft> drafts = new ArrayList<>();
        for (Section section : all) {
            int start = SourceText.clamp(section.span().start(), text);
            int end = SourceText.clamp(section.span().end(), text);
            SectionDraft draft = new SectionDraft(section, start, SourceText.heading(section, text, start, end));
            List<Paragraph> paragraphs = new ArrayList<>();
            Task currentTask = null;
            List<Block> blocks = new ArrayList<>();
            for (int[] p : SourceText.paragraphs(text, draft.bodyStart, end)) {
                Task task = taskAt(tasks, p[0], p[1]);
                if (!paragraphs.isEmpty() && task != currentTask) {
                    blocks.add(block(section, currentTask, paragraphs, markedTasks, root));
                    paragraphs = new ArrayList<>();
                }
                currentTask = task;
                List<InlineMarks.Mark> others = new ArrayList<>();
                if (task != null) {
                    others.addAll(nameMarks.computeIfAbsent(task.id(), id -> marks.nameMarks(task, text, root)));
                }
                if (draft.runInEnd > p[0] && draft.runInEnd <= p[1]) {
                    others.add(new InlineMarks.Mark(p[0], draft.runInEnd, "runin", "", List.of()));
                    draft.runInEnd = -1;
                }
                paragraphs.add(new Paragraph(InlineMarks.inlines(text, p[0], p[1], goalMarks, others, badgedGoals)));
            }
            if (!paragraphs.isEmpty()) {
                blocks.add(block(section, currentTask, paragraphs, markedTasks, root));
            }
            draft.blocks = blocks;
            drafts.add(draft);
        }
        // A goal whose clause lies in a heading line or between paragraphs still gets its badge (and anchor):
        // beside the heading of the section it stands in.
        for (InlineMarks.Mark mark : goalMarks) {
            for (GoalBadge badge : mark.badges()) {
                if (!badgedGoals.contains(badge.id())) {
                    sectionAt(drafts, mark.start()).headingGoals.add(badge);
                }
            }
        }
        return drafts.stream().map(SectionDraft::view).toList();
    }

    private Block block(Section section, Task task, List<Paragraph> paragraphs, Set<String> markedTasks, String root) {
        if (task == null) {
            boolean columnHeadings = section.table() && paragraphs.stream().allMatch(p -> p.text().length() <= SHORT_CELL);
            return columnHeadings ? new Block(null, paragraphs, List.of()) : new Block(null, List.of(), paragraphs);
        }
        boolean first = markedTasks.add(task.id());
        int head = section.table() && first ? rowHeadLength(task, paragraphs) : 0;
        Link lead = index.leadOf(task).map(d -> departmentLink(d, root)).orElse(null);
        List<Link> support = index.supportOf(task).stream().map(d -> departmentLink(d, root)).toList();
        TaskMark mark = new TaskMark(taskAnchor(task), first,
                SiteLayout.link(root, SiteUrls.task(task.id()), ChineseLabels.taskLabel(task)),
                task.number() == null ? "" : task.number().strip().replaceAll("[、．.，,]+$", ""), lead, support);
        return new Block(mark, paragraphs.subList(0, head), paragraphs.subList(head, paragraphs.size()));
    }

    /**
     * How many leading paragraphs of a table row are its short cells: lines that together spell the row's
     * number and name (a name may wrap over several lines), so they can be shown on one line.
     */
    private static int rowHeadLength(Task task, List<Paragraph> paragraphs) {
        String want = SourceText.squeeze((task.number() == null ? "" : task.number()) + (task.title() == null ? "" : task.title()));
        StringBuilder have = new StringBuilder();
        int count = 0;
        for (Paragraph paragraph : paragraphs.subList(0, Math.max(0, paragraphs.size() - 1))) {
            String next = have + SourceText.squeeze(paragraph.text());
            if (next.length() == have.length() || !want.startsWith(next)) {
                break;
            }
            have.setLength(0);
            have.append(next);
            count++;
        }
        return have.toString().equals(want) ? count : 0;
    }

    static Link departmentLink(Department department, String root) {
        return SiteLayout.link(root, SiteUrls.department(department.id()), department.name());
    }

    private static SectionDraft sectionAt(List<SectionDraft> drafts, int offset) {
        SectionDraft found = drafts.get(0);
        for (SectionDraft draft : drafts) {
            if (draft.start <= offset) {
                found = draft;
            }
        }
        return found;
    }

    /** The task whose span overlaps the paragraph most, or null. */
    private static Task taskAt(List<Task> tasks, int start, int end) {
        Task best = null;
        int bestOverlap = 0;
        for (Task task : tasks) {
            if (task.span().start() >= end) {
                break;
            }
            int overlap = Math.min(end, task.span().end()) - Math.max(start, task.span().start());
            if (overlap > bestOverlap) {
                best = task;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    /** A section while its blocks are collected; goals may still be added to its heading. */
    private static final class SectionDraft {
        private final Section section;
        private final int start;
        private final int bodyStart;
        private final boolean showHeading;
        private int runInEnd;
        private List<Block> blocks = List.of();
        private final List<GoalBadge> headingGoals = new ArrayList<>();

        SectionDraft(Section section, int start, SourceText.Heading heading) {
            this.section = section;
            this.start = start;
            this.bodyStart = heading.bodyStart();
            this.showHeading = heading.shown();
            this.runInEnd = heading.runInEnd();
        }

        SectionView view() {
            int level = section.level() == 0 || !showHeading ? 0 : Math.min(section.level() + 1, 6);
            return new SectionView(section.id(), level, section.number() == null ? "" : section.number().strip(),
                    section.title() == null ? "" : section.title().strip(), section.table(), headingGoals, blocks);
        }
    }
}
