package org.policykb.cli;

import org.policykb.build.BuildResult;
import org.policykb.build.BuildSettings;
import org.policykb.build.SiteBuilder;
import org.policykb.model.Problem;
import org.policykb.serve.BuildGeneration;
import org.policykb.serve.FolderWatcher;
import org.policykb.serve.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Build the site, serve it on 127.0.0.1 and rebuild when content or templates change.",
                "Open pages reload by themselves after each build; build problems show in the page."})
final class ServeCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    SiteFolders folders;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Override
    public Integer call() throws Exception {
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BuildSettings settings = new BuildSettings(folders.content, folders.out, folders.templates(), false, BuildCommand.generatedOn());
        SiteBuilder builder = new SiteBuilder();
        BuildGeneration generation = new BuildGeneration();
        if (!rebuild(builder, settings, generation, console)) {
            return 3;
        }
        try (PreviewServer server = new PreviewServer(settings.out(), InetAddress.getByName(bind), port, generation);
             FolderWatcher watcher = new FolderWatcher(List.of(settings.content(), settings.templates()),
                     Duration.ofMillis(150), changed -> {
                         console.println(changed.size() + " file(s) changed; rebuilding");
                         rebuild(builder, settings, generation, console);
                     })) {
            console.println("serving " + settings.out() + " at http://" + bind + ":" + server.port() + "/  (Ctrl-C stops)");
            new CountDownLatch(1).await();
        }
        return 0;
    }

    private static boolean rebuild(SiteBuilder builder, BuildSettings settings, BuildGeneration generation, PrintStream console) {
        try {
            BuildResult result = builder.build(settings);
            result.problems().forEach(p -> console.println(p));
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
}
