package org.policykb.render;

import org.policykb.model.Department;
import org.policykb.model.Goal;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;
import org.policykb.render.DocumentView.Block;
import org.policykb.render.DocumentView.GoalBadge;
import org.policykb.render.DocumentView.Inline;
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

    DocumentBodyBuilder(RenderIndex index) {
        this.index = index;
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
        List<InlineMarks.Mark> goalMarks = goalMarks(document, root);
        Map<String, List<InlineMarks.Mark>> nameMarks = new LinkedHashMap<>();
        Set<String> markedTasks = new HashSet<>();
        Set<String> badgedGoals = new HashSet<>();
        List<Section> all = document.root().flatten();
        List<SectionDraft> drafts = new ArrayList<>();
        for (Section section : all) {
            int start = clamp(section.span().start(), text);
            int end = clamp(section.span().end(), text);
            SectionDraft draft = new SectionDraft(section, start);
            heading(section, text, start, end, draft);
            List<Paragraph> paragraphs = new ArrayList<>();
            Task currentTask = null;
            List<Block> blocks = new ArrayList<>();
            for (int[] p : paragraphs(text, draft.bodyStart, end)) {
                Task task = taskAt(tasks, p[0], p[1]);
                if (!paragraphs.isEmpty() && task != currentTask) {
                    blocks.add(block(section, currentTask, paragraphs, markedTasks, root));
                    paragraphs = new ArrayList<>();
                }
                currentTask = task;
                List<InlineMarks.Mark> marks = new ArrayList<>();
                if (task != null) {
                    marks.addAll(nameMarks.computeIfAbsent(task.id(), id -> nameMarks(task, text, root)));
                }
                if (draft.runInEnd > p[0] && draft.runInEnd <= p[1]) {
                    marks.add(new InlineMarks.Mark(p[0], draft.runInEnd, "runin", "", List.of()));
                    draft.runInEnd = -1;
                }
                paragraphs.add(new Paragraph(InlineMarks.inlines(text, p[0], p[1], goalMarks, marks, badgedGoals)));
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
        String want = squeeze((task.number() == null ? "" : task.number()) + (task.title() == null ? "" : task.title()));
        StringBuilder have = new StringBuilder();
        int count = 0;
        for (Paragraph paragraph : paragraphs.subList(0, Math.max(0, paragraphs.size() - 1))) {
            String next = have + squeeze(paragraph.text());
            if (next.length() == have.length() || !want.startsWith(next)) {
                break;
            }
            have.setLength(0);
            have.append(next);
            count++;
        }
        return have.toString().equals(want) ? count : 0;
    }

    private static String squeeze(String s) {
        return s.replaceAll("[\\s\\u3000]", "");
    }

    static Link departmentLink(Department department, String root) {
        return SiteLayout.link(root, SiteUrls.department(department.id()), department.name());
    }

    /** Goal clauses as marks; goals whose clauses overlap share one mark with a badge each. */
    private List<InlineMarks.Mark> goalMarks(PolicyDocument document, String root) {
        String text = document.text();
        List<Goal> goals = document.goals().stream()
                .sorted(Comparator.comparingInt((Goal g) -> g.span().start()).thenComparing(Goal::id)).toList();
        List<InlineMarks.Mark> out = new ArrayList<>();
        for (Goal goal : goals) {
            int start = clamp(goal.span().start(), text);
            int end = clamp(goal.span().end(), text);
            GoalBadge badge = new GoalBadge(goalAnchor(goal), RelativeHref.to(root, SiteUrls.goal(goal.id())),
                    ChineseLabels.goalBadge(goal.value(), goal.year()), goal.text());
            InlineMarks.Mark last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && start < last.end()) {
                List<GoalBadge> badges = new ArrayList<>(last.badges());
                badges.add(badge);
                out.set(out.size() - 1, new InlineMarks.Mark(last.start(), Math.max(end, last.end()), "goal", "", badges));
            } else {
                out.add(new InlineMarks.Mark(start, Math.max(start, end), "goal", "", List.of(badge)));
            }
        }
        return out;
    }

    /**
     * The departments named in a task, found where the task names them: the last place in its span (the
     * attribution clause closes an item), longest names first so 区教体局 is not taken for 教体局.
     */
    private List<InlineMarks.Mark> nameMarks(Task task, String text, String root) {
        int from = clamp(task.span().start(), text);
        int to = clamp(task.span().end(), text);
        String span = text.substring(from, to);
        List<String[]> names = new ArrayList<>();
        task.lead().ifPresent(name -> names.add(new String[]{name, "lead"}));
        task.support().forEach(name -> names.add(new String[]{name, "support"}));
        names.sort(Comparator.comparingInt((String[] n) -> -n[0].length()));
        List<InlineMarks.Mark> out = new ArrayList<>();
        for (String[] name : names) {
            if (name[0].isBlank()) {
                continue;
            }
            String href = index.departmentNamed(name[0])
                    .map(d -> RelativeHref.to(root, SiteUrls.department(d.id()))).orElse("");
            int at = span.length();
            while ((at = span.lastIndexOf(name[0], at - 1)) >= 0) {
                int start = from + at;
                int end = start + name[0].length();
                if (out.stream().noneMatch(m -> m.start() < end && start < m.end())) {
                    out.add(new InlineMarks.Mark(start, end, name[1], href, List.of()));
                    break;
                }
            }
        }
        return out;
    }

    private static int clamp(int offset, String text) {
        return Math.max(0, Math.min(offset, text.length()));
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

    /**
     * Where a leading front matter block ({@code ---} … {@code ---}, as Markdown files and the canonical text of
     * web pages and Word documents open) ends: it is the document's metadata, shown in the page head, not text.
     */
    static int frontMatterEnd(String text) {
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            return 0;
        }
        for (int start = text.indexOf('\n') + 1; start > 0 && start < text.length(); ) {
            int nl = text.indexOf('\n', start);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(start, lineEnd).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return nl < 0 ? text.length() : nl + 1;
            }
            start = nl + 1;
        }
        return 0;
    }

    /** Decides whether the section starts with a heading line of its own or with a run-in heading. */
    private static void heading(Section section, String text, int start, int end, SectionDraft draft) {
        draft.bodyStart = start;
        if (section.level() == 0) {
            draft.bodyStart = Math.min(end, Math.max(start, frontMatterEnd(text)));
            return;
        }
        String number = section.number() == null ? "" : section.number();
        String title = section.title() == null ? "" : section.title();
        int lineEnd = text.indexOf('\n', start);
        lineEnd = lineEnd < 0 || lineEnd > end ? end : lineEnd;
        int matched = matchIgnoringSpace(text, start, lineEnd, number + title);
        if (matched < 0 && !number.isEmpty()) {
            matched = matchIgnoringSpace(text, start, lineEnd, title);
        }
        if (matched < 0) {
            draft.showHeading = true;
        } else if (text.substring(matched, lineEnd).isBlank()) {
            draft.showHeading = true;
            draft.bodyStart = lineEnd;
        } else {
            draft.runInEnd = matched;
        }
    }

    /** The offset just after {@code expected} if the text from {@code from} starts with it, white space aside. */
    private static int matchIgnoringSpace(String text, int from, int to, String expected) {
        String want = expected.replaceAll("[\\s\\u3000]", "");
        if (want.isEmpty()) {
            return -1;
        }
        int i = from;
        int j = 0;
        while (j < want.length()) {
            while (i < to && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= to || text.charAt(i) != want.charAt(j)) {
                return -1;
            }
            i++;
            j++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Paragraph ranges: the lines of [from, to) without surrounding white space, blank lines dropped. */
    private static List<int[]> paragraphs(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int lineStart = from;
        while (lineStart < to) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 || lineEnd > to ? to : lineEnd;
            int s = lineStart;
            int e = lineEnd;
            while (s < e && isSpace(text.charAt(s))) {
                s++;
            }
            while (e > s && isSpace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                out.add(new int[]{s, e});
            }
            lineStart = lineEnd + 1;
        }
        return out;
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
        private int bodyStart;
        private int runInEnd = -1;
        private boolean showHeading;
        private List<Block> blocks = List.of();
        private final List<GoalBadge> headingGoals = new ArrayList<>();

        SectionDraft(Section section, int start) {
            this.section = section;
            this.start = start;
        }

        SectionView view() {
            int level = section.level() == 0 || !showHeading ? 0 : Math.min(section.level() + 1, 6);
            return new SectionView(section.id(), level, section.number() == null ? "" : section.number().strip(),
                    section.title() == null ? "" : section.title().strip(), section.table(), headingGoals, blocks);
        }
    }
}
