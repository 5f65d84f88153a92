package org.policykb.cli;

import org.policykb.build.BuildSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
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
        try (LivePreview preview = new LivePreview(settings, console)) {
            if (!preview.start(InetAddress.getByName(bind), port)) {
                return 3;
            }
            console.println("serving " + settings.out() + " at http://" + bind + ":" + preview.port() + "/  (Ctrl-C stops)");
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
