package org.policykb.render;

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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Small knowledge bases built by hand from real-looking policy text, the way the parse, extract and link stages
 * would: sections tile the text, tasks and goals carry spans into it, departments list their tasks.
 */
final class KnowledgeBaseFixtures {
    static final String PLAN_TEXT = """
            关于印发淄川区教育事业发展“十四五”规划的通知
            各镇人民政府，各街道办事处：现将规划印发给你们，请认真组织实施。
            一、总体要求
            到2025年，基本建成高质量教育体系，教育治理效能明显提升。
            二、重点任务
            （一）全面落实立德树人根本任务
            1．完善全学段一体化思政工作体系。推进大中小学思政课一体化建设，到2025年，思政课专职教师配备率达到100%。（区委教育工委、区委宣传部、团区委负责）
            2．完善示范性智育水平培养体系。深化课堂教学改革，到2024年，全区中小学体质健康优良率、合格率分别达到55%、95%以上。
            实施学业质量监测，建成中小学教育质量评价监测平台。（区教体局、区科技局负责）
            （二）推进学前教育普及普惠
            3．扩大普惠性学前教育资源。新改扩建幼儿园10所，新增公办学位800个。（区教体局、区发改局、区财政局负责）
            """;

    static final String WORK_PLAN_TEXT = """
            2024年全区教育工作要点
            一、扩大优质教育资源
            1．新建改扩建中小学幼儿园。新改扩建幼儿园5所，新增公办学位600个，年底前全部投入使用。（区教体局、区财政局负责）
            2．推进集团化办学。组建教育集团12个。（区教体局负责）
            """;

    static final String XSS = "<script>alert(1)</script>";
    static final String XSS_ATTR = "\"><img src=x onerror=alert(1)>";

    private KnowledgeBaseFixtures() {
    }

    /** Two documents, five departments shared between them, goals with and without years. */
    static KnowledgeBase twoDocuments() {
        DocumentDraft plan = new DocumentDraft("zc-plan", PLAN_TEXT, new DocumentMeta("淄川区教育事业发展“十四五”规划",
                Optional.of("川政发〔2022〕10号"), Optional.of("淄川区人民政府"), Optional.of(LocalDate.of(2022, 12, 28)),
                DocumentKind.PLAN))
                .section("一", 1, "一、", "总体要求")
                .section("二", 1, "二、", "重点任务")
                .section("二.（一）", 2, "（一）", "全面落实立德树人根本任务")
                .section("二.（一）.1", 3, "1．", "完善全学段一体化思政工作体系")
                .section("二.（一）.2", 3, "2．", "完善示范性智育水平培养体系")
                .section("二.（二）", 2, "（二）", "推进学前教育普及普惠")
                .section("二.（二）.3", 3, "3．", "扩大普惠性学前教育资源")
                .task("二.（一）.1", "二.（一）.1", "1．", "完善全学段一体化思政工作体系",
                        "1．完善全学段一体化思政工作体系。", "团区委负责）", "区委教育工委", "区委宣传部", "团区委")
                .task("二.（一）.2", "二.（一）.2", "2．", "完善示范性智育水平培养体系",
                        "2．完善示范性智育水平培养体系。", "区科技局负责）", "区教体局", "区科技局")
                .task("二.（二）.3", "二.（二）.3", "3．", "扩大普惠性学前教育资源",
                        "3．扩大普惠性学前教育资源。", "区财政局负责）", "区教体局", "区发改局", "区财政局")
                .goal(null, "到2025年，基本建成高质量教育体系", null, 2025)
                .goal("二.（一）.1", "思政课专职教师配备率达到100%", "100%", 2025)
                .goal("二.（一）.2", "全区中小学体质健康优良率、合格率分别达到55%", "55%", 2024)
                .goal("二.（一）.2", "合格率分别达到55%、95%以上", "95%以上", 2024)
                .goal("二.（二）.3", "新改扩建幼儿园10所", "10所", 2025)
                .goal("二.（二）.3", "新增公办学位800个", "800个", 2025);
        DocumentDraft work = new DocumentDraft("work-2024", WORK_PLAN_TEXT, new DocumentMeta("2024年全区教育工作要点",
                Optional.empty(), Optional.of("区教育和体育局"), Optional.of(LocalDate.of(2024, 2, 1)), DocumentKind.WORK_PLAN))
                .section("一", 1, "一、", "扩大优质教育资源")
                .section("一.1", 2, "1．", "新建改扩建中小学幼儿园")
                .section("一.2", 2, "2．", "推进集团化办学")
                .task("一.1", "一.1", "1．", "新建改扩建中小学幼儿园", "1．新建改扩建中小学幼儿园。", "区财政局负责）",
                        "区教体局", "区财政局")
                .task("一.2", "一.2", "2．", "推进集团化办学", "2．推进集团化办学。", "（区教体局负责）", "区教体局")
                .goal("一.1", "新改扩建幼儿园5所", "5所", null)
                .goal("一.1", "年底前全部投入使用", null, 2024)
                .goal("一.2", "组建教育集团12个", "12个", null);
        return knowledgeBase(List.of(plan.build(), work.build()));
    }

    /** One document whose title, text and a department name carry markup that must show as text. */
    static KnowledgeBase hostile() {
        String text = "规划" + XSS + "\n一、任务" + XSS_ATTR + "\n1．推进" + XSS + "工作，新增学位800个。（区教体局" + XSS_ATTR + "、区财政局负责）\n";
        DocumentDraft doc = new DocumentDraft("hostile", text, new DocumentMeta("规划" + XSS + XSS_ATTR,
                Optional.of(XSS_ATTR), Optional.of(XSS), Optional.empty(), DocumentKind.PLAN))
                .section("一", 1, "一、", "任务" + XSS_ATTR)
                .section("一.1", 2, "1．", "推进" + XSS + "工作")
                .task("一.1", "一.1", "1．", "推进" + XSS + "工作", "1．推进", "负责）", "区教体局" + XSS_ATTR, "区财政局")
                .goal("一.1", "新增学位800个", "800个" + XSS, 2025);
        return knowledgeBase(List.of(doc.build()));
    }

    static KnowledgeBase knowledgeBase(List<PolicyDocument> documents) {
        Map<String, List<String>> lead = new LinkedHashMap<>();
        Map<String, List<String>> support = new LinkedHashMap<>();
        Map<String, String> idByName = new TreeMap<>();
        for (PolicyDocument document : documents) {
            for (Task task : document.tasks()) {
                task.lead().ifPresent(name -> {
                    idByName.put(name, SiteUrls.slug(name));
                    lead.computeIfAbsent(name, k -> new ArrayList<>()).add(task.id());
                    support.computeIfAbsent(name, k -> new ArrayList<>());
                });
                for (String name : task.support()) {
                    idByName.put(name, SiteUrls.slug(name));
                    support.computeIfAbsent(name, k -> new ArrayList<>()).add(task.id());
                    lead.computeIfAbsent(name, k -> new ArrayList<>());
                }
            }
        }
        List<Department> departments = lead.keySet().stream()
                .map(name -> new Department(idByName.get(name), name, List.of(), lead.get(name), support.get(name)))
                .toList();
        return new KnowledgeBase(documents, departments, idByName, List.of());
    }

    /** A document under construction: headings, tasks and goals are found in the text by their words. */
    static final class DocumentDraft {
        private final String id;
        private final String text;
        private final DocumentMeta meta;
        private final List<Object[]> sections = new ArrayList<>();
        private final List<Task> tasks = new ArrayList<>();
        private final List<Goal> goals = new ArrayList<>();
        private int searchFrom;

        DocumentDraft(String id, String text, DocumentMeta meta) {
            this.id = id;
            this.text = text;
            this.meta = meta;
        }

        DocumentDraft section(String sectionId, int level, String number, String title) {
            int at = text.indexOf(number + title, searchFrom);
            if (at < 0) {
                throw new IllegalArgumentException("No heading " + number + title);
            }
            searchFrom = at + 1;
            sections.add(new Object[]{sectionId, level, number, title, at});
            return this;
        }

        DocumentDraft task(String local, String sectionId, String number, String title, String startsWith,
                           String endsWith, String lead, String... support) {
            int start = text.indexOf(startsWith);
            int end = text.indexOf(endsWith, start) + endsWith.length();
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("No task text " + startsWith + "…" + endsWith);
            }
            tasks.add(new Task(id + "/" + local, id, sectionId, number, title, text.substring(start, end),
                    Optional.of(lead), List.of(support), span(start, end)));
            return this;
        }

        DocumentDraft goal(String taskLocal, String clause, String value, Integer year) {
            int start = text.indexOf(clause);
            if (start < 0) {
                throw new IllegalArgumentException("No goal text " + clause);
            }
            goals.add(new Goal(id + "/g" + (goals.size() + 1), id,
                    Optional.ofNullable(taskLocal).map(l -> id + "/" + l), clause, Optional.ofNullable(value),
                    Optional.ofNullable(year), span(start, start + clause.length())));
            return this;
        }

        private SourceSpan span(int start, int end) {
            return new SourceSpan(start, end, 1 + (int) text.substring(0, start).chars().filter(c -> c == '\n').count());
        }

        PolicyDocument build() {
            int n = sections.size();
            int[] starts = new int[n + 1];
            for (int i = 0; i < n; i++) {
                starts[i] = (int) sections.get(i)[4];
            }
            starts[n] = text.length();
            List<Section> built = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Object[] s = sections.get(i);
                built.add(new Section((String) s[0], (int) s[1], (String) s[2], (String) s[3], false,
                        span(starts[i], starts[i + 1]), List.of()));
            }
            Section root = new Section("top", 0, null, null, false, span(0, n == 0 ? text.length() : starts[0]),
                    nest(built, 0, built.size(), 1));
            return new PolicyDocument(id, id + ".txt", text, meta, root, tasks, goals, List.of());
        }

        /** Children of the given level in [from, to): each takes the following deeper sections. */
        private static List<Section> nest(List<Section> flat, int from, int to, int level) {
            List<Section> out = new ArrayList<>();
            int i = from;
            while (i < to) {
                Section s = flat.get(i);
                int j = i + 1;
                while (j < to && flat.get(j).level() > s.level()) {
                    j++;
                }
                out.add(new Section(s.id(), s.level(), s.number(), s.title(), s.table(), s.span(),
                        nest(flat, i + 1, j, s.level() + 1)));
                i = j;
            }
            return out;
        }
    }
}
