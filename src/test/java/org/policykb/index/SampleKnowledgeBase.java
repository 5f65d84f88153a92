package org.policykb.index;

import org.policykb.model.Department;
import org.policykb.model.DocumentKind;
import org.policykb.model.DocumentMeta;
import org.policykb.model.Goal;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.PolicyDocument;
import org.policykb.model.Section;
import org.policykb.model.SiteUrls;
import org.policykb.model.SourceSpan;
import org.policykb.model.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A rough knowledge base of plain-text policy documents for the index tests and the benchmark, standing in
 * for the real parser (org.policykb.build.KnowledgeBaseReader) until it lands: numbered heading lines are
 * sections, numbered paragraphs are tasks, 「（A、B负责）」 gives lead A and support B, 「到2025年…达到55%」
 * gives a goal.
 */
final class SampleKnowledgeBase {
    private static final Pattern HEADING = Pattern.compile("^\\s*(([一二三四五六七八九十]+、)|(（[一二三四五六七八九十]+）))(.{1,40})$");
    private static final Pattern TASK = Pattern.compile("^\\s*(\\d{1,2}[．.、])(.{20,})$");
    private static final Pattern CLAUSE = Pattern.compile("（([^（）]{2,300}?)负责[^（）]*）");
    private static final Pattern GOAL = Pattern.compile("到(20\\d\\d)年[^。；]*?(\\d+(?:\\.\\d+)?[%％])");

    private SampleKnowledgeBase() {
    }

    static KnowledgeBase read(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        List<PolicyDocument> documents = new ArrayList<>();
        for (Path file : files) {
            try {
                String name = file.getFileName().toString();
                documents.add(document(name.substring(0, name.length() - 4), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return knowledgeBase(documents);
    }

    static KnowledgeBase knowledgeBase(List<PolicyDocument> documents) {
        Map<String, List<String>> lead = new LinkedHashMap<>();
        Map<String, List<String>> support = new LinkedHashMap<>();
        for (PolicyDocument doc : documents) {
            for (Task task : doc.tasks()) {
                task.lead().ifPresent(n -> {
                    lead.computeIfAbsent(n, k -> new ArrayList<>()).add(task.id());
                    support.computeIfAbsent(n, k -> new ArrayList<>());
                });
                for (String n : task.support()) {
                    support.computeIfAbsent(n, k -> new ArrayList<>()).add(task.id());
                    lead.computeIfAbsent(n, k -> new ArrayList<>());
                }
            }
        }
        List<Department> departments = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : lead.keySet()) {
            String id = SiteUrls.slug(name);
            departments.add(new Department(id, name, List.of(), lead.get(name), support.get(name)));
            ids.put(name, id);
        }
        return new KnowledgeBase(documents, departments, ids, List.of());
    }

    static PolicyDocument document(String id, String text) {
        String[] lines = text.split("\n", -1);
        String title = "";
        List<int[]> headings = new ArrayList<>();  // line start offsets and levels
        List<Integer> lineStarts = new ArrayList<>();
        int at = 0;
        for (String line : lines) {
            lineStarts.add(at);
            if (title.isEmpty() && !line.isBlank()) {
                title = line.strip();
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                headings.add(new int[] {at, h.group(2) != null ? 1 : 2, lineStarts.size()});
            }
            at += line.length() + 1;
        }
        int end = text.length();
        List<Section> sections = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            int start = headings.get(i)[0];
            int stop = i + 1 < headings.size() ? headings.get(i + 1)[0] : end;
            int lineNo = headings.get(i)[2];
            Matcher h = HEADING.matcher(lines[lineNo - 1]);
            h.matches();
            String sectionId = "s" + (i + 1);
            sections.add(new Section(sectionId, headings.get(i)[1], h.group(1), h.group(4).strip(), false,
                    new SourceSpan(start, stop, lineNo), List.of()));
        }
        String currentSection = "";
        int headingIndex = 0;
        for (int l = 0; l < lines.length; l++) {
            while (headingIndex < headings.size() && headings.get(headingIndex)[2] <= l + 1) {
                currentSection = "s" + (headingIndex + 1);
                headingIndex++;
            }
            Matcher t = TASK.matcher(lines[l]);
            if (!t.matches() || currentSection.isEmpty()) {
                continue;
            }
            String body = t.group(2).strip();
            int stop = body.indexOf('。');
            String taskTitle = stop > 0 && stop <= 60 ? body.substring(0, stop) : body.substring(0, Math.min(30, body.length()));
            Optional<String> lead = Optional.empty();
            List<String> support = new ArrayList<>();
            Matcher c = CLAUSE.matcher(body);
            String clause = null;
            while (c.find()) {
                clause = c.group(1);
            }
            if (clause != null) {
                String[] names = clause.split("[、，,]");
                for (int k = 0; k < names.length; k++) {
                    String n = names[k].strip();
                    if (n.isEmpty()) {
                        continue;
                    }
                    if (lead.isEmpty()) {
                        lead = Optional.of(n);
                    } else {
                        support.add(n);
                    }
                }
            }
            String taskId = id + "/" + currentSection + "-" + (tasks.size() + 1);
            int start = lineStarts.get(l);
            tasks.add(new Task(taskId, id, currentSection, t.group(1), taskTitle, lines[l].strip(), lead, support,
                    new SourceSpan(start, start + lines[l].length(), l + 1)));
            Matcher g = GOAL.matcher(body);
            while (g.find()) {
                goals.add(new Goal(id + "/g" + (goals.size() + 1), id, Optional.of(taskId), g.group(), Optional.of(g.group(2)),
                        Optional.of(Integer.parseInt(g.group(1))), new SourceSpan(start, start + lines[l].length(), l + 1)));
            }
        }
        int preambleEnd = headings.isEmpty() ? end : headings.getFirst()[0];
        Section root = new Section("top", 0, null, title, false, new SourceSpan(0, preambleEnd, 1), sections);
        DocumentKind kind = tasks.isEmpty() ? DocumentKind.REPORT : DocumentKind.PLAN;
        return new PolicyDocument(id, id + ".txt", text, new DocumentMeta(title, Optional.empty(), Optional.empty(),
                Optional.empty(), kind), root, tasks, goals, List.of());
    }
}
