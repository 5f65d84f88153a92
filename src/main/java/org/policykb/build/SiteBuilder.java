package org.policykb.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.policykb.index.BrowserIndexExport;
import org.policykb.index.SearchIndex;
import org.policykb.model.ChangeLog;
import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
import org.policykb.model.Problem;
import org.policykb.publish.SiteWriter;
import org.policykb.render.RedirectPages;
import org.policykb.render.DataExport;
import org.policykb.render.LinkChecker;
import org.policykb.render.RenderContext;
import org.policykb.render.SiteRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A build: read the content, export the data, render the pages, index for search, check the links, publish the
 * site, and report what changed since the last build. One build at a time per site (a lock in the state folder).
 */
public final class SiteBuilder {
    static final String SITE_TITLE = "政策文件知识库";
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final KnowledgeBaseReader reader = new KnowledgeBaseReader();
    private final DataExport dataExport = new DataExport();
    private final BrowserIndexExport browserIndex = new BrowserIndexExport();
    private final ObjectMapper json = new ObjectMapper();
    private final ChangeHistory history = new ChangeHistory();
    private final TaskRedirects taskRedirects = new TaskRedirects();
    private final RedirectPages redirectPages = new RedirectPages();

    public BuildResult build(BuildSettings settings) throws IOException {
        return build(settings, Progress.NONE);
    }

    public BuildResult build(BuildSettings settings, Progress progress) throws IOException {
        if (!Files.isDirectory(settings.content())) {
            throw new IllegalArgumentException("Content folder does not exist: " + settings.content());
        }
        long started = System.nanoTime();
        Path state = stateFolder(settings);
        try (BuildLock lock = BuildLock.acquire(state, LOCK_WAIT)) {
            StageTimes times = new StageTimes();
            if (settings.clean()) {
                deleteTree(state.resolve("index"));
            }
            KnowledgeBaseReader.Reading reading = times.time("read", () -> reader.readFolder(settings.content(), progress));
            KnowledgeBase kb = reading.knowledgeBase();
            List<Problem> problems = new ArrayList<>(kb.problems());

            KnowledgeSummary summary = KnowledgeSummary.of(kb, reading.hashBySource());
            ChangeReport changes = times.time("changes", () -> ChangeReport.between(KnowledgeSummary.read(state, json)
                    .orElseGet(() -> new KnowledgeSummary(List.of(), List.of(), List.of())), summary));
            ChangeLog log = history.append(history.read(state), changes, settings.generatedOn());
            Map<String, String> redirects = TaskRedirects.update(taskRedirects.read(state), changes.movedTaskIds(), kb);

            List<OutputFile> files = new ArrayList<>(times.time("export", () -> dataExport.export(kb)));
            progress.stage("rendering pages", 0);
            RenderContext context = new RenderContext(settings.generatedOn(), SITE_TITLE);
            SiteRenderer renderer = new SiteRenderer(settings.templates());
            files.addAll(times.time("render", () -> renderer.render(kb, context, log)));
            files.addAll(redirectPages.render(kb, redirects));
            progress.stage("checking links", 0);
            problems.addAll(times.time("check links", () -> new LinkChecker().check(files)));
            // the Lucene index lives in the state folder beside the site and is updated item by item
            try (SearchIndex index = SearchIndex.open(state.resolve("index"))) {
                progress.stage("indexing", 0);
                times.timeIo("index", () -> {
                    index.update(kb);
                    return null;
                });
                files.addAll(times.timeIo("browser index", () -> browserIndex.export(index, kb)));
            }
            progress.stage("writing the site", 0);
            int[] written = {0};
            times.timeIo("publish", () -> {
                SiteWriter writer = new SiteWriter(settings.content());
                writer.publish(settings.out(), files);
                written[0] = writer.written();
                summary.write(state, json);
                history.write(state, log);
                taskRedirects.write(state, redirects);
                return null;
            });
            return new BuildResult(kb, files.size(), written[0], Duration.ofNanos(System.nanoTime() - started), problems, changes, times);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** {@code .policykb/} beside the output folder: what a build keeps between builds (not published). */
    public static Path stateFolder(BuildSettings settings) {
        return settings.out().getParent().resolve(".policykb");
    }
}
