package org.hrnode.node.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrnode.node.Main;

/**
 * A node as an operator runs it: {@code Main run} in its own JVM (the test JVM's class path), in dev mode, on
 * ephemeral loopback ports, so that it can be killed with SIGKILL like a real process. Its output is drained by a
 * thread (a full pipe would stall the node) and kept for failure messages; the DICOM port is read from the banner.
 *
 * <p>Whoever starts one closes it in a {@code finally}: {@link #close()} stops it with SIGTERM (the node then stops
 * its database), and if that does not work kills it and stops the database it leaves behind.
 */
public final class NodeProcess implements AutoCloseable {

    /** JVM start, embedded PostgreSQL start (with crash recovery after a kill) on a shared 2-core machine. */
    private static final Duration START_WAIT = Duration.ofSeconds(120);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final String UP = "HR Node is up.";
    private static final Pattern DICOM_LINE = Pattern.compile("^\\s+DICOM\\s+[0-9.]+:(\\d+)\\s");
    private static final Pattern HTTP_LINE = Pattern.compile("^\\s+HTTP\\s+http://[0-9.]+:(\\d+)/");

    private final Process process;
    private final Path dataDir;
    private final List<String> output;
    private final int dicomPort;
    private final int httpPort;

    private NodeProcess(Process process, Path dataDir, List<String> output, int dicomPort, int httpPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.output = output;
        this.dicomPort = dicomPort;
        this.httpPort = httpPort;
    }

    /**
     * Starts {@code ./hrnode run --dev-mode true} on {@code dataDir} with extra configuration arguments, and waits
     * until it reports that it is up.
     *
     * @throws IOException if it exits or stays silent; the message holds what it said
     */
    public static NodeProcess start(Path dataDir, List<String> extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8", "-Dlogback.configurationFile=" + nodeLogConfiguration(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--dev-mode", "true", "--dicom-port", "0", "--http-port", "0", "--data-dir", dataDir.toString()));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<Integer> http = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("node-output-" + process.pid())
                .start(() -> drain(process, output, port, http));
        try {
            int dicomPort = port.get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
            int httpPort = http.get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
            return new NodeProcess(process, dataDir, output, dicomPort, httpPort);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new IOException("node on " + dataDir + " did not come up within " + START_WAIT.toSeconds()
                    + " s; it said:\n" + String.join("\n", snapshot(output)), e);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the node", e);
        }
    }

    public static NodeProcess start(Path dataDir) throws IOException {
        return start(dataDir, List.of());
    }

    private static void drain(Process process, List<String> output, CompletableFuture<Integer> port,
            CompletableFuture<Integer> http) {
        boolean up = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.add(line);
                up |= line.equals(UP);
                Matcher m = DICOM_LINE.matcher(line);
                if (up && m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
                Matcher h = HTTP_LINE.matcher(line);
                if (up && h.find()) {
                    http.complete(Integer.parseInt(h.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IOException("node exited before reporting its DICOM port"));
        http.completeExceptionally(new IOException("node exited before reporting its HTTP port"));
    }

    /**
     * The node's own logging configuration: the test class path also holds the modules' logback-test.xml files
     * (WARN and up), which would otherwise hide the node's event lines that tests read from its output.
     */
    private static String nodeLogConfiguration() {
        java.net.URL url = Main.class.getResource("/logback.xml");
        if (url == null) {
            throw new IllegalStateException("the node's logback.xml is not on the class path");
        }
        return url.toString();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public int dicomPort() {
        return dicomPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What the node has printed so far (banner and log lines). */
    public List<String> output() {
        return snapshot(output);
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs; waits until the process is gone. */
    public void kill() throws IOException {
        kill(process);
    }

    private static void kill(Process process) throws IOException {
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("node process " + process.pid() + " survived SIGKILL for " + STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while killing node process " + process.pid(), e);
        }
    }

    /** Stops the node as Ctrl-C would, killing it if it does not stop; then makes sure its database is gone too. */
    @Override
    public void close() throws IOException {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    kill(process);
                }
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
        } finally {
            EmbeddedServerLeftovers.stopServerOn(dataDir.resolve("db"));
        }
    }

    private static List<String> snapshot(List<String> output) {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public String toString() {
        return "node pid " + process.pid() + " on " + dataDir + " (DICOM port " + dicomPort + ")";
    }
}
