package org.policykb.extract;

import org.policykb.model.Attribution;
import org.policykb.model.DocumentKind;
import org.policykb.model.ParsedDocument;
import org.policykb.model.Section;
import org.policykb.model.SourceSpan;
import org.policykb.model.TableRow;
import org.policykb.model.Task;

import org.policykb.text.WordLeftovers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tasks of a document. In plans and work plans: the numbered items that hold no further items,
 * outside the framework chapters (总体要求, 保障措施 …), and the rows of task tables. In reports: the
 * forward-looking items and the next steps (下一步…一是…二是…). News articles have none.
 */
final class TaskExtractor {
    /** Chapters that frame a plan rather than assign work. */
    private static final Pattern FRAMEWORK = Pattern.compile(
            "总体要求|指导思想|基本原则|工作原则|主要原则|发展目标|主要目标|总体目标|工作目标|组织实施|保障措施|组织保障|实施保障|工作保障"
                    + "|保障机制|组织领导|工作要求|发展基础|发展环境|面临形势|现实基础|形势分析|重要意义|适用范围|附则|总则|背景");
    private static final Pattern TASK_TABLE = Pattern.compile("任务|项目|清单|工程|行动|措施|分工|事项|台账");
    private static final Pattern NEXT_STEP = Pattern.compile("下一步|下步|今后|接下来|明年|新的一年|将");
    private static final Pattern NEXT_STEP_OPENING = Pattern.compile("下一步|下步|今后|接下来");
    private static final Pattern ORDINAL = Pattern.compile("([一二三四五六七八九十]{1,3})是");

    private final AttributionReader attributions;

    TaskExtractor(AttributionReader attributions) {
        this.attributions = attributions;
    }

    List<Task> extract(String documentId, ParsedDocument doc, DocumentKind kind) {
        if (kind == DocumentKind.NEWS) {
            return List.of();
        }
        String text = doc.text();
        List<Section> sections = doc.sections();
        boolean anyMarked = sections.stream().anyMatch(s -> s.number() != null && !s.table());
        List<Task> tasks = new ArrayList<>();
        for (Section section : sections) {
            if (section.table()) {
                tasks.addAll(tableTasks(documentId, doc, section));
                continue;
            }
            if (!section.isLeaf() || inFramework(doc.root(), section) || !hasBody(text, section)) {
                continue;
            }
            boolean marked = section.number() != null;
            if (kind == DocumentKind.REPORT) {
                if (!Retrospection.isRetrospective(accountText(doc.root(), section, text))) {
                    tasks.add(sectionTask(documentId, text, section));
                }
            } else if (marked || !anyMarked) {
                tasks.add(sectionTask(documentId, text, section));
            }
        }
        if (kind == DocumentKind.REPORT) {
            for (Section section : doc.root().flatten()) {
                List<Task> steps = nextSteps(documentId, text, section);
                if (!steps.isEmpty()) {
                    // The steps are the tasks; the section that lists them is their frame.
                    tasks.removeIf(t -> t.sectionId().equals(section.id()) && t.number() == section.number());
                    tasks.addAll(steps);
                }
            }
        }
        tasks.sort(java.util.Comparator.comparingInt(t -> t.span().start()));
        return withStableIds(documentId, tasks);
    }

    /**
     * Task ids from the tasks' own titles: a task keeps its URL when others are added, removed or renumbered around
     * it. A repeated title gets -2, -3 in document order.
     */
    private static List<Task> withStableIds(String documentId, List<Task> tasks) {
        org.policykb.text.UniqueIds ids = new org.policykb.text.UniqueIds();
        List<Task> out = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            String words = t.title() == null || t.title().isBlank() ? String.valueOf(t.number()) : t.title();
            String base = "t-" + org.policykb.model.SiteUrls.name(words, 24);
            String local = ids.claim(base);
            out.add(new Task(documentId + "/" + local, t.documentId(), t.sectionId(), t.number(), t.title(), t.text(),
                    t.lead(), t.support(), t.span()));
        }
        return List.copyOf(out);
    }

    /**
     * What a report's section says of itself: the headings above it (「…取得新进展」) and its own paragraphs,
     * leaving out a closing next-steps paragraph (「下一步，…」), which looks forward whatever came before.
     */
    private static String accountText(Section root, Section section, String text) {
        StringBuilder out = new StringBuilder();
        for (Section s : pathTo(root, section)) {
            if (s != section && s.title() != null) {
                out.append(s.title()).append('\n');
            }
        }
        for (String paragraph : section.span().of(text).split("\n")) {
            if (!NEXT_STEP_OPENING.matcher(paragraph).find()) {
                out.append(paragraph).append('\n');
            }
        }
        return out.toString();
    }

    static boolean inFramework(Section root, Section target) {
        List<Section> path = pathTo(root, target);
        for (Section s : path) {
            String title = s.title() == null ? "" : s.title().replaceAll("[\\s：:。]", "");
            if (!title.isEmpty() && title.length() <= 8 && FRAMEWORK.matcher(title).find()) {
                return true;
            }
        }
        return false;
    }

    static List<Section> pathTo(Section from, Section target) {
        if (from == target) {
            return List.of(from);
        }
        // Spans tile the text, so only the last child starting at or before the target can hold it: trying
        // every earlier child too made each call cost the whole tree.
        List<Section> children = from.children();
        int low = 0;
        int high = children.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (children.get(mid).span().start() <= target.span().start()) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        // Empty sections share a start with the next one: step back over them until one holds the target.
        for (int i = found; i >= 0 && children.get(i).span().start() == children.get(found).span().start(); i--) {
            List<Section> sub = pathTo(children.get(i), target);
            if (!sub.isEmpty()) {
                List<Section> out = new ArrayList<>();
                out.add(from);
                out.addAll(sub);
                return out;
            }
        }
        return List.of();
    }

    private static boolean hasBody(String text, Section section) {
        String own = section.span().of(text).strip();
        int headingEnd = own.indexOf('\n');
        String body = headingEnd < 0 ? own : own.substring(headingEnd).strip();
        // A run-in heading carries its body on the same line.
        return !body.isEmpty() || own.indexOf('。') >= 0 && own.indexOf('。') < own.length() - 1;
    }

    private Task sectionTask(String documentId, String text, Section section) {
        SourceSpan span = section.span();
        Attribution who = attributions.attribution(text, span.start(), span.end(), span.line());
        return new Task(documentId + "/" + section.id(), documentId, section.id(), section.number(), section.title(),
                WordLeftovers.remove(span.of(text)).strip(), who.lead(), who.support(), span);
    }

    private List<Task> tableTasks(String documentId, ParsedDocument doc, Section table) {
        List<TableRow> rows = doc.tableRows().stream().filter(r -> r.sectionId().equals(table.id())).toList();
        boolean taskTable = TASK_TABLE.matcher(table.title() == null ? "" : table.title()).find()
                || rows.stream().anyMatch(r -> r.responsible().isPresent()
                || !attributions.clauses(doc.text(), r.span().start(), r.span().end()).isEmpty());
        if (!taskTable) {
            return List.of();
        }
        List<Task> out = new ArrayList<>();
        for (TableRow row : rows) {
            Attribution who = row.responsible()
                    .map(cell -> attributions.fromUnits(cell, row.span()))
                    .filter(a -> !a.isEmpty())
                    .orElseGet(() -> attributions.attribution(doc.text(), row.span().start(), row.span().end(), row.span().line()));
            out.add(new Task(documentId + "/" + table.id() + "-r" + row.index(), documentId, table.id(), row.number(),
                    row.name(), String.join("\n", row.cells()), who.lead(), who.support(), row.span()));
        }
        return out;
    }

    /** 「下一步，…。一是推动…。二是…」: each ordinal opens a task that runs to the next ordinal or the paragraph's end. */
    private List<Task> nextSteps(String documentId, String text, Section section) {
        List<Task> out = new ArrayList<>();
        int ownEnd = section.children().isEmpty() ? section.span().end() : section.children().get(0).span().start();
        int pos = section.span().start();
        while (pos < ownEnd) {
            int paraEnd = text.indexOf('\n', pos);
            if (paraEnd < 0 || paraEnd > ownEnd) {
                paraEnd = ownEnd;
            }
            out.addAll(ordinals(documentId, text, section, pos, paraEnd, out.size()));
            pos = paraEnd + 1;
        }
        return out;
    }

    private List<Task> ordinals(String documentId, String text, Section section, int from, int to, int already) {
        List<int[]> starts = new ArrayList<>();
        Matcher m = ORDINAL.matcher(text).region(from, to);
        int expected = 1;
        while (m.find()) {
            int value = org.policykb.text.ChineseNumerals.parse(m.group(1)).orElse(0);
            boolean atClauseStart = m.start() == from || "。；;，,：:\n ".indexOf(text.charAt(m.start() - 1)) >= 0;
            if (value == expected && atClauseStart) {
                starts.add(new int[] {m.start(), m.end()});
                expected++;
            }
        }
        if (starts.size() < 2 || !NEXT_STEP.matcher(text.substring(from, starts.get(0)[0])).find()) {
            return List.of();
        }
        List<Task> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i)[0];
            int bodyStart = starts.get(i)[1];
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : to;
            String segment = text.substring(bodyStart, end);
            int stop = firstOf(segment, "。；;，,：:");
            String title = WordLeftovers.remove(stop >= 0 ? segment.substring(0, stop) : segment).strip();
            String number = text.substring(start, bodyStart);
            String local = section.id() + "-n" + (already + i + 1);
            SourceSpan span = new SourceSpan(start, end, lineOf(text, start));
            Attribution who = attributions.attribution(text, start, end, span.line());
            out.add(new Task(documentId + "/" + local, documentId, section.id(), number, title,
                    WordLeftovers.remove(text.substring(start, end)).strip(), who.lead(), who.support(), span));
        }
        return out;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static int lineOf(String text, int offset) {
        return new org.policykb.text.LineIndex(text.substring(0, Math.min(offset + 1, text.length()))).lineOf(offset);
    }

    static Optional<Task> containing(List<Task> tasks, int offset) {
        for (Task t : tasks) {
            if (t.span().start() <= offset && offset < t.span().end()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
