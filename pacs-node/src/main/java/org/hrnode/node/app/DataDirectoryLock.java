package org.hrnode.node.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One node per data directory: an exclusive OS file lock on {@code hrnode.lock}, released when the process ends
 * however it ends (kill -9 included), so a crashed node never leaves a stale lock behind.
 */
public final class DataDirectoryLock implements AutoCloseable {

    private static final String LOCK_FILE = "hrnode.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty if another process holds it. */
    public static Optional<DataDirectoryLock> tryAcquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new DataDirectoryLock(channel, lock));
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            lock.release();
        }
    }
}
