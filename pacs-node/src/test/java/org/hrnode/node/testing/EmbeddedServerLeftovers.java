package org.hrnode.node.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Cleanup for tests that kill nodes: a killed node's embedded PostgreSQL outlives it (the next node start stops
 * it, but a test that ends after a kill must stop it itself, so no process is left running).
 */
final class EmbeddedServerLeftovers {

    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private EmbeddedServerLeftovers() {
    }

    /** Stops (SIGTERM, then SIGKILL) the server {@code postmaster.pid} in {@code databaseDir} names, if running. */
    static void stopServerOn(Path databaseDir) throws IOException {
        Path pidFile = databaseDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return;
        }
        String directory = databaseDir.toRealPath().toString();
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(directory))
                        .orElse(false));
        if (server.isEmpty()) {
            return;
        }
        server.get().destroy();
        try {
            server.get().onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            server.get().destroyForcibly();
        } catch (InterruptedException e) {
            server.get().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
