package org.policykb.render;

import org.junit.jupiter.api.Test;
import org.policykb.model.DocumentKind;
import org.policykb.model.DocumentMeta;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
import org.policykb.model.PolicyDocument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many generated documents sharing a pool of departments: rendering must stay roughly linear (every department
 * on thousands of tasks is the worst case for related tasks and department pages). Size with
 * -Dpolicykb.scale.documents=N; the default keeps the suite quick.
 */
class RenderScaleTest {
    private static final String[] UNITS = {"区教体局", "区财政局", "区发改局", "区人社局", "区卫健局", "区住建局", "团区委",
            "区委宣传部", "区科技局", "区自然资源局", "区民政局", "区公安分局"};
    private static final String[] WORK = {"新改扩建幼儿园", "推进集团化办学", "加强教师队伍建设", "深化课堂教学改革",
            "完善学生资助体系", "推进校园安全建设", "发展职业教育", "建设智慧校园"};

    static KnowledgeBase generate(int documents, int tasksPerDocument) {
        List<PolicyDocument> docs = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            StringBuilder text = new StringBuilder("第" + d + "号工作要点\n一、重点任务\n");
            for (int t = 1; t <= tasksPerDocument; t++) {
                String lead = UNITS[(d + t) % UNITS.length];
                String support = UNITS[(d * 7 + t * 3 + 1) % UNITS.length];
                text.append(t).append("．").append(WORK[(d + t) % WORK.length]).append("。到").append(2024 + t % 4)
                        .append("年，新增学位").append(d * 1000 + t).append("个。（").append(lead).append("、")
                        .append(support.equals(lead) ? "区残联" : support).append("负责）\n");
            }
            var draft = new KnowledgeBaseFixtures.DocumentDraft("doc-" + d, text.toString(),
                    new DocumentMeta("第" + d + "号工作要点", Optional.empty(), Optional.of("区政府"),
                            Optional.of(LocalDate.of(2020, 1, 1).plusDays(d)), DocumentKind.WORK_PLAN))
                    .section("一", 1, "一、", "重点任务");
            for (int t = 1; t <= tasksPerDocument; t++) {
                String lead = UNITS[(d + t) % UNITS.length];
                String support = UNITS[(d * 7 + t * 3 + 1) % UNITS.length];
                draft.task(String.valueOf(t), "一", t + "．", WORK[(d + t) % WORK.length],
                        t + "．" + WORK[(d + t) % WORK.length], "负责）", lead, support.equals(lead) ? "区残联" : support);
                draft.goal(String.valueOf(t), "新增学位" + (d * 1000 + t) + "个", (d * 1000 + t) + "个", 2024 + t % 4);
            }
            docs.add(draft.build());
        }
        return KnowledgeBaseFixtures.knowledgeBase(docs);
    }

    @Test
    void rendersThousandsOfTasksWithEveryLinkResolved() {
        int documents = Integer.getInteger("policykb.scale.documents", 300);
        KnowledgeBase kb = generate(documents, 10);
        long t0 = System.nanoTime();
        RenderIndex index = new RenderIndex(kb);
        RelatedTasks related = new RelatedTasks(index);
        kb.tasks().forEach(related::of);
        System.out.printf("scale: related tasks alone %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        long start = System.nanoTime();
        List<OutputFile> files = new SiteRenderer(SiteRendererTest.TEMPLATES).render(kb, SiteRendererTest.CONTEXT);
        long rendered = System.nanoTime();
        List<OutputFile> all = new ArrayList<>(files);
        SiteLayout.DATA_EXPORT.forEach(l -> all.add(OutputFile.utf8(l.href(), "[]")));
        assertEquals(List.of(), new LinkChecker().check(all));
        long checked = System.nanoTime();
        System.out.printf("scale: %d documents, %d tasks, %d files: render %d ms, link check %d ms%n", documents,
                kb.tasks().size(), files.size(), (rendered - start) / 1_000_000, (checked - rendered) / 1_000_000);
        assertTrue(files.size() > documents * 12, "a page per document, goals page and task");
        // a department on more tasks than a page holds has its ledger on further pages, all linked and checked above
        java.util.Set<String> paths = new java.util.HashSet<>(files.stream().map(OutputFile::path).toList());
        int paged = 0;
        for (var department : kb.departments()) {
            int rows = department.leadTasks().size() + department.supportTasks().size();
            boolean second = paths.contains(org.policykb.model.SiteUrls.departmentPage(department.id(), 2));
            assertEquals(rows > DepartmentViewBuilder.ROWS_PER_PAGE, second, department.id() + ": " + rows + " tasks");
            paged += second ? 1 : 0;
        }
        assertTrue(paged > 0, "no department has a second page");
        // the goals index too: every goal on exactly one of its pages, in year order across them
        int goalPages = (kb.goals().size() + IndexViewBuilder.GOALS_PER_PAGE - 1) / IndexViewBuilder.GOALS_PER_PAGE;
        assertTrue(goalPages > 1, kb.goals().size() + " goals");
        for (int n = 1; n <= goalPages + 1; n++) {
            assertEquals(n <= goalPages, paths.contains(IndexViewBuilder.goalsPage(n)), "goals page " + n);
        }
        int rows = 0;
        for (int n = 1; n <= goalPages; n++) {
            int page = n;
            String html = new String(files.stream().filter(f -> f.path().equals(IndexViewBuilder.goalsPage(page)))
                    .findFirst().orElseThrow().bytes(), java.nio.charset.StandardCharsets.UTF_8);
            rows += org.jsoup.Jsoup.parse(html).select("table.goals tbody tr").size();
        }
        assertEquals(kb.goals().size(), rows);
    }

    @Test
    void anEditRemakesOnlyTheDepartmentPagesThatShowTheEditedDocument() {
        KnowledgeBase kb = generate(300, 10);
        SiteRenderer renderer = new SiteRenderer(SiteRendererTest.TEMPLATES);
        java.util.Map<String, String> versions = new java.util.HashMap<>();
        kb.documents().forEach(d -> versions.put(d.id(), "v1"));
        var first = new SiteRendererTest.RecordingReuse(java.util.Map.of(), versions);
        renderer.render(kb, SiteRendererTest.CONTEXT, org.policykb.model.ChangeLog.empty(), first,
                RelatedTaskTable.NONE, f -> { });

        String edited = kb.documents().get(kb.documents().size() / 2).id();
        java.util.Map<String, String> newer = new java.util.HashMap<>(versions);
        newer.put(edited, "v2");
        var second = new SiteRendererTest.RecordingReuse(first.inputs, newer);
        renderer.render(kb, SiteRendererTest.CONTEXT, org.policykb.model.ChangeLog.empty(), second,
                RelatedTaskTable.NONE, f -> { });

        DepartmentViewBuilder builder = new DepartmentViewBuilder(new RenderIndex(kb), null, null);
        int checked = 0;
        for (var department : kb.departments()) {
            DepartmentViewBuilder.Plan plan = builder.plan(department);
            for (int n = 1; n <= plan.pageCount(); n++) {
                boolean shows = plan.chunks().get(n - 1).stream().anyMatch(d -> d.id().equals(edited));
                String page = org.policykb.model.SiteUrls.departmentPage(department.id(), n);
                assertEquals(shows, second.digested.contains(page), page);
            }
            checked += plan.pageCount() > 1 ? 1 : 0;
        }
        assertTrue(checked > 0, "some department has more than one page");
    }
}
