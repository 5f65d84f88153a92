package org.policykb.cli;

import org.policykb.build.BuildResult;
import org.policykb.build.BuildSettings;
import org.policykb.build.Progress;
import org.policykb.build.SiteBuilder;
import org.policykb.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build the site from the content folder into the output folder.",
                "Prints what it read and found and every problem with its file and line."})
final class BuildCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    SiteFolders folders;

    @Option(names = "--strict", description = "Exit with status 1 when the build found any problem.")
    boolean strict;

    @Option(names = "--clean", description = "Rebuild everything from scratch instead of reusing what earlier builds kept.")
    boolean clean;

    @Option(names = "--base-url", paramLabel = "URL", description = {"Public address of the site root, e.g."
            + " https://example.gov.cn/kb/. Makes sitemap.xml and changes.atom absolute, as their formats want, and"
            + " lets 404.html link home from any depth."})
    String baseUrl;

    @Override
    public Integer call() {
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        BuildSettings settings;
        try {
            settings = new BuildSettings(folders.content, folders.out, folders.templates(), strict, generatedOn(), clean,
                    java.util.Optional.ofNullable(baseUrl));
        } catch (IllegalArgumentException e) {
            errors.println("policykb build: " + e.getMessage());
            return 2;
        }
        // A worker thread that runs out of memory as well can fail even to hand its error on, and the JVM then
        // prints that thread's trace: the build says it plainly instead, once, from here.
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                return;
            }
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                errors.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(errors);
            }
        });
        try {
            Progress progress = TerminalProgress.forConsole(errors);
            BuildResult result = new SiteBuilder().build(settings, progress);
            if (progress instanceof TerminalProgress bar) {
                bar.finish();
            }
            for (Problem p : result.problems()) {
                errors.println(p);
            }
            console.println(result.summary());
            console.println(result.changes().summary());
            console.println("site: " + settings.out());
            return strict && !result.problems().isEmpty() ? 1 : 0;
        } catch (OutOfMemoryError e) {
            errors.println(outOfMemory());
            return 3;
        } catch (IOException | RuntimeException e) {
            // out of memory first: thrown in a worker thread it comes wrapped, and the JVM's shared error, met twice
            // by a try-with-resources, even as an IllegalArgumentException ("Self-suppression not permitted")
            if (causedByOutOfMemory(e)) {
                errors.println(outOfMemory());
                return 3;
            }
            if (e instanceof IllegalArgumentException) {
                errors.println("policykb build: " + e.getMessage());
                return 2;
            }
            if (e instanceof IOException || e instanceof java.io.UncheckedIOException) {
                errors.println("policykb build: " + e.getMessage());
                return 3;
            }
            throw (RuntimeException) e;
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    /** What to say when the heap is too small for the corpus: the build stopped, and how to give it more. */
    static String outOfMemory() {
        long megabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "policykb build: out of memory: the Java heap (at most " + megabytes + " MB) is too small for these"
                + " documents. The previous site is kept as it was. Run again with a larger heap, e.g."
                + " POLICYKB_JAVA_OPTS=-Xmx" + Math.max(2, 2 * ((megabytes + 1023) / 1024)) + "g ./policykb build";
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** SOURCE_DATE_EPOCH (reproducible builds) when set, otherwise today. */
    static LocalDate generatedOn() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch)).atZone(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.now(ZoneOffset.UTC);
    }
}
