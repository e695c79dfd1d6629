package org.hrnode.node.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * DCMTK {@code storescu -v} over several associations at once, one process per shard of files, each one's output
 * read as it comes: a file counts as acknowledged when the line after its "Sending file" is a Store Response with
 * status Success. That is exactly the set a sender may delete, so exactly the set a receiver must keep.
 *
 * <p>{@code TCP_NODELAY=1} is set (Debian's DCMTK leaves Nagle on: 40 ms per message). Processes still running when
 * this is closed are killed.
 */
public final class ParallelStoreScu implements AutoCloseable {

    private static final String SENDING = "I: Sending file: ";
    private static final String SUCCESS = "I: Received Store Response (Success)";
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    private final List<Process> processes;
    private final List<CompletableFuture<Void>> outputsRead;
    private final Set<Path> acknowledged = Collections.synchronizedSet(new HashSet<>());
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> thresholdReached = new CompletableFuture<>();
    private final int threshold;

    private ParallelStoreScu(int threshold) {
        this.threshold = threshold;
        this.processes = new ArrayList<>();
        this.outputsRead = new ArrayList<>();
    }

    /**
     * Starts one {@code storescu} per shard against {@code calledAeTitle} at 127.0.0.1:{@code port}.
     *
     * @param threshold number of acknowledged files that {@link #awaitThreshold} waits for
     */
    public static ParallelStoreScu start(String calledAeTitle, int port, List<List<Path>> shards, int threshold)
            throws IOException {
        ParallelStoreScu scu = new ParallelStoreScu(threshold);
        try {
            for (List<Path> shard : shards) {
                List<String> command = new ArrayList<>(List.of("storescu", "-v", "-aet", "STORESCU", "-aec",
                        calledAeTitle, "127.0.0.1", Integer.toString(port)));
                shard.forEach(p -> command.add(p.toString()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().put("TCP_NODELAY", "1");
                Process process = builder.start();
                scu.processes.add(process);
                scu.outputsRead.add(CompletableFuture.runAsync(() -> scu.follow(process),
                        r -> Thread.ofPlatform().daemon().name("storescu-" + process.pid()).start(r)));
            }
        } catch (IOException | RuntimeException e) {
            scu.close();
            throw e;
        }
        return scu;
    }

    /** Splits {@code files} round-robin into {@code count} shards. */
    public static List<List<Path>> shards(List<Path> files, int count) {
        List<List<Path>> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shards.add(new ArrayList<>());
        }
        for (int i = 0; i < files.size(); i++) {
            shards.get(i % count).add(files.get(i));
        }
        return shards;
    }

    private void follow(Process process) {
        Path sending = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.ISO_8859_1))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.add(process.pid() + ": " + line);
                if (line.startsWith(SENDING)) {
                    sending = Path.of(line.substring(SENDING.length()));
                } else if (line.equals(SUCCESS) && sending != null) {
                    acknowledge(sending);
                    sending = null;
                }
            }
        } catch (IOException e) {
            output.add(process.pid() + ": output unreadable: " + e);
        }
    }

    private void acknowledge(Path file) {
        acknowledged.add(file);
        if (acknowledged.size() >= threshold) {
            thresholdReached.complete(null);
        }
    }

    /**
     * Waits until the threshold of acknowledged files is reached, or every process has ended.
     *
     * @return whether the threshold was reached
     */
    public boolean awaitThreshold(Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<Void> allEnded = CompletableFuture.allOf(outputsRead.toArray(new CompletableFuture<?>[0]));
        try {
            CompletableFuture.anyOf(thresholdReached, allEnded).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("reading storescu output failed", e);
        } catch (TimeoutException e) {
            throw new IOException("storescu neither reached " + threshold + " acknowledged files nor ended within "
                    + timeout + "; it said:\n" + String.join("\n", output()), e);
        }
        return thresholdReached.isDone();
    }

    /** Waits for every process to end (killing any that does not) and returns the acknowledged files. */
    public Set<Path> awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Process p : processes) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
            }
        }
        for (CompletableFuture<Void> read : outputsRead) {
            try {
                read.get(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                output.add("output of a storescu was not read to its end: " + e);
            }
        }
        return acknowledged();
    }

    public Set<Path> acknowledged() {
        synchronized (acknowledged) {
            return Set.copyOf(acknowledged);
        }
    }

    /** Everything the processes printed, each line prefixed with its process id. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
