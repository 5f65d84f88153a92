package org.policykb.build;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One build at a time per output folder: an OS file lock in the state folder. A second build waits up to a limit,
 * then refuses with a clear message; a killed build's lock goes with its process.
 */
final class BuildLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static BuildLock acquire(Path stateDir, Duration wait) throws IOException {
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve("build.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by this same process (another build thread)
                }
                if (lock != null) {
                    return new BuildLock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new BuildInProgressException("Another build of this site is running (lock " + file
                            + "); waited " + wait.toSeconds() + " s. Try again when it has finished.");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new BuildInProgressException("Interrupted while waiting for another build to finish");
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** A build refused because another one holds the output folder. */
    public static final class BuildInProgressException extends IOException {
        BuildInProgressException(String message) {
            super(message);
        }
    }
}
