package org.hrnode.node.qc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hrnode.aiqc.pipeline.EngineAssessor;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.app.Node;
import org.hrnode.node.fileimport.FileImporter;
import org.hrnode.node.fileimport.ImportSummary;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.node.testing.Await;
import org.hrnode.storage.index.StoredInstanceRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's own engines judging a real study end to end: the GE head CT of {@code ../shared/data} imported through
 * the one ingest path is matched to catalogue item 92 (头部 CT 平扫) and graded by the shipped checks, pixels read
 * from the blob store. With a slice missing the slice-continuity check vetoes it (废); once the slice arrives the
 * study is judged again, the veto is gone, and the study (recognised institution, lossless, today) earns the mark,
 * which its rendered images then show in their upper-right corner and nowhere else.
 */
class EngineQcTest {

    private static final int HEAD_CT_PLAIN = 92;
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    private NodeUnderTest node;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void realHeadCtIsMatchedGradedVetoedForAMissingSliceAndJudgedAgainWhenItArrives() throws Exception {
        List<Path> slices = orderedToday();
        Path middle = slices.remove(slices.size() * 3 / 4);
        node = NodeUnderTest.start(dir.resolve("data"), "--qc-stable-seconds", "1", "--qc-poll-seconds", "1");
        node.allowCallers(FileImporter.DEFAULT_SOURCE_AE);
        recogniseHeadCt();

        String study = importFiles(slices);
        JsonNode gap = verdict(study, slices.size());
        assertThat(gap.path("modelVersion").asText()).startsWith(EngineAssessor.ENGINES_VERSION).contains("qc-cnn-");
        assertThat(gap.path("items").get(0).path("no").asInt()).as(gap.toString()).isEqualTo(HEAD_CT_PLAIN);
        assertThat(gap.path("grade").asText()).isEqualTo("废");
        assertThat(gap.path("vetoes").findValuesAsText("code")).as(gap.toString()).containsExactly("C1");
        assertThat(gap.path("reasons").findValuesAsText("code"))
                .containsExactlyInAnyOrder("GRADE_BELOW_MINIMUM", "VETO:C1");
        assertThat(gap.path("hrEligible").asBoolean()).isFalse();
        BufferedImage unmarked = rendered(study);

        importFiles(List.of(middle));
        JsonNode whole = verdict(study, slices.size() + 1);
        assertThat(whole.path("vetoes").size()).as(whole.toString()).isZero();
        assertThat(whole.path("grade").asText()).isIn("甲", "乙");
        assertThat(whole.path("checks").findValuesAsText("id")).contains("C1", "P0", "AI-MODEL");
        JsonNode model = whole.path("checks").findParents("id").stream()
                .filter(c -> c.path("id").asText().equals("AI-MODEL")).findFirst().orElseThrow();
        assertThat(model.path("value").path("probabilities").size()).as(model.toString()).isEqualTo(9);
        assertThat(whole.path("reasons").size()).as(whole.toString()).isZero();
        assertThat(whole.path("hrEligible").asBoolean()).isTrue();
        assertThat(node.node().marks().hasHrMark(study)).isTrue();
        BufferedImage marked = rendered(study);
        int w = marked.getWidth();
        int h = marked.getHeight();
        assertThat(differingPixels(unmarked, marked, w * 3 / 4, 0, w / 4, h / 8)).as("the upper-right corner")
                .isGreaterThan(w / 4 * h / 8 / 10);
        assertThat(differingPixels(unmarked, marked, 0, h / 2, w / 2, h / 2)).as("the lower-left half").isZero();
    }

    /** The first instance of the study rendered as PNG (lossless, so pixels compare exactly) over DICOMweb. */
    private BufferedImage rendered(String study) throws Exception {
        StoredInstanceRef first = node.instancesOfStudies(List.of(study)).getFirst();
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + node.node().httpPort() + "/dicomweb/studies/" + study + "/series/"
                        + first.seriesInstanceUid() + "/instances/" + first.sopInstanceUid() + "/rendered"))
                .header("Accept", "image/png").timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    private static int differingPixels(BufferedImage a, BufferedImage b, int x0, int y0, int width, int height) {
        int differing = 0;
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }

    /**
     * The series as the scanner wrote it, but ordered today: the shared copy is anonymised without Study Date or
     * Accession Number, which the linkage and date checks rightly veto and the recognition window needs.
     */
    private List<Path> orderedToday() throws Exception {
        Path series = TestData.sharedData().resolve("ct-head-ge");
        TestData.require(Files.isDirectory(series), "the GE head CT series " + series);
        List<Path> originals;
        try (Stream<Path> files = Files.list(series)) {
            originals = files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
        }
        LocalDateTime now = LocalDateTime.now(BEIJING).minusMinutes(30);
        Path copies = Files.createDirectories(dir.resolve("ordered-today"));
        List<Path> out = new ArrayList<>();
        for (Path f : originals) {
            DicomFile file = DicomReader.readFile(f);
            Dataset d = file.dataset();
            d.setString(Tag.StudyDate, VR.DA, now.format(DateTimeFormatter.BASIC_ISO_DATE));
            d.setString(Tag.StudyTime, VR.TM, now.format(DateTimeFormatter.ofPattern("HHmmss")));
            d.setString(Tag.AccessionNumber, VR.SH, "CT20261122001");
            Path copy = copies.resolve(f.getFileName());
            DicomWriter.writeFile(copy, d, file.transferSyntax());
            out.add(copy);
        }
        return out;
    }

    private void recogniseHeadCt() throws Exception {
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + node.node().httpPort() + "/api/qc/recognition/" + NodeUnderTest.INSTITUTION_CODE))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"no\":" + HEAD_CT_PLAIN
                        + ",\"from\":\"2020-01-01\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private String importFiles(List<Path> files) {
        Node n = node.node();
        ImportSummary summary = new FileImporter(n.ingest(), Node.readOptions(n.config()), (f, c, d, s) -> {
        }).importAll(files);
        assertThat(summary.anythingRefused()).as(summary.refusalReasons().toString()).isFalse();
        return n.storage().index().instancesOf(org.hrnode.storage.index.query.QueryLevel.IMAGE,
                sopInstanceUids(files)).getFirst().studyInstanceUid();
    }

    private static List<String> sopInstanceUids(List<Path> files) {
        List<String> uids = new ArrayList<>();
        for (Path f : files) {
            try {
                uids.add(DicomReader.readFile(f).dataset().getString(Tag.SOPInstanceUID));
            } catch (Exception e) {
                throw new IllegalStateException(f + ": " + e.getMessage(), e);
            }
        }
        return uids;
    }

    /**
     * Waits until the API shows a result judged at {@code generation} (each stored instance raises it by one) with
     * no newer run pending.
     */
    private JsonNode verdict(String study, long generation) throws Exception {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Await.until("study judged at generation " + generation + " (last: " + last + ")", VERDICT_TIMEOUT, () -> {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + node.node().httpPort() + "/api/qc/studies/" + study)).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                JsonNode body = JSON.readTree(r.body());
                last.set(body);
                return r.statusCode() == 200 && body.path("evaluatedGeneration").asLong() >= generation
                        && !body.path("pending").asBoolean();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return last.get();
    }
}
