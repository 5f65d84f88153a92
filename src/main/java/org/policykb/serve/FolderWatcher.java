package org.policykb.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Watches folders recursively and reports changed paths in batches: an editor's save (often several events for
 * one file) or a copy of many files becomes one call, made once the folders have been quiet for {@code quiet}.
 */
public final class FolderWatcher implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Duration quiet;
    private final Thread thread;
    private volatile boolean running = true;

    public FolderWatcher(List<Path> roots, Duration quiet, Consumer<Set<Path>> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.quiet = quiet;
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                register(root);
            }
        }
        this.thread = new Thread(() -> loop(onChange), "policykb-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop(Consumer<Set<Path>> onChange) {
        Set<Path> pending = new TreeSet<>();
        try {
            while (running) {
                WatchKey key = pending.isEmpty() ? service.take()
                        : service.poll(quiet.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                if (key == null) {
                    Set<Path> batch = Set.copyOf(pending);
                    pending.clear();
                    onChange.accept(batch);
                    continue;
                }
                Path dir = folders.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (changed.getFileName().toString().startsWith(".")) {
                        continue; // editors' swap and lock files
                    }
                    pending.add(changed);
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        register(changed);
                    }
                }
                if (!key.reset()) {
                    folders.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot watch a new folder", e);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        service.close();
        thread.interrupt();
    }
}
