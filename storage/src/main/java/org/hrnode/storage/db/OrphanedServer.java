package org.hrnode.storage.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server still running on a data directory whose owner is gone. zonky starts the server as a detached
 * process, so when the JVM that started it dies without running its shutdown hooks ({@code kill -9}, OOM killer,
 * power button on a VM), the server lives on, holding the directory. The next start would then fail after waiting
 * a minute for a server that {@code pg_ctl} refused to start ("another server might be running").
 *
 * <p>A server is an orphan when {@code postmaster.pid} names a live {@code postgres} process started on this very
 * directory, and zonky's {@code epg-lock} is free, so no live JVM owns it. It is asked to stop with SIGTERM (smart
 * shutdown: committed transactions are kept; its clients died with their JVM), and waited for, within a bound.
 */
final class OrphanedServer {

    private static final String PID_FILE = "postmaster.pid";
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final String SERVER_PROGRAM = "postgres";
    /** A smart shutdown writes a checkpoint; on a busy shared disk that can take a while. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final ProcessHandle process;
    private final Path directory;

    private OrphanedServer(ProcessHandle process, Path directory) {
        this.process = process;
        this.directory = directory;
    }

    /** The orphaned server on {@code directory}, if there is one. */
    static Optional<OrphanedServer> find(Path directory) throws IOException {
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(p -> isServerOn(p, directory));
        if (process.isEmpty() || isOwnedByALiveJvm(directory)) {
            return Optional.empty();
        }
        return Optional.of(new OrphanedServer(process.get(), directory));
    }

    private static boolean isServerOn(ProcessHandle process, Path directory) {
        ProcessHandle.Info info = process.info();
        boolean isPostgres = info.command().map(c -> Path.of(c).getFileName().toString().equals(SERVER_PROGRAM))
                .orElse(false);
        boolean onDirectory = info.arguments().map(args -> Arrays.asList(args).contains(directory.toString()))
                .orElse(false);
        return process.isAlive() && isPostgres && onDirectory;
    }

    /** zonky holds {@code epg-lock} for as long as the JVM that started the server lives. */
    private static boolean isOwnedByALiveJvm(Path directory) throws IOException {
        Path lockFile = directory.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Stops the server and waits until it has exited.
     *
     * @throws IOException if it did not stop within the bound; the message says how to stop it by hand
     */
    void stop() throws IOException {
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("the PostgreSQL server (pid " + process.pid() + ") left running on " + directory
                    + " by a node that stopped abnormally did not stop within " + STOP_WAIT.toSeconds()
                    + " s; stop it (kill -INT " + process.pid() + ") and start again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the orphaned PostgreSQL server (pid "
                    + process.pid() + ") on " + directory + " to stop", e);
        }
    }
}
