package org.policykb.cli;

import org.policykb.build.BuildResult;
import org.policykb.build.BuildSettings;
import org.policykb.build.SiteBuilder;
import org.policykb.model.Problem;
import org.policykb.serve.BuildGeneration;
import org.policykb.serve.FolderWatcher;
import org.policykb.serve.PreviewServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * What {@code policykb serve} runs: a first build, the preview server, and a watcher of the content and theme that
 * rebuilds (incrementally, in this warm JVM) after a burst of saves; each build advances the generation open pages
 * wait on, so they reload by themselves, with the build's problems shown in the page.
 */
final class LivePreview implements AutoCloseable {
    /**
     * How long the folders must stay quiet before a rebuild: an editor's save is often several file events (a
     * backup, a write, a rename) that follow each other within milliseconds.
     */
    static final Duration QUIET = Duration.ofMillis(60);

    private final SiteBuilder builder = new SiteBuilder();
    private final BuildGeneration generation = new BuildGeneration();
    private final BuildSettings settings;
    private final PrintStream console;
    private PreviewServer server;
    private FolderWatcher watcher;

    LivePreview(BuildSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    /** Builds, then serves and watches; false when the first build failed outright (nothing to serve). */
    boolean start(InetAddress address, int port) throws IOException {
        if (!rebuild()) {
            return false;
        }
        server = new PreviewServer(settings.out(), address, port, generation);
        watcher = new FolderWatcher(List.of(settings.content(), settings.templates()), QUIET, changed -> {
            console.println(changed.size() + " file(s) changed; rebuilding");
            rebuild();
        });
        return true;
    }

    int port() {
        return server.port();
    }

    private boolean rebuild() {
        try {
            BuildResult result = builder.build(settings);
            result.problems().forEach(console::println);
            console.println(result.summary());
            console.println(result.changes().summary());
            generation.advance(result.problems().stream().map(Problem::toString).toList());
            return true;
        } catch (IOException | RuntimeException e) {
            console.println("build failed: " + e);
            generation.advance(List.of("build failed: " + e));
            return generation.current() > 1;
        }
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
