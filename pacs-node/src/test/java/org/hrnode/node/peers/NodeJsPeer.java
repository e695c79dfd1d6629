package org.hrnode.node.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;

/**
 * Runs the project's node.js peers (scripts in {@code peers/npm}: npm dicomweb-client, headless Chromium with OHIF)
 * and reads the one JSON object each prints on stdout. {@code ./hrnode test} installs them ({@code peers/npm/setup.sh});
 * where they are missing the tests that need them skip on a developer machine and fail under {@code CI=true}.
 */
final class NodeJsPeer {

    /** {@code peers/npm} of this checkout; the tests run in the module directory ({@code pacs-node}). */
    static final Path DIR = Path.of("..", "peers", "npm").toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeJsPeer() {
    }

    /** What a script printed: its JSON answer (null when it printed none), exit status and diagnostics. */
    record Answer(int exitCode, JsonNode json, String stdout, String stderr) {

        boolean ok() {
            return exitCode == 0 && json != null && !json.has("error");
        }

        /** For assertion messages: everything the script said. */
        String describe() {
            return "exit " + exitCode + ", stdout: " + abbreviate(stdout) + ", stderr: " + abbreviate(stderr);
        }

        private static String abbreviate(String s) {
            final int max = 4000;
            return s.length() <= max ? s : s.substring(0, max) + "…";
        }
    }

    /** Requires node and the npm packages the scripts import (skip locally, fail in CI). */
    static void requireClients() {
        ExternalTool.require("node");
        TestData.require(Files.isDirectory(DIR.resolve("node_modules/dicomweb-client"))
                && Files.isDirectory(DIR.resolve("node_modules/xhr2")),
                "npm test peers in " + DIR + " (peers/npm/setup.sh)");
    }

    /** Requires, besides {@link #requireClients()}, Chromium, playwright-core and the unpacked OHIF viewer. */
    static void requireBrowser() {
        requireClients();
        TestData.require(Files.isExecutable(CHROMIUM), CHROMIUM + " (Debian chromium)");
        TestData.require(Files.isDirectory(DIR.resolve("node_modules/playwright-core"))
                && Files.isRegularFile(DIR.resolve("ohif-dist/index.html")),
                "playwright-core and the OHIF viewer in " + DIR + " (peers/npm/setup.sh)");
    }

    /** Runs {@code node SCRIPT ARGS…} in {@link #DIR}, bounded by {@code timeout}. */
    static Answer run(Duration timeout, String script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        Path out = Files.createTempFile("hrnode-node", ".out");
        Path err = Files.createTempFile("hrnode-node", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IOException(String.join(" ", command) + " did not finish in " + timeout
                            + "; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
                }
            } finally {
                PeerProcess.stop(process); // the browser a script started goes with it
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            return new Answer(process.exitValue(), parse(stdout), stdout, stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static JsonNode parse(String stdout) {
        if (stdout.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(stdout);
        } catch (IOException notJson) {
            return null; // the caller's assertion shows the raw output
        }
    }
}
