package org.policykb.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteRendererTest {
    static final Path TEMPLATES = Path.of("templates");
    static final RenderContext CONTEXT = new RenderContext(LocalDate.of(2024, 6, 1), "教育政策知识库");

    /** The rendered files plus stand-ins for the data export the build writes beside them. */
    static List<OutputFile> site(KnowledgeBase kb) {
        List<OutputFile> files = new ArrayList<>(new SiteRenderer(TEMPLATES).render(kb, CONTEXT));
        for (Link data : SiteLayout.DATA_EXPORT) {
            files.add(OutputFile.utf8(data.href(), "[]"));
        }
        return files;
    }

    static Map<String, OutputFile> byPath(List<OutputFile> files) {
        return files.stream().collect(Collectors.toMap(OutputFile::path, Function.identity()));
    }

    static Document page(Map<String, OutputFile> files, String path) {
        OutputFile file = files.get(path);
        assertTrue(file != null, "no page " + path + " among " + files.keySet());
        return Jsoup.parse(new String(file.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void rendersEveryPageTypeAndNoLinkIsBroken() {
        List<OutputFile> files = site(KnowledgeBaseFixtures.twoDocuments());
        Map<String, OutputFile> byPath = byPath(files);
        for (String path : List.of("index.html", "documents.html", "departments.html", "goals.html", "404.html",
                "sitemap.xml", "assets/site.css", "assets/sort.js", "documents/zc-plan.html", "goals/zc-plan.html",
                "tasks/zc-plan/二.（一）.1.html", "tasks/work-2024/一.2.html", "departments/区教体局.html",
                "departments/区教体局.csv")) {
            assertTrue(byPath.containsKey(path), "missing " + path);
        }
        assertEquals(List.of(), new LinkChecker().check(files));
    }

    @Test
    void documentTextCarriesTaskMarksDepartmentLinksAndGoalBadges() {
        Map<String, OutputFile> files = byPath(site(KnowledgeBaseFixtures.twoDocuments()));
        Document doc = page(files, "documents/zc-plan.html");
        assertEquals("zh-CN", doc.select("html").attr("lang"));
        assertEquals("川政发〔2022〕10号", doc.select(".meta-grid dd").first().text());
        var task = doc.getElementById("task-二.（二）.3");
        assertTrue(task != null, "task 3 is marked in place");
        assertEquals("区教体局", task.select(".task-meta strong a").text());
        assertEquals("../departments/区教体局.html", task.select(".task-meta strong a").attr("href"));
        assertEquals(List.of("区发改局", "区财政局"), task.select(".task-meta a.support").eachText());
        // the attribution clause itself: lead emphasised, supporting units linked
        assertEquals("区教体局", task.select("p:not(.task-meta) strong.lead a").text());
        assertEquals(List.of("区发改局", "区财政局"), task.select("p:not(.task-meta) a.support").eachText());
        assertEquals(List.of("10所 · 2025年", "800个 · 2025年"), task.select("a.goal-badge").eachText());
        // two goals written in one clause share the mark and get a badge each
        var badges = doc.select("#task-二\\.（一）\\.2 a.goal-badge");
        assertEquals(List.of("55% · 2024年", "95%以上 · 2024年"), badges.eachText());
        assertEquals("../goals/zc-plan.html#g3", badges.first().attr("href"));
        // sections have their anchors, the stand-alone heading is a heading, the preamble has none
        assertEquals("总体要求", doc.select("section#一 > h2").text().replace("一、", ""));
        assertEquals(List.of("一、总体要求", "二、重点任务", "（一）全面落实立德树人根本任务", "1．完善全学段一体化思政工作体系",
                "2．完善示范性智育水平培养体系", "（二）推进学前教育普及普惠", "3．扩大普惠性学前教育资源"),
                doc.select(".toc li").eachText().stream().map(s -> s.replace(" ", "")).toList());
        doc.select("a.goal-badge, .task-meta").remove();
        String allText = doc.select(".doc-text").text().replace(" ", "");
        for (String line : KnowledgeBaseFixtures.PLAN_TEXT.strip().split("\n")) {
            assertTrue(allText.contains(line.replace(" ", "")), "the text shows the line " + line);
        }
    }

    @Test
    void departmentPageListsItsLeadAndSupportTasksByDocument() {
        Map<String, OutputFile> files = byPath(site(KnowledgeBaseFixtures.twoDocuments()));
        Document doc = page(files, "departments/区财政局.html");
        assertEquals("区财政局", doc.select("h1").text());
        assertTrue(doc.select(".stats").text().contains("牵头 0 项"));
        assertTrue(doc.select(".stats").text().contains("配合 2 项"));
        assertEquals(List.of("2024年全区教育工作要点", "淄川区教育事业发展“十四五”规划"), doc.select(".doc-group h3 a").eachText());
        assertEquals(List.of("../tasks/work-2024/一.1.html",
                        "../tasks/zc-plan/二.（二）.3.html"),
                doc.select("ul.task-list.support > li > a").eachAttr("href"));
        assertEquals("区教体局", doc.select(".partners a").first().text());
        assertEquals(List.of("2024", "2025", "2025", ""), doc.select("table.goals td.year").eachAttr("data-value"));
    }

    @Test
    void ledgerIsUtf8WithBomAndOneRowPerTask() {
        Map<String, OutputFile> files = byPath(site(KnowledgeBaseFixtures.twoDocuments()));
        byte[] bytes = files.get("departments/区教体局.csv").bytes();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> records = Arrays.stream(csv.split("\r\n(?=\")")).toList();
        assertEquals(1 + 4, records.size(), csv);
        assertTrue(records.get(0).startsWith("\"角色\",\"文件\",\"发文字号\""));
        assertTrue(records.get(1).startsWith("\"牵头\",\"淄川区教育事业发展“十四五”规划\",\"川政发〔2022〕10号\",\"2022-12-28\""), records.get(1));
        assertTrue(records.get(1).contains("\"深化课堂教学改革") || csv.contains("深化课堂教学改革"));
    }

    @Test
    void taskPageLinksToItsLeadDepartmentSectionGoalsAndRelatedTasks() {
        Map<String, OutputFile> files = byPath(site(KnowledgeBaseFixtures.twoDocuments()));
        Document doc = page(files, "tasks/work-2024/一.1.html");
        assertEquals("../../departments/区教体局.html", doc.select("a.lead").attr("href"));
        assertEquals("../../documents/work-2024.html#一.1", doc.select(".meta-grid dd a").get(1).attr("href"));
        assertEquals(List.of("新改扩建幼儿园5所", "年底前全部投入使用"), doc.select(".goal-list a").eachText().stream().sorted().toList().reversed());
        // related tasks: the plan's kindergarten task (same departments, similar words) comes before the same document's
        List<String> related = doc.select("ul.related > li > a").eachText();
        assertEquals("3． 扩大普惠性学前教育资源", related.get(0));
        assertTrue(related.contains("2． 推进集团化办学"));
    }

    @Test
    void textFromDocumentsIsEscapedEverywhere() {
        List<OutputFile> files = site(KnowledgeBaseFixtures.hostile());
        for (OutputFile file : files) {
            if (!file.path().endsWith(".html")) {
                continue;
            }
            String html = new String(file.bytes(), StandardCharsets.UTF_8);
            assertFalse(html.contains("<script>alert"), file.path() + " has a live script");
            assertFalse(html.contains("<img src=x"), file.path() + " has a live img");
            Document doc = Jsoup.parse(html);
            assertTrue(doc.select("img").isEmpty(), file.path());
            assertTrue(doc.select("script").stream().allMatch(s -> s.hasAttr("src") && s.data().isEmpty()), file.path());
            assertTrue(doc.select("[onerror]").isEmpty(), file.path());
        }
        Document doc = page(byPath(files), "documents/hostile.html");
        assertEquals("规划" + KnowledgeBaseFixtures.XSS + KnowledgeBaseFixtures.XSS_ATTR, doc.select("h1").text());
        assertTrue(doc.select(".doc-text").text().contains("推进" + KnowledgeBaseFixtures.XSS + "工作"));
        assertEquals(List.of(), new LinkChecker().check(files));
    }

    @Test
    void pagesLoadNothingFromElsewhereAndCarryNoInlineScriptOrStyle() {
        for (OutputFile file : site(KnowledgeBaseFixtures.twoDocuments())) {
            if (!file.path().endsWith(".html")) {
                continue;
            }
            Document doc = Jsoup.parse(new String(file.bytes(), StandardCharsets.UTF_8));
            for (var element : doc.select("[src], link[href]")) {
                String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
                assertFalse(url.contains(":") || url.startsWith("//"), file.path() + " loads " + url);
            }
            assertTrue(doc.select("style, [style]").isEmpty(), file.path() + " has inline style");
            assertTrue(doc.select("script:not([src])").isEmpty(), file.path() + " has inline script");
            assertTrue(doc.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                    .noneMatch(a -> a.getKey().startsWith("on")), file.path() + " has an inline event handler");
            assertEquals("default-src 'self'; script-src 'self'; style-src 'self'",
                    doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"), file.path());
        }
    }

    @Test
    void sitemapListsThePagesAndNotTheNotFoundPage() {
        Map<String, OutputFile> files = byPath(site(KnowledgeBaseFixtures.twoDocuments()));
        String xml = new String(files.get("sitemap.xml").bytes(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<loc>departments/%E5%8C%BA%E6%95%99%E4%BD%93%E5%B1%80.html</loc><lastmod>2024-06-01</lastmod>"), xml);
        assertTrue(xml.contains("<loc>index.html</loc>"));
        assertFalse(xml.contains("404.html"));
        List<OutputFile> withBase = new SiteRenderer(TEMPLATES).render(KnowledgeBaseFixtures.twoDocuments(),
                new RenderContext(LocalDate.of(2024, 6, 1), "知识库", java.util.Optional.of("https://example.org/kb")));
        String absolute = new String(byPath(withBase).get("sitemap.xml").bytes(), StandardCharsets.UTF_8);
        assertTrue(absolute.contains("<loc>https://example.org/kb/index.html</loc>"), absolute);
    }

    @Test
    void ledgerCellsThatASpreadsheetWouldRunStayText() {
        assertEquals("'=HYPERLINK(\"x\")", DepartmentLedger.inert("=HYPERLINK(\"x\")"));
        assertEquals("'+1", DepartmentLedger.inert("+1"));
        assertEquals("区教体局", DepartmentLedger.inert("区教体局"));
        assertEquals("", DepartmentLedger.inert(""));
    }

    @Test
    void renderingIsDeterministic() {
        List<OutputFile> first = new SiteRenderer(TEMPLATES).render(KnowledgeBaseFixtures.twoDocuments(), CONTEXT);
        List<OutputFile> second = new SiteRenderer(TEMPLATES).render(KnowledgeBaseFixtures.twoDocuments(), CONTEXT);
        assertEquals(first.stream().map(OutputFile::path).toList(), second.stream().map(OutputFile::path).toList());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).bytes(), second.get(i).bytes(), first.get(i).path());
        }
    }

    @Test
    void aCopiedAndChangedThemeIsUsedAndItsMistakesAreNamed(@TempDir Path dir) throws IOException {
        Path theme = dir.resolve("mytheme");
        try (var files = Files.walk(TEMPLATES)) {
            for (Path from : files.toList()) {
                Path to = theme.resolve(TEMPLATES.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Files.writeString(theme.resolve("assets/extra.css"), "body{}");
        Files.writeString(theme.resolve("home.ftlh"), Files.readString(theme.resolve("home.ftlh"))
                .replace("<h1>${page.siteTitle}</h1>", "<h1 class=\"mine\">${page.siteTitle}（本地版）</h1>"));
        Map<String, OutputFile> files = byPath(new SiteRenderer(theme).render(KnowledgeBaseFixtures.twoDocuments(), CONTEXT));
        assertEquals("教育政策知识库（本地版）", page(files, "index.html").select("h1.mine").text());
        assertTrue(files.containsKey("assets/extra.css"));

        Files.writeString(theme.resolve("task.ftlh"), "<#import \"layout.ftlh\" as layout>${noSuchField}");
        SiteRenderer broken = new SiteRenderer(theme);
        var e = assertThrows(IllegalStateException.class, () -> broken.render(KnowledgeBaseFixtures.twoDocuments(), CONTEXT));
        assertTrue(e.getMessage().contains("task.ftlh") && e.getMessage().contains("noSuchField"), e.getMessage());

        Files.writeString(theme.resolve("task.ftlh"), "<#if>");
        var parse = assertThrows(IllegalArgumentException.class, () -> new SiteRenderer(theme));
        assertTrue(parse.getMessage().contains("task.ftlh"), parse.getMessage());
    }

    @Test
    void missingTemplatesFolderOrTemplateIsNamed(@TempDir Path dir) throws IOException {
        var missing = assertThrows(IllegalArgumentException.class, () -> new SiteRenderer(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("nope"));
        Files.writeString(dir.resolve("layout.ftlh"), "<#macro page info><#nested></#macro>");
        var template = assertThrows(IllegalArgumentException.class, () -> new SiteRenderer(dir));
        assertTrue(template.getMessage().contains("home.ftlh"), template.getMessage());
    }

    /** Keeps a page when it was made from the same inputs last time; counts the digests it had to ask for. */
    static final class RecordingReuse implements org.policykb.model.FileReuse {
        final Map<String, String> inputsBefore;
        final Map<String, String> inputs = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Set<String> digested = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Map<String, String> versions;

        RecordingReuse(Map<String, String> inputsBefore, Map<String, String> versions) {
            this.inputsBefore = inputsBefore;
            this.versions = versions;
        }

        @Override
        public boolean keep(String path, String digest) {
            return false;
        }

        @Override
        public boolean keep(String path, String inputs, java.util.function.Supplier<String> digest) {
            this.inputs.put(path, inputs);
            if (inputs.equals(inputsBefore.get(path))) {
                return true;
            }
            digested.add(path);
            digest.get();
            return false;
        }

        @Override
        public boolean keepByInputs(String path, String inputs) {
            return keep(path, inputs, () -> "");
        }

        @Override
        public java.util.Optional<String> documentVersion(String documentId) {
            return java.util.Optional.ofNullable(versions.get(documentId));
        }
    }

    @Test
    void pagesOfUnchangedDocumentsAreKeptWithoutTheirViewsBeingBuilt() {
        KnowledgeBase kb = KnowledgeBaseFixtures.twoDocuments();
        SiteRenderer renderer = new SiteRenderer(TEMPLATES);
        Map<String, String> versions = new java.util.HashMap<>();
        kb.documents().forEach(d -> versions.put(d.id(), "v1"));
        RecordingReuse first = new RecordingReuse(Map.of(), versions);
        List<OutputFile> all = new ArrayList<>();
        renderer.render(kb, CONTEXT, org.policykb.model.ChangeLog.empty(), first, RelatedTaskTable.NONE, all::add);
        int ownPages = kb.tasks().size() + 2 * kb.documents().size();
        long departmentFiles = first.inputs.keySet().stream().filter(p -> p.startsWith("departments/")).count();
        long goalsIndexPages = first.inputs.keySet().stream().filter(p -> p.matches("goals(-\\d+)?\\.html")).count();
        assertEquals(1, goalsIndexPages, "the goals index has inputs");
        assertTrue(first.inputs.containsKey("sitemap.xml"), "the sitemap has inputs: the pages it lists");
        assertEquals(ownPages, first.inputs.size() - departmentFiles - goalsIndexPages - 1,
                "every document, goals and task page has inputs");
        assertTrue(departmentFiles >= 2L * kb.departments().size(), "a department's pages and its ledger have inputs");

        RecordingReuse same = new RecordingReuse(first.inputs, versions);
        List<String> made = new ArrayList<>();
        renderer.render(kb, CONTEXT, org.policykb.model.ChangeLog.empty(), same, RelatedTaskTable.NONE,
                f -> made.add(f.path()));
        assertEquals(java.util.Set.of(), same.digested, "same versions: no view is built");
        assertTrue(made.stream().noneMatch(p -> p.startsWith("documents/") || p.startsWith("tasks/")
                || p.startsWith("departments/")), made.toString());

        // a new version of one document: its pages are asked about, and the pages of tasks related to its tasks;
        // the document chosen leaves some department without a task in it
        var editedDocument = kb.documents().stream().filter(d -> kb.departments().stream().anyMatch(dep ->
                java.util.stream.Stream.concat(dep.leadTasks().stream(), dep.supportTasks().stream())
                        .noneMatch(t -> t.startsWith(d.id() + "/")))).findFirst().orElseThrow();
        String edited = editedDocument.id();
        Map<String, String> newer = new java.util.HashMap<>(versions);
        newer.put(edited, "v2");
        RecordingReuse changed = new RecordingReuse(first.inputs, newer);
        renderer.render(kb, CONTEXT, org.policykb.model.ChangeLog.empty(), changed, RelatedTaskTable.NONE, f -> { });
        RelatedTasks related = new RelatedTasks(new RenderIndex(kb));
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (var document : kb.documents()) {
            for (var task : document.tasks()) {
                if (document.id().equals(edited) || related.of(task).stream().anyMatch(m -> m.task().documentId().equals(edited))) {
                    expected.add(org.policykb.model.SiteUrls.task(task.id()));
                }
            }
        }
        expected.add(org.policykb.model.SiteUrls.document(edited));
        expected.add(DocumentViewBuilder.goalsPath(editedDocument));
        assertTrue(!editedDocument.goals().isEmpty(), "the edited document has goals");
        expected.add("goals.html"); // the goals index lists the edited document's goals
        // and the pages and ledger of each department with a task in it; the other departments are kept as they are
        java.util.Set<String> editedTasks = editedDocument.tasks().stream().map(t -> t.id())
                .collect(java.util.stream.Collectors.toSet());
        int untouched = 0;
        for (var department : kb.departments()) {
            java.util.List<String> own = new ArrayList<>(department.leadTasks());
            own.addAll(department.supportTasks());
            java.util.Set<String> files = first.inputs.keySet().stream()
                    .filter(p -> p.startsWith("departments/" + department.id() + "/") || p.startsWith("departments/" + department.id() + ".")
                            || p.equals(DepartmentViewBuilder.ledgerPath(department)))
                    .collect(java.util.stream.Collectors.toSet());
            if (own.stream().anyMatch(editedTasks::contains)) {
                expected.addAll(files);
            } else {
                untouched++;
            }
        }
        assertTrue(untouched > 0, "the fixture has a department without tasks in the edited document");
        assertEquals(expected, new java.util.TreeSet<>(changed.digested));
    }
}
