package org.policykb.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policykb.testing.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editing one document rewrites its pages and what depends on them, nothing else; output is deterministic. */
class RegenerationTest {
    private static final FileTime OLD = FileTime.fromMillis(1_500_000_000_000L);
    private static final String WORK_PLAN = "003_b9182d471b85b56e";

    private static final String FIVE_YEAR_PLAN = "001_9519b755a898c3c4";

    private static BuildResult build(Path content, Path out, boolean clean) throws IOException {
        return build(content, out, Fixtures.projectRoot().resolve("templates"), clean);
    }

    private static BuildResult build(Path content, Path out, Path templates, boolean clean) throws IOException {
        return new SiteBuilder().build(new BuildSettings(content, out, templates, false, LocalDate.of(2026, 1, 1), clean));
    }

    static void assertSameAsCleanBuild(Path content, Path out) throws IOException {
        Map<String, byte[]> incremental = tree(out);
        build(content, out, true);
        Map<String, byte[]> clean = tree(out);
        assertEquals(difference(incremental, clean), List.of(), "files only in one of incremental / clean");
        for (String path : incremental.keySet()) {
            assertTrue(Arrays.equals(incremental.get(path), clean.get(path)), "--clean differs in " + path);
        }
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static List<String> difference(Map<String, byte[]> a, Map<String, byte[]> b) {
        java.util.Set<String> only = new java.util.TreeSet<>(a.keySet());
        only.addAll(b.keySet());
        java.util.Set<String> both = new java.util.TreeSet<>(a.keySet());
        both.retainAll(b.keySet());
        only.removeAll(both);
        return List.copyOf(only);
    }

    private static List<String> rewritten(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                try {
                    return !Files.getLastModifiedTime(p).equals(OLD);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** The one-figure edit of the work plan the tests make: a goal's value, 80% → 90%. */
    private static void raiseKindergartenFigure(Path content) throws IOException {
        Path plan = content.resolve(WORK_PLAN + ".txt");
        Files.writeString(plan, Files.readString(plan).replace("普惠性幼儿园覆盖率达到80%", "普惠性幼儿园覆盖率达到90%"));
    }

    private static void ageAll(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, OLD);
            }
        }
    }

    @Test
    void anIndexThatCannotBeOpenedFailsTheBuildBesideTheRenderAndLeavesTheSiteAsItWas(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(content, out, false);
        Map<String, byte[]> published = tree(out);
        // the search index's folder is a file now: the indexing, which runs beside the render, fails early
        Path index = SiteBuilder.stateFolder(out).resolve("index");
        try (Stream<Path> walk = Files.walk(index)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(index, "not an index");
        raiseKindergartenFigure(content);

        IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> build(content, out, false));
        assertTrue(failure.toString().contains("index"), failure.toString());
        Map<String, byte[]> after = tree(out);
        assertEquals(published.keySet(), after.keySet(), "the published site keeps its files");
        for (String path : published.keySet()) {
            assertTrue(Arrays.equals(published.get(path), after.get(path)), "the published site changed in " + path);
        }
        try (Stream<Path> beside = Files.list(tmp)) {
            assertEquals(List.of(), beside.map(p -> p.getFileName().toString()).filter(n -> n.contains(".new-")).toList(),
                    "the half-made site is removed");
        }
    }

    @Test
    void editingOneDocumentRewritesItsPagesAndReportsTheChange(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(content, out, false);
        ageAll(out);
        Path relatedTasks = SiteBuilder.stateFolder(out).resolve("related.bin");
        Files.setLastModifiedTime(relatedTasks, OLD);

        raiseKindergartenFigure(content);
        BuildResult second = build(content, out, false);
        assertEquals(OLD, Files.getLastModifiedTime(relatedTasks), "a changed figure leaves the related tasks as found");
        org.policykb.model.PolicyDocument edited = second.knowledgeBase().documents().stream()
                .filter(d -> d.id().equals(WORK_PLAN)).findFirst().orElseThrow();
        assertEquals(1 + edited.sections().size() + edited.tasks().size() + edited.goals().size(), second.itemsIndexed(),
                "the edited document's items, and only they, are indexed again");
        assertEquals(BuildResult.BrowserIndex.UPDATED, second.browserIndex(), "the edited terms' postings are made again, not all");

        List<String> changes = second.changes().changes().stream().map(c -> c.kind().label() + "：" + c.description()).toList();
        assertTrue(changes.contains("目标调整：普惠性幼儿园覆盖率 80% → 90%"), changes.toString());
        assertTrue(changes.contains("修改文件：中共淄博市委教育工委 淄博市教育局2020年工作要点"), changes.toString());

        List<String> written = rewritten(out);
        assertTrue(written.contains("documents/" + WORK_PLAN + ".html"), written.toString());
        assertTrue(written.contains("goals/" + WORK_PLAN + ".html"), written.toString());
        assertTrue(written.contains("tasks/" + WORK_PLAN + "/t-学前教育抓普惠扩公办.html"), written.toString());
        assertTrue(written.contains("data/goals.json"), written.toString());
        assertTrue(written.contains("changes.atom"), written.toString());
        assertTrue(written.stream().noneMatch(p -> p.startsWith("documents/001_") || p.startsWith("tasks/001_")
                || p.startsWith("tasks/000_") || p.startsWith("goals/004_")), "other documents' pages stay untouched: " + written);
        assertTrue(written.stream().noneMatch(p -> p.startsWith("tasks/" + WORK_PLAN + "/t-强化党的理论武装")),
                "the edited document's other tasks stay untouched: " + written);
        // The browser search index carries corpus-wide scores, so its shards follow any edit; pages do not.
        List<String> pages = written.stream().filter(p -> !p.startsWith("search/")).toList();
        assertTrue(pages.size() <= 12, pages.size() + " files rewritten: " + pages);
        assertTrue(Files.readString(out.resolve("changes.atom")).contains("普惠性幼儿园覆盖率 80% → 90%"));

        // what was rendered, not only what was written: pages showing nothing of the edit are carried over
        List<String> rendered = second.renderedPages();
        assertTrue(rendered.containsAll(List.of("documents/" + WORK_PLAN + ".html", "goals/" + WORK_PLAN + ".html",
                "tasks/" + WORK_PLAN + "/t-学前教育抓普惠扩公办.html", "goals.html")), rendered.toString());
        assertTrue(rendered.size() <= 8, "only pages showing the edited goal are rendered: " + rendered);
        assertEquals(second.pagesKept() + rendered.size(), second.knowledgeBase().tasks().size()
                + 2 * second.knowledgeBase().documents().size() + second.knowledgeBase().departments().size() + 4,
                "every page is either rendered or kept");

        assertSameAsCleanBuild(content, out);
    }

    @Test
    void reassigningATaskRendersTheDepartmentsInvolvedAndNotTheOthers(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(content, out, false);
        assertTrue(Files.isRegularFile(out.resolve("departments/区科技局.html")));

        Path plan = content.resolve(FIVE_YEAR_PLAN + ".txt");
        Files.writeString(plan, Files.readString(plan).replace("（区教体局、区科技局负责）", "（区教体局、区交通运输局负责）"));
        BuildResult second = build(content, out, false);

        List<String> rendered = second.renderedPages();
        assertTrue(rendered.containsAll(List.of("departments/区教体局.html", "departments/区交通运输局.html",
                "departments.html", "documents/" + FIVE_YEAR_PLAN + ".html",
                "tasks/" + FIVE_YEAR_PLAN + "/t-完善示范性智育水平培养体系.html")), rendered.toString());
        assertFalse(rendered.contains("departments/区卫健局.html"), "a department the edit does not touch: " + rendered);
        assertTrue(rendered.stream().noneMatch(p -> p.startsWith("documents/003_") || p.startsWith("tasks/003_")
                || p.startsWith("goals/004_")), "other documents' pages are not rendered: " + rendered);
        assertFalse(Files.exists(out.resolve("departments/区科技局.html")), "a department left without tasks has no page");
        assertTrue(Files.readString(out.resolve("departments/区交通运输局.html")).contains("完善示范性智育水平培养体系"));

        assertSameAsCleanBuild(content, out);
    }

    @Test
    void theChangePageKeepsOlderLinesAboutRemovedDocumentsWithoutBrokenLinks(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(content, out, false);
        Files.delete(content.resolve(WORK_PLAN + ".txt"));
        BuildResult second = build(content, out, false);

        assertEquals(0, second.errors(), second.problems().toString());
        String changes = Files.readString(out.resolve("changes.html"));
        assertTrue(changes.contains("删除文件"), "the removal is reported");
        assertTrue(changes.contains("中共淄博市委教育工委 淄博市教育局2020年工作要点"), "the first build's line about it stays");
        assertFalse(changes.contains("documents/" + WORK_PLAN), "but links nowhere");
    }

    @Test
    void aChangedTemplateRendersEveryPage(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path templates = tmp.resolve("theme");
        try (Stream<Path> walk = Files.walk(Fixtures.projectRoot().resolve("templates"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path copy = templates.resolve(Fixtures.projectRoot().resolve("templates").relativize(p).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(p, copy);
            }
        }
        Path out = tmp.resolve("site");
        // one builder for all three builds, as serve has: the renderer it keeps must notice the edited theme
        SiteBuilder warm = new SiteBuilder();
        BuildSettings settings = new BuildSettings(content, out, templates, false, LocalDate.of(2026, 1, 1));
        BuildResult first = warm.build(settings);
        assertEquals(BuildResult.BrowserIndex.MADE, first.browserIndex());
        Map<String, byte[]> before = tree(out);
        BuildResult unchanged = warm.build(settings);
        assertEquals(List.of(), unchanged.renderedPages(), "nothing changed, nothing rendered");
        assertEquals(first.renderedPages().size(), unchanged.pagesKept());
        assertEquals(0, unchanged.itemsIndexed());
        assertEquals(BuildResult.BrowserIndex.KEPT, unchanged.browserIndex(), "the search index holds what it held: its browser index is kept whole");
        Map<String, byte[]> after = tree(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertTrue(Arrays.equals(bytes, after.get(path)), path));

        Path task = templates.resolve("task.ftlh");
        Files.writeString(task, Files.readString(task).replace("</article>", "<p class=\"theme-mark\">新版</p></article>"));
        BuildResult edited = warm.build(settings);
        assertEquals(first.renderedPages(), edited.renderedPages(), "a theme change renders every page");
        assertEquals(BuildResult.BrowserIndex.KEPT, edited.browserIndex(), "and leaves the search as it was");
        assertTrue(Files.readString(out.resolve("tasks/" + WORK_PLAN + "/t-学前教育抓普惠扩公办.html")).contains("theme-mark"));
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        build(content, tmp.resolve("a/site"), false);
        build(content, tmp.resolve("b/site"), false);
        Map<String, byte[]> a = tree(tmp.resolve("a/site"));
        Map<String, byte[]> b = tree(tmp.resolve("b/site"));
        assertEquals(difference(a, b), List.of(), "files only in one build");
        for (String path : a.keySet()) {
            assertTrue(Arrays.equals(a.get(path), b.get(path)), "builds differ in " + path);
            assertFalse(new String(a.get(path), java.nio.charset.StandardCharsets.UTF_8).contains(tmp.toString()),
                    path + " contains an absolute path");
        }
    }

    @Test
    void aRenamedTaskTitleLeavesARedirectAtItsOldAddress(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(content, out, false);
        Path plan = content.resolve(WORK_PLAN + ".txt");
        Files.writeString(plan, Files.readString(plan).replace("13.美育工作抓机制创品牌。", "13.美育工作抓机制、创品牌。"));
        build(content, out, false);
        Path old = out.resolve("tasks/" + WORK_PLAN + "/t-美育工作抓机制创品牌.html");
        assertTrue(Files.isRegularFile(old), "the old address still answers");
        String page = Files.readString(old);
        assertTrue(page.contains("t-美育工作抓机制-创品牌.html"), page);
        assertTrue(page.contains("http-equiv=\"refresh\""));
    }

    @Test
    void rewordedTasksAndADamagedRelatedTaskFileGiveTheSiteOfACleanBuild(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(content, out, false);
        Path relatedTasks = SiteBuilder.stateFolder(out).resolve("related.bin");
        byte[] before = Files.readAllBytes(relatedTasks);

        // the wording of a task's title is compared: the related tasks are found again
        Path plan = content.resolve(WORK_PLAN + ".txt");
        Files.writeString(plan, Files.readString(plan).replace("13.美育工作抓机制创品牌。", "13.美育工作抓机制、创品牌、育新人。"));
        build(content, out, false);
        assertFalse(Arrays.equals(before, Files.readAllBytes(relatedTasks)), "a new table for new wording");
        assertSameAsCleanBuild(content, out);

        // a damaged table is no table
        byte[] damaged = Files.readAllBytes(relatedTasks);
        Files.write(relatedTasks, Arrays.copyOf(damaged, damaged.length / 2));
        Files.writeString(plan, Files.readString(plan).replace("育新人", "育新人才"));
        build(content, out, false);
        assertSameAsCleanBuild(content, out);
    }

    @Test
    void rewordingATaskRendersTheTaskPagesOfOtherDocumentsWhoseRelatedTasksChangeAndNoOthers(@TempDir Path tmp)
            throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(content, out, false);
        Map<String, byte[]> before = tree(out);

        // the work plan's task 13 is worded as the five-year plan's task 3: the two become related
        Path plan = content.resolve(WORK_PLAN + ".txt");
        Files.writeString(plan, Files.readString(plan).replace("13.美育工作抓机制创品牌。健全完善美育工作评价机制",
                "13.完善示范性智育水平培养体系。严格落实中小学国家课程方案和课程标准，开齐课程、开足课时。加强学校课程体系建设"));
        BuildResult second = build(content, out, false);
        Map<String, byte[]> after = tree(out);

        List<String> rendered = second.renderedPages();
        String related = "tasks/" + FIVE_YEAR_PLAN + "/t-完善示范性智育水平培养体系.html";
        assertTrue(new String(after.get(related), java.nio.charset.StandardCharsets.UTF_8).contains(WORK_PLAN),
                "the five-year plan's task now has the reworded task among its related tasks");
        List<String> changedElsewhere = after.keySet().stream()
                .filter(p -> p.startsWith("tasks/") && !p.startsWith("tasks/" + WORK_PLAN + "/"))
                .filter(p -> before.containsKey(p) && !Arrays.equals(before.get(p), after.get(p))).sorted().toList();
        assertTrue(changedElsewhere.contains(related), changedElsewhere.toString());
        assertTrue(rendered.containsAll(changedElsewhere), "every page of another document that shows the change is"
                + " rendered: " + changedElsewhere + " / " + rendered);
        List<String> renderedElsewhere = rendered.stream().filter(p -> (p.startsWith("tasks/") || p.startsWith("documents/")
                || p.startsWith("goals/")) && !p.contains(WORK_PLAN)).toList();
        assertTrue(renderedElsewhere.stream().allMatch(p -> p.startsWith("tasks/")),
                "other documents' own pages stay: " + renderedElsewhere);
        long otherTasks = second.knowledgeBase().tasks().stream().filter(t -> !t.documentId().equals(WORK_PLAN)).count();
        assertTrue(renderedElsewhere.size() * 4L < otherTasks, "only the tasks whose related tasks changed: "
                + renderedElsewhere.size() + " of " + otherTasks);

        assertSameAsCleanBuild(content, out);
    }

    @Test
    void pagesMadeAgainInOneBuildAreKeptAsAGroupInTheNext(@TempDir Path tmp) throws Exception {
        Path content = Fixtures.copyOfContent(tmp.resolve("content"));
        Path out = tmp.resolve("site");
        build(content, out, false);
        raiseKindergartenFigure(content);
        BuildResult second = build(content, out, false);
        assertTrue(second.renderedPages().contains("documents/" + WORK_PLAN + ".html"), second.renderedPages().toString());

        // the work plan's pages, made (or asked about one by one) in the last build, are now kept with no page asked
        Path fiveYearPlan = content.resolve(FIVE_YEAR_PLAN + ".txt");
        Files.writeString(fiveYearPlan, Files.readString(fiveYearPlan).replace("优良率、合格率达到55%", "优良率、合格率达到60%"));
        BuildResult third = build(content, out, false);
        List<String> rendered = third.renderedPages();
        assertTrue(rendered.contains("documents/" + FIVE_YEAR_PLAN + ".html"), rendered.toString());
        assertTrue(rendered.stream().noneMatch(p -> p.contains(WORK_PLAN)), "the work plan's pages are kept: " + rendered);
        assertEquals(third.pagesKept() + rendered.size(), third.knowledgeBase().tasks().size()
                + 2 * third.knowledgeBase().documents().size() + third.knowledgeBase().departments().size() + 4,
                "every page is either rendered or kept");
        String groups = Files.readString(SiteBuilder.stateFolder(out).resolve(PageDigests.PAGES));
        assertTrue(groups.lines().anyMatch(l -> l.startsWith("group:document/" + WORK_PLAN + "\t")
                && l.contains("\ttasks/" + WORK_PLAN + "/t-学前教育抓普惠扩公办.html\t")),
                "a document's pages are recorded as one group, its task pages among them");

        assertSameAsCleanBuild(content, out);
    }
}
