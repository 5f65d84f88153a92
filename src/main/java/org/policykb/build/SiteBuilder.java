package org.policykb.build;

import org.policykb.model.KnowledgeBase;
import org.policykb.model.OutputFile;
import org.policykb.model.Problem;
import org.policykb.publish.SiteWriter;
import org.policykb.render.DataExport;
import org.policykb.render.LinkChecker;
import org.policykb.render.RenderContext;
import org.policykb.render.SiteRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A full build: read the content, export the data, render the pages, publish the site. */
public final class SiteBuilder {
    static final String SITE_TITLE = "政策文件知识库";

    private final KnowledgeBaseReader reader = new KnowledgeBaseReader();
    private final DataExport dataExport = new DataExport();

    public BuildResult build(BuildSettings settings) throws IOException {
        if (!Files.isDirectory(settings.content())) {
            throw new IllegalArgumentException("Content folder does not exist: " + settings.content());
        }
        long started = System.nanoTime();
        KnowledgeBase kb = reader.readFolder(settings.content());
        List<Problem> problems = new ArrayList<>(kb.problems());
        List<OutputFile> files = new ArrayList<>(dataExport.export(kb));
        files.addAll(new SiteRenderer(settings.templates()).render(kb, new RenderContext(settings.generatedOn(), SITE_TITLE)));
        problems.addAll(new LinkChecker().check(files));
        new SiteWriter(settings.content()).publish(settings.out(), files);
        return new BuildResult(kb, files.size(), Duration.ofNanos(System.nanoTime() - started), problems);
    }
}
