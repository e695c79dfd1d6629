package org.hrnode.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.fileimport.FileImporter;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.storage.ae.UncompressedImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QC console in a real browser: headless Debian chromium driven by npm playwright-core
 * ({@code src/test/js/console/console-e2e.mjs}) over two real head CT studies the node's engines judged. The script
 * opens the worklist, filters it, opens the flagged study, overrules it with a reason, and finds the decision in the
 * history and the dashboard; screenshots are kept in {@code target/console-e2e/}. Needs chromium, node and the
 * script's npm packages ({@code ./hrnode test} installs them); without them it skips, and fails under CI=true.
 */
class ConsoleBrowserTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/js/console");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target/console-e2e");

    @TempDir
    Path dir;
    private NodeUnderTest node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void reviewerFiltersOpensOverrulesAndSeesTheDecisionInHistoryAndDashboard() throws Exception {
        TestData.require(Files.isExecutable(CHROMIUM), "Debian chromium at " + CHROMIUM);
        TestData.require(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "npm playwright-core in " + SCRIPT_DIR + " (npm ci there)");
        TestData.require(onPath("node"), "node.js on the PATH");
        node = NodeUnderTest.start(dir.resolve("data"), "--qc-stable-seconds", "1", "--qc-poll-seconds", "1",
                "--viewer-url-template", "http://viewer.example/viewer?StudyInstanceUIDs={study}");
        node.allowCaller(FileImporter.DEFAULT_SOURCE_AE, UncompressedImages.ACCEPT);
        ApiClient api = new ApiClient(node.node().httpPort());
        assertThat(api.put("/api/qc/recognition/" + NodeUnderTest.INSTITUTION_CODE, "{\"items\":[{\"no\":"
                + JudgedStudies.HEAD_CT_PLAIN + ",\"from\":\"2020-01-01\"}]}").status()).isEqualTo(200);
        String whole = JudgedStudies.importFiles(node, JudgedStudies.headCt(dir.resolve("whole"), false));
        String gap = JudgedStudies.importFiles(node, JudgedStudies.headCt(dir.resolve("gap"), true));
        assertThat(JudgedStudies.verdict(api, whole).path("hrEligible").asBoolean()).isTrue();
        assertThat(JudgedStudies.verdict(api, gap).path("grade").asText()).isEqualTo("废");

        Path log = dir.resolve("e2e.log");
        Process p = new ProcessBuilder("node", "console-e2e.mjs", "http://127.0.0.1:" + node.node().httpPort(), gap,
                whole, NodeUnderTest.INSTITUTION_CODE, SCREENSHOTS.toAbsolutePath().toString())
                .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("the browser run finished in time:\n" + output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("ok - the dashboard counts one overrule for the institution");
        for (String shot : List.of("1-worklist.png", "3-study.png", "4-decided.png", "5-dashboard.png")) {
            assertThat(SCREENSHOTS.resolve(shot)).as(shot).isNotEmptyFile();
        }
        assertThat(api.get("/api/qc/studies/" + gap).json().path("verdictSource").asText()).isEqualTo("reviewer");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
