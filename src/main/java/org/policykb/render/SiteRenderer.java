package org.policykb.render;

import org.policykb.model.Sha256;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.policykb.model.Department;
import org.policykb.model.Goal;
import org.policykb.model.FileReuse;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.FileSink;
import org.policykb.model.OutputFile;
import org.policykb.model.StreamedFile;
import org.policykb.model.PolicyDocument;
import org.policykb.model.SiteUrls;
import org.policykb.model.Task;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renders a knowledge base into the files of the site: one page per document, task and department, the goals
 * pages, the indexes, the copied theme assets, sitemap.xml, 404.html and a CSV ledger per department. The
 * FreeMarker configuration is built once per renderer; templates see only the view records of this package.
 */
public final class SiteRenderer {
    /** The templates a theme must provide, besides {@code layout.ftlh} which they import. */
    static final List<String> TEMPLATES = List.of("layout.ftlh", "home.ftlh", "document.ftlh", "task.ftlh",
            "department.ftlh", "goals.ftlh", "documents.ftlh", "departments.ftlh", "404.ftlh");
    static final String SEARCH_TEMPLATE = "search.ftlh";
    static final String CHANGES_TEMPLATE = "changes.ftlh";
    static final String ASSETS = "assets";

    /**
     * Bump when the renderer's code changes what a page looks like for the same view (views themselves are in the
     * digest), so pages kept from an older build are rendered again.
     */
    private static final String RENDER_FORMAT = "1";

    private final Path templatesDir;
    private final Configuration configuration;
    private final byte[] themeDigest;
    private final boolean hasSearch;
    private final boolean hasChanges;

    public SiteRenderer(Path templatesDir) {
        if (!Files.isDirectory(templatesDir)) {
            throw new IllegalArgumentException("Templates folder does not exist: " + templatesDir);
        }
        for (String name : TEMPLATES) {
            if (!Files.isRegularFile(templatesDir.resolve(name))) {
                throw new IllegalArgumentException("Template missing: " + templatesDir.resolve(name));
            }
        }
        this.templatesDir = templatesDir;
        this.hasSearch = Files.isRegularFile(templatesDir.resolve(SEARCH_TEMPLATE));
        this.hasChanges = Files.isRegularFile(templatesDir.resolve(CHANGES_TEMPLATE));
        this.configuration = configuration(templatesDir);
        this.themeDigest = themeDigest(templatesDir);
        // Parse every template now, so a syntax error names its template before any rendering starts.
        for (String name : hasSearch ? Stream.concat(TEMPLATES.stream(), Stream.of(SEARCH_TEMPLATE)).toList() : TEMPLATES) {
            template(name);
        }
    }

    /**
     * True when this renderer renders the theme now in {@code dir}: the same folder, every file as it was when the
     * renderer read it. A build may then reuse it rather than parse every template again.
     */
    public boolean rendersTheme(Path dir) {
        return dir.equals(templatesDir) && Files.isDirectory(dir) && java.util.Arrays.equals(themeDigest(dir), themeDigest);
    }

    private static Configuration configuration(Path dir) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        try {
            cfg.setDirectoryForTemplateLoading(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read templates from " + dir, e);
        }
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        // a renderer renders one theme, whose digest is in every page's: its templates are read once, never re-checked
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        // 2.3.34 object wrapping shows record components as properties: ${task.title}, not ${task.title()}.
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        return cfg;
    }

    public List<OutputFile> render(KnowledgeBase kb, RenderContext ctx) {
        return render(kb, ctx, org.policykb.model.ChangeLog.empty());
    }

    /** Every file of the site, with the change log's page and its Atom feed when the theme has a change page. */
    public List<OutputFile> render(KnowledgeBase kb, RenderContext ctx, org.policykb.model.ChangeLog changes) {
        List<OutputFile> out = java.util.Collections.synchronizedList(new ArrayList<>());
        render(kb, ctx, changes, out::add);
        List<OutputFile> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparing(OutputFile::path));
        return List.copyOf(sorted);
    }

    /**
     * Renders the site, handing each file to {@code sink} as soon as it is made (from several threads at once:
     * documents are rendered in parallel), so a large site is never held in memory whole. The sink must be
     * thread-safe; the files it receives do not depend on the order they come in.
     */
    public void render(KnowledgeBase kb, RenderContext ctx, org.policykb.model.ChangeLog changes, FileSink sink) {
        render(kb, ctx, changes, FileReuse.NONE, RelatedTaskTable.NONE, sink);
    }

    /**
     * As {@link #render(KnowledgeBase, RenderContext, org.policykb.model.ChangeLog, FileSink)},
     * but the pages {@code reuse} keeps are not rendered (nor handed to {@code sink}); sitemap.xml still lists them.
     * The change page, feed, 404 and search pages, sitemap, ledgers and assets are always made: they are few.
     * The related tasks of {@code previous} are reused when they were found from the same tasks.
     *
     * @return the related tasks of this site, for the next build
     */
    public RelatedTaskTable render(KnowledgeBase kb, RenderContext ctx, org.policykb.model.ChangeLog changes,
                                   FileReuse reuse, RelatedTaskTable previous, FileSink sink) {
        RenderIndex index = new RenderIndex(kb);
        SiteLayout layout = new SiteLayout(ctx, hasSearch, hasChanges);
        GoalRows goalRows = new GoalRows(index, ctx.generatedOn().getYear());
        IndexViewBuilder indexes = new IndexViewBuilder(index, layout, goalRows);
        DocumentViewBuilder documents = new DocumentViewBuilder(index, layout, goalRows);
        RelatedTasks related = new RelatedTasks(index, previous, reuse::documentVersion);
        TaskViewBuilder tasks = new TaskViewBuilder(index, layout, goalRows, related);
        DepartmentViewBuilder departments = new DepartmentViewBuilder(index, layout, goalRows);
        DepartmentLedger ledger = new DepartmentLedger(index);

        Emitter out = new Emitter(sink, reuse);
        // A document's own pages show that document and the shared inputs alone (a task page also its related
        // tasks): while their versions are the same, the pages are kept without their views being built. While
        // none of them changed, the document's pages are kept as one group, without a key made for each.
        String shared = sharedInputs(kb, ctx);
        index.documents().parallelStream().forEach(document -> {
            Optional<String> version = reuse.documentVersion(document.id());
            out.group(DOCUMENT_GROUP + document.id(), version.flatMap(v -> documentGroupInputs(shared, v, document, related)),
                    () -> documentPages(out, document, version.map(v -> shared + v), documents, tasks, related, reuse));
        });
        // A department's pages and ledger show its tasks, their documents and the shared inputs alone; a page only
        // the tasks of its own documents, so an edit remakes the pages of the edited document, not the whole ledger.
        // A department none of whose documents changed is kept as one group, without being laid out.
        index.departments().parallelStream().forEach(department -> out.group(DEPARTMENT_GROUP + department.id(),
                departmentGroupInputs(shared, department, index, reuse),
                () -> departmentPages(out, department, shared, departments, ledger, reuse)));
        // The index pages link to every document and goal: made last, their links are checked against pages already
        // there, instead of waiting (in memory) for the pages they name.
        IndexViewBuilder.GoalsPlan goalsPlan = indexes.goalsPlan();
        page(out, SiteLayout.HOME, "home.ftlh", indexes.home(goalsPlan));
        page(out, SiteLayout.DOCUMENTS, "documents.ftlh", indexes.documents());
        page(out, SiteLayout.DEPARTMENTS, "departments.ftlh", indexes.departments());
        // a page of the goals index shows its goals, each from its document: kept while their versions are the same
        for (int n = 1; n <= goalsPlan.pageCount(); n++) {
            int number = n;
            page(out, IndexViewBuilder.goalsPage(n), "goals.ftlh", goalsPageInputs(shared, goalsPlan, n, index, reuse),
                    () -> indexes.goalsPage(goalsPlan, number));
        }
        // a host serves 404.html at any missing address, however deep: with the base URL its links work from all
        String notFoundRoot = ctx.baseUrl().orElse(RelativeHref.root(SiteLayout.NOT_FOUND));
        PageInfo notFoundPage = layout.pageFrom(notFoundRoot, "找不到页面", "none", List.of(new Link("", "找不到页面")), false);
        SimpleView notFound = new SimpleView(notFoundPage, SiteLayout.link(notFoundRoot, SiteLayout.HOME, "返回首页"));
        out.add(OutputFile.utf8(SiteLayout.NOT_FOUND, process("404.ftlh", notFound)));
        if (hasSearch) {
            PageInfo page = layout.page(SiteLayout.SEARCH, "搜索", "search", List.of(new Link("", "搜索")), false);
            out.add(OutputFile.utf8(SiteLayout.SEARCH, process(SEARCH_TEMPLATE,
                    new SimpleView(page, SiteLayout.link(page.root(), SiteLayout.HOME, "返回首页")))));
        }
        Set<String> linkable = new java.util.HashSet<>();
        for (PolicyDocument document : index.documents()) {
            linkable.add(SiteUrls.document(document.id()));
            document.tasks().forEach(t -> linkable.add(SiteUrls.task(t.id())));
            document.goals().forEach(g -> linkable.add(SiteUrls.goal(g.id())));
        }
        renderChanges(changes, ctx, linkable::contains).ifPresent(page -> {
            out.add(page);
            out.add(ChangeFeed.atom(changes, ctx));
        });
        copyAssets(out);
        // kept while it lists the same pages: at 10,000 documents it has 240,000 addresses to escape
        List<String> sitemap = out.sitemap().stream().sorted().toList();
        out.streamed("sitemap.xml", Optional.of(Sitemap.inputs(sitemap, ctx)),
                stream -> stream.write(Sitemap.xml(sitemap, ctx).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return related.table();
    }

    /** Names the group of a document's pages and of a department's pages and ledger, apart from any path. */
    private static final String DOCUMENT_GROUP = "group:document/";
    private static final String DEPARTMENT_GROUP = "group:department/";

    /** A document's page, goals page and task pages, kept by {@code inputs} (with their related tasks) or made. */
    private List<String> documentPages(Emitter out, PolicyDocument document, Optional<String> inputs,
                                       DocumentViewBuilder documents, TaskViewBuilder tasks, RelatedTasks related,
                                       FileReuse reuse) {
        List<String> paths = new ArrayList<>(document.tasks().size() + 2);
        paths.add(page(out, SiteUrls.document(document.id()), "document.ftlh", inputs, () -> documents.document(document)));
        paths.add(page(out, DocumentViewBuilder.goalsPath(document), "goals.ftlh", inputs, () -> documents.goals(document)));
        for (Task task : document.tasks()) {
            paths.add(page(out, SiteUrls.task(task.id()), "task.ftlh",
                    inputs.flatMap(v -> related.shownOf(task).map(r -> v + r)),
                    () -> tasks.task(task)));
        }
        return paths;
    }

    /** A department's pages and ledger, laid out; each kept by its inputs or made. */
    private List<String> departmentPages(Emitter out, Department department, String shared,
                                         DepartmentViewBuilder departments, DepartmentLedger ledger, FileReuse reuse) {
        DepartmentViewBuilder.Plan plan = departments.plan(department);
        List<Map.Entry<String, Integer>> partners = departments.partners(plan);
        List<String> paths = new ArrayList<>(plan.pageCount() + 1);
        for (int n = 1; n <= plan.pageCount(); n++) {
            int number = n;
            paths.add(page(out, SiteUrls.departmentPage(department.id(), n), "department.ftlh",
                    departmentPageInputs(shared, plan, partners, n, reuse),
                    () -> departments.page(plan, partners, number)));
        }
        String ledgerPath = DepartmentViewBuilder.ledgerPath(department);
        out.streamed(ledgerPath, departmentInputs(shared, plan, reuse),
                stream -> ledger.write(plan.lead(), plan.support(), reuse::documentVersion, stream));
        paths.add(ledgerPath);
        return paths;
    }

    /** Passes files on, refusing a second file for one path, and notes the pages for the sitemap. */
    private static final class Emitter {
        private final FileSink sink;
        private final FileReuse reuse;
        private final Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final List<String> sitemap = java.util.Collections.synchronizedList(new ArrayList<>());

        Emitter(FileSink sink, FileReuse reuse) {
            this.sink = sink;
            this.reuse = reuse;
        }

        void add(OutputFile file) {
            claim(file.path());
            sink.accept(file);
        }

        private void claim(String path) {
            if (!paths.add(path)) {
                throw new IllegalArgumentException("Two pages would be written to " + path
                        + " (two ids that map to the same file name)");
            }
        }

        /** A page, rendered by {@code render} unless the last build's page can be kept. */
        void page(String path, String digest, java.util.function.Supplier<String> render) {
            keepOrMake(path, reuse.keep(path, digest), render);
            sitemap.add(path);
        }

        /** A page kept when made from the same inputs, else when its digest is the same; else rendered. */
        void page(String path, String inputs, java.util.function.Supplier<String> digest,
                  java.util.function.Supplier<String> render) {
            keepOrMake(path, reuse.keep(path, inputs, digest), render);
            sitemap.add(path);
        }

        /**
         * A file too large to hold (a department's ledger lists its every task), written as a stream unless it was
         * made from the same inputs: publishing then finds out whether its bytes changed.
         */
        void streamed(String path, Optional<String> inputs, StreamedFile.Content content) {
            claim(path);
            if (inputs.isEmpty() || !reuse.keepByInputs(path, inputs.get())) {
                sink.accept(new StreamedFile(path, content));
            }
        }

        /**
         * A group of files kept whole when it was made from the same {@code inputs} (when known), else made by
         * {@code make}, which returns their paths; kept pages are listed in the sitemap like made ones.
         */
        void group(String group, Optional<String> inputs, java.util.function.Supplier<List<String>> make) {
            if (inputs.isEmpty()) {
                make.get();
                return;
            }
            reuse.keepGroup(group, inputs.get(), make).ifPresent(kept -> kept.forEach(path -> {
                claim(path);
                if (isPage(path)) {
                    sitemap.add(path);
                }
            }));
        }

        /** The files {@link #page} makes, which the sitemap lists. */
        private static boolean isPage(String path) {
            return path.endsWith(".html");
        }

        /** Claims a kept file's path, or makes the file. */
        private void keepOrMake(String path, boolean kept, java.util.function.Supplier<String> make) {
            if (kept) {
                claim(path);
            } else {
                add(OutputFile.utf8(path, make.get()));
            }
        }

        List<String> sitemap() {
            return List.copyOf(sitemap);
        }
    }

    /**
     * The change log page ({@code changes.html}), when the theme has a {@code changes.ftlh}: each build's changes
     * with links to what they are about.
     */
    java.util.Optional<OutputFile> renderChanges(org.policykb.model.ChangeLog log, RenderContext ctx,
                                                 java.util.function.Predicate<String> linkable) {
        if (!hasChanges) {
            return java.util.Optional.empty();
        }
        SiteLayout layout = new SiteLayout(ctx, hasSearch, true);
        PageInfo page = layout.page(SiteLayout.CHANGES, "更新记录", "none", List.of(new Link("", "更新记录")), false);
        String root = page.root();
        List<ChangesView.Build> builds = log.builds().stream().map(b -> new ChangesView.Build(b.number(),
                ChineseLabels.date(b.date()),
                b.lines().stream().map(l -> new ChangesView.Line(l.label(), l.description(),
                        // an older build's line may name what has since been removed: it stays, without a link
                        l.path().isEmpty() || !linkable.test(l.path()) ? ""
                                : RelativeHref.to(root, l.path()))).toList())).toList();
        ChangesView view = new ChangesView(page, builds, SiteLayout.link(root, ChangeFeed.PATH, "订阅更新（Atom）"));
        return java.util.Optional.of(OutputFile.utf8(SiteLayout.CHANGES, process(CHANGES_TEMPLATE, view)));
    }

    private void page(Emitter out, String path, String template, Object view) {
        out.page(path, digest(template, view), () -> process(template, view));
    }

    /**
     * A page kept when it was made from the same {@code inputs} (when known; the template is added to them),
     * else when its view's digest is the same; the view is built only when needed, at most once.
     */
    private String page(Emitter out, String path, String template, Optional<String> inputs,
                        java.util.function.Supplier<Object> view) {
        if (inputs.isEmpty()) {
            page(out, path, template, view.get());
            return path;
        }
        Object[] built = new Object[1];
        java.util.function.Supplier<Object> once = () -> built[0] != null ? built[0] : (built[0] = view.get());
        out.page(path, inputs.get() + "\u0000" + template, () -> digest(template, once.get()),
                () -> process(template, once.get()));
        return path;
    }

    /**
     * What every document, task and department page is made from besides its documents: the theme, the context,
     * which parts the site has, and the departments (in order) and the names they go by.
     */
    private String sharedInputs(KnowledgeBase kb, RenderContext ctx) {
        java.security.MessageDigest sha = sha256();
        sha.update(themeDigest);
        // a department's id, name and aliases, not its task lists: those change with tasks of other documents
        String departments = kb.departments().stream()
                .map(d -> d.id() + "\u0001" + d.name() + "\u0001" + d.aliases()).collect(java.util.stream.Collectors.joining("\u0002"));
        String all = String.join("\u0000", ctx.toString(), Boolean.toString(hasSearch), Boolean.toString(hasChanges),
                departments, new TreeMap<>(kb.departmentIdByName()).toString());
        sha.update(all.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16) + "\u0000";
    }

    /**
     * What a department's pages and ledger are made from: the shared inputs, the department (its names and task
     * lists) and the versions of the documents of its tasks; empty when a version is unknown. As a SHA-256: a large
     * site's department has the versions of thousands of documents, and each of its pages would hash them again.
     */
    private static Optional<String> departmentInputs(String shared, DepartmentViewBuilder.Plan plan, FileReuse reuse) {
        StringBuilder out = new StringBuilder(shared).append(plan.department());
        for (PolicyDocument document : plan.documents()) {
            Optional<String> version = reuse.documentVersion(document.id());
            if (version.isEmpty()) {
                return Optional.empty();
            }
            out.append('\u0000').append(version.get());
        }
        return Optional.of(org.policykb.model.Sha256.hex(out.toString()));
    }

    /**
     * What page {@code n} of a department's ledger is made from: the shared inputs; the department's names, task
     * counts and partners; the page's place among its pages; and the versions of the page's documents, which say
     * which of their tasks and goals are the department's. Empty when a version is unknown.
     */
    private static Optional<String> departmentPageInputs(String shared, DepartmentViewBuilder.Plan plan,
                                                         List<Map.Entry<String, Integer>> partners, int n,
                                                         FileReuse reuse) {
        Department department = plan.department();
        StringBuilder out = new StringBuilder(shared).append(department.id()).append('\u0000').append(department.name())
                .append('\u0000').append(department.aliases()).append('\u0000').append(plan.lead().size())
                .append('\u0000').append(plan.support().size()).append('\u0000').append(partners)
                .append('\u0000').append(n).append('/').append(plan.pageCount());
        for (PolicyDocument document : plan.chunks().get(n - 1)) {
            Optional<String> version = reuse.documentVersion(document.id());
            if (version.isEmpty()) {
                return Optional.empty();
            }
            out.append('\u0000').append(version.get());
        }
        return Optional.of(out.toString());
    }

    /**
     * What all of a document's pages are made from: the shared inputs, the document's version (which says what its
     * tasks are) and what its task pages show of their related tasks. Empty when a version is unknown.
     */
    private static Optional<String> documentGroupInputs(String shared, String version, PolicyDocument document,
                                                        RelatedTasks related) {
        return related.shownOf(document).map(shown -> shared + version + shown);
    }

    /**
     * What all of a department's pages and its ledger are made from: the shared inputs, the department (its names
     * and task lists) and the versions of its tasks' documents, in the order first met. Empty when a version is
     * unknown. Needs no layout of the department's pages: their documents' order follows from the versions.
     */
    private static Optional<String> departmentGroupInputs(String shared, Department department, RenderIndex index,
                                                          FileReuse reuse) {
        StringBuilder out = new StringBuilder(shared).append(department);
        Set<String> documents = new java.util.LinkedHashSet<>();
        for (List<String> ids : List.of(department.leadTasks(), department.supportTasks())) {
            for (String id : ids) {
                index.findTask(id).ifPresent(task -> documents.add(task.documentId()));
            }
        }
        for (String document : documents) {
            Optional<String> version = reuse.documentVersion(document);
            if (version.isEmpty()) {
                return Optional.empty();
            }
            out.append('\u0000').append(version.get());
        }
        return Optional.of(out.toString());
    }

    /**
     * What page {@code n} of the goals index is made from: the shared inputs, its place among the pages, the counts
     * it shows, and its goals, each by id and the version of its document (and of its task's, when another).
     * Empty when a version is unknown.
     */
    private static Optional<String> goalsPageInputs(String shared, IndexViewBuilder.GoalsPlan plan, int n,
                                                    RenderIndex index, FileReuse reuse) {
        StringBuilder out = new StringBuilder(shared).append(n).append('/').append(plan.pageCount()).append('\u0000')
                .append(plan.goals().size()).append('\u0000').append(plan.withYear());
        for (Goal goal : plan.page(n)) {
            Optional<String> version = reuse.documentVersion(goal.documentId());
            if (version.isEmpty()) {
                return Optional.empty();
            }
            out.append('\u0000').append(goal.id()).append('\u0000').append(version.get());
            Optional<String> taskDocument = goal.taskId().flatMap(index::findTask).map(Task::documentId)
                    .filter(id -> !id.equals(goal.documentId()));
            if (taskDocument.isPresent()) {
                Optional<String> taskVersion = reuse.documentVersion(taskDocument.get());
                if (taskVersion.isEmpty()) {
                    return Optional.empty();
                }
                out.append('\u0001').append(taskVersion.get());
            }
        }
        return Optional.of(out.toString());
    }

    /**
     * What a page is made from, in 32 hex digits: the theme, the template and the view. Views are records of
     * records, strings and lists, so their text names every value the template can show.
     */
    private String digest(String template, Object view) {
        java.security.MessageDigest sha = sha256();
        sha.update(themeDigest);
        sha.update(template.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(view.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /** Every file of the theme (path and bytes, in path order) and the render format. */
    private static byte[] themeDigest(Path dir) {
        java.security.MessageDigest sha = sha256();
        sha.update(RENDER_FORMAT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update((byte) 0);
                sha.update(dir.relativize(file).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the templates in " + dir, e);
        }
        return sha.digest();
    }

    private static java.security.MessageDigest sha256() {
        return Sha256.digest();
    }

    private Template template(String name) {
        try {
            return configuration.getTemplate(name);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot load template " + templatesDir.resolve(name) + ": "
                    + e.getMessage(), e);
        }
    }

    private String process(String templateName, Object view) {
        StringWriter html = new StringWriter();
        try {
            template(templateName).process(view, html);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + templatesDir.resolve(templateName) + " failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    /** Copies templates/assets/** to assets/** in the site, in path order. */
    private void copyAssets(Emitter out) {
        Path assets = templatesDir.resolve(ASSETS);
        if (!Files.isDirectory(assets)) {
            return;
        }
        try (Stream<Path> files = Files.walk(assets)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = templatesDir.relativize(file).toString().replace('\\', '/');
                out.add(new OutputFile(relative, Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the theme assets from " + assets, e);
        }
    }
}
