package org.policykb.cli;

import org.policykb.build.Progress;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line progress bar on standard error, redrawn at most ten times a second. */
final class TerminalProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile String name = "";
    private volatile long lastDrawn;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** A bar when standard error is a terminal, otherwise nothing. */
    static Progress forConsole(PrintStream err) {
        java.io.Console console = System.console();
        boolean terminal = console != null;
        try {
            // JDK 22+ returns a Console even when output is redirected; isTerminal() tells the truth there.
            terminal = terminal && (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            // JDK 21: a non-null console already means a terminal
        }
        return terminal && System.getenv("CI") == null ? new TerminalProgress(err) : Progress.NONE;
    }

    @Override
    public synchronized void stage(String stageName, int steps) {
        name = stageName;
        total = steps;
        done.set(0);
        draw(true);
    }

    @Override
    public void advance() {
        done.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastDrawn > 100_000_000L) {
            draw(false);
        }
    }

    private synchronized void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDrawn <= 100_000_000L) {
            return;
        }
        lastDrawn = now;
        int n = done.get();
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, (long) WIDTH * n / total);
            err.print("\r" + name + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total + "   ");
        } else {
            err.print("\r" + name + "…" + " ".repeat(WIDTH + 12));
        }
        err.flush();
    }

    void finish() {
        err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        err.flush();
    }
}
