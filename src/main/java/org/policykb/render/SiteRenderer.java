package org.policykb.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.policykb.model.Department;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
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

    private final Path templatesDir;
    private final Configuration configuration;
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
        // Parse every template now, so a syntax error names its template before any rendering starts.
        for (String name : hasSearch ? Stream.concat(TEMPLATES.stream(), Stream.of(SEARCH_TEMPLATE)).toList() : TEMPLATES) {
            template(name);
        }
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
        RenderIndex index = new RenderIndex(kb);
        SiteLayout layout = new SiteLayout(ctx, hasSearch, hasChanges);
        GoalRows goalRows = new GoalRows(index, ctx.generatedOn().getYear());
        IndexViewBuilder indexes = new IndexViewBuilder(index, layout, goalRows);
        DocumentViewBuilder documents = new DocumentViewBuilder(index, layout, goalRows);
        TaskViewBuilder tasks = new TaskViewBuilder(index, layout, goalRows, new RelatedTasks(index));
        DepartmentViewBuilder departments = new DepartmentViewBuilder(index, layout, goalRows);
        DepartmentLedger ledger = new DepartmentLedger(index);

        Map<String, OutputFile> out = new TreeMap<>();
        List<String> sitemap = new ArrayList<>();
        page(out, sitemap, SiteLayout.HOME, "home.ftlh", indexes.home());
        page(out, sitemap, SiteLayout.DOCUMENTS, "documents.ftlh", indexes.documents());
        page(out, sitemap, SiteLayout.DEPARTMENTS, "departments.ftlh", indexes.departments());
        page(out, sitemap, SiteLayout.GOALS, "goals.ftlh", indexes.goals());
        for (PolicyDocument document : index.documents()) {
            page(out, sitemap, SiteUrls.document(document.id()), "document.ftlh", documents.document(document));
            page(out, sitemap, DocumentViewBuilder.goalsPath(document), "goals.ftlh", documents.goals(document));
            for (Task task : document.tasks()) {
                page(out, sitemap, SiteUrls.task(task.id()), "task.ftlh", tasks.task(task));
            }
        }
        for (Department department : index.departments()) {
            page(out, sitemap, SiteUrls.department(department.id()), "department.ftlh", departments.department(department));
            add(out, OutputFile.utf8(DepartmentViewBuilder.ledgerPath(department), ledger.csv(department,
                    departments.tasks(department.leadTasks()), departments.tasks(department.supportTasks()))));
        }
        SimpleView notFound = new SimpleView(layout.page(SiteLayout.NOT_FOUND, "找不到页面", "none", List.of(
                new Link("", "找不到页面")), false), new Link(SiteLayout.HOME, "返回首页"));
        add(out, OutputFile.utf8(SiteLayout.NOT_FOUND, process("404.ftlh", notFound)));
        if (hasSearch) {
            PageInfo page = layout.page(SiteLayout.SEARCH, "搜索", "search", List.of(new Link("", "搜索")), false);
            add(out, OutputFile.utf8(SiteLayout.SEARCH, process(SEARCH_TEMPLATE,
                    new SimpleView(page, SiteLayout.link(page.root(), SiteLayout.HOME, "返回首页")))));
        }
        renderChanges(changes, ctx).ifPresent(page -> {
            add(out, page);
            add(out, ChangeFeed.atom(changes, ctx));
        });
        copyAssets(out);
        add(out, OutputFile.utf8("sitemap.xml", Sitemap.xml(sitemap, ctx)));
        return List.copyOf(out.values());
    }

    /**
     * The change log page ({@code changes.html}), when the theme has a {@code changes.ftlh}: each build's changes
     * with links to what they are about.
     */
    java.util.Optional<OutputFile> renderChanges(org.policykb.model.ChangeLog log, RenderContext ctx) {
        if (!hasChanges) {
            return java.util.Optional.empty();
        }
        SiteLayout layout = new SiteLayout(ctx, hasSearch, true);
        PageInfo page = layout.page(SiteLayout.CHANGES, "更新记录", "none", List.of(new Link("", "更新记录")), false);
        String root = page.root();
        List<ChangesView.Build> builds = log.builds().stream().map(b -> new ChangesView.Build(b.number(),
                ChineseLabels.date(b.date()),
                b.lines().stream().map(l -> new ChangesView.Line(l.label(), l.description(),
                        l.path().isEmpty() ? "" : RelativeHref.to(root, l.path()))).toList())).toList();
        ChangesView view = new ChangesView(page, builds, SiteLayout.link(root, ChangeFeed.PATH, "订阅更新（Atom）"));
        return java.util.Optional.of(OutputFile.utf8(SiteLayout.CHANGES, process(CHANGES_TEMPLATE, view)));
    }

    private void page(Map<String, OutputFile> out, List<String> sitemap, String path, String template, Object view) {
        add(out, OutputFile.utf8(path, process(template, view)));
        sitemap.add(path);
    }

    private static void add(Map<String, OutputFile> out, OutputFile file) {
        if (out.putIfAbsent(file.path(), file) != null) {
            throw new IllegalArgumentException("Two pages would be written to " + file.path()
                    + " (two ids that map to the same file name)");
        }
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
    private void copyAssets(Map<String, OutputFile> out) {
        Path assets = templatesDir.resolve(ASSETS);
        if (!Files.isDirectory(assets)) {
            return;
        }
        try (Stream<Path> files = Files.walk(assets)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = templatesDir.relativize(file).toString().replace('\\', '/');
                add(out, new OutputFile(relative, Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the theme assets from " + assets, e);
        }
    }
}
