package org.hrnode.node.qc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.hrnode.aiqc.pipeline.AssessmentException;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.node.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AI QC pipeline in a running node, end to end: studies stored through the one ingest path are judged by
 * themselves once stable, through the assessor port, and the verdict is read over the HTTP API and from the
 * DICOMweb mark; a new instance makes the study judged again; the queue survives a restart.
 */
class QcPipelineTest {

    private static final String SENDER = "DR_ROOM1";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private NodeUnderTest node;
    private final ChestRadiographAssessor assessor = new ChestRadiographAssessor();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private NodeUnderTest start(String stableSeconds) throws Exception {
        node = NodeUnderTest.startWithAssessor(dir.resolve("data"), assessor, "--qc-stable-seconds", stableSeconds,
                "--qc-poll-seconds", "1");
        node.allowCallers(SENDER);
        return node;
    }

    private void recogniseChestRadiographs() throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/api/qc/recognition/"
                        + NodeUnderTest.INSTITUTION_CODE)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"no\":1,\"from\":\"2019-01-01\"}]}")));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    /** A small DX chest image acquired {@code acquired} (Beijing time), with 8×8 pixels. */
    private void store(String study, int instance, LocalDateTime acquired, String imageComments) throws Exception {
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, UID.DigitalXRayImageStorageForPresentation);
        d.setString(Tag.SOPInstanceUID, VR.UI, study + ".1." + instance);
        d.setString(Tag.StudyInstanceUID, VR.UI, study);
        d.setString(Tag.SeriesInstanceUID, VR.UI, study + ".1");
        d.setString(Tag.Modality, VR.CS, "DX");
        d.setString(Tag.BodyPartExamined, VR.CS, "CHEST");
        d.setString(Tag.StudyDate, VR.DA, acquired.format(DA));
        d.setString(Tag.AcquisitionDateTime, VR.DT, acquired.format(DT));
        d.setInts(Tag.InstanceNumber, VR.IS, instance);
        if (imageComments != null) {
            d.setString(Tag.ImageComments, VR.LT, imageComments);
        }
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        d.setInts(Tag.Rows, VR.US, 8);
        d.setInts(Tag.Columns, VR.US, 8);
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.setInts(Tag.BitsStored, VR.US, 12);
        d.setInts(Tag.HighBit, VR.US, 11);
        d.setInts(Tag.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[8 * 8 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) (i * 3);
            pixels[i + 1] = (byte) (i % 16 / 4);
        }
        d.setBytes(Tag.PixelData, VR.OW, pixels);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        node.node().ingest().ingest(new IngestSource(SENDER, "test"), d.getString(Tag.SOPClassUID),
                d.getString(Tag.SOPInstanceUID), UID.ExplicitVRLittleEndian,
                new ByteArrayInputStream(bytes.toByteArray()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.node().httpPort() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> qcOf(String study) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/qc/studies/" + study)).GET());
    }

    /** Waits until the API shows a result judged at {@code generation} with no newer run pending. */
    private JsonNode verdict(String study, long generation) throws Exception {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Await.until("study judged at generation " + generation + " (last: " + last + ")", VERDICT_TIMEOUT, () -> {
            try {
                HttpResponse<String> r = qcOf(study);
                JsonNode body = JSON.readTree(r.body());
                last.set(body);
                return r.statusCode() == 200 && body.path("evaluatedGeneration").asLong() == generation
                        && !body.path("pending").asBoolean();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return last.get();
    }

    @Test
    void aRecentGoodChestStudyIsJudgedEligibleAndMarkedAndJudgedAgainWhenAnInstanceArrives() throws Exception {
        start("1");
        recogniseChestRadiographs();
        String study = "1.2.826.0.1.3680043.2.1125.77.1";
        LocalDateTime acquired = LocalDateTime.now(BEIJING).minusMinutes(10);
        store(study, 1, acquired, null);
        store(study, 2, acquired, null);

        JsonNode v = verdict(study, 2);
        assertThat(v.path("status").asText()).isEqualTo("evaluated");
        assertThat(v.path("items").get(0).path("no").asInt()).isEqualTo(1);
        assertThat(v.path("items").get(0).path("name").asText()).isEqualTo("胸部站立后前位摄影");
        assertThat(v.path("grade").asText()).isEqualTo("甲");
        assertThat(v.path("gradeCode").asText()).isEqualTo("A");
        assertThat(v.path("score").asDouble()).isEqualTo(92);
        assertThat(v.path("checks")).hasSize(2);
        assertThat(v.path("checks").get(0).path("id").asText()).isEqualTo("pixels.present");
        assertThat(v.path("checks").get(0).path("passed").asBoolean()).isTrue();
        assertThat(v.path("hrEligible").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.path("reasons")).isEmpty();
        assertThat(v.path("modelVersion").asText()).isEqualTo(ChestRadiographAssessor.MODEL_VERSION);
        assertThat(v.path("evaluatedAt").asText()).isNotBlank();
        assertThat(node.node().marks().hasHrMark(study)).isTrue();
        assertThat(assessor.runsOf(study)).as("judged once, after both instances").isEqualTo(1);

        store(study, 3, acquired, "BLUR");
        JsonNode again = verdict(study, 3);
        assertThat(again.path("grade").asText()).isEqualTo("丙");
        assertThat(again.path("checks")).hasSize(3);
        assertThat(again.path("hrEligible").asBoolean()).isFalse();
        assertThat(again.path("reasons").get(0).path("code").asText()).isEqualTo("GRADE_BELOW_MINIMUM");
        assertThat(again.path("reasons").get(0).path("xinjiangCode").asInt()).isEqualTo(6);
        assertThat(again.path("reasons").get(0).path("zh").asText()).contains("丙");
        assertThat(node.node().marks().hasHrMark(study)).as("the mark follows the new result").isFalse();
        assertThat(assessor.runsOf(study)).isEqualTo(2);
    }

    @Test
    void anOldStudyIsNotEligibleAndItsLateUploadIsADefect() throws Exception {
        start("0");
        recogniseChestRadiographs();
        String study = "1.2.826.0.1.3680043.2.1125.77.2";
        store(study, 1, LocalDateTime.of(2020, 1, 2, 9, 30), null);

        JsonNode v = verdict(study, 1);
        assertThat(v.path("hrEligible").asBoolean()).isFalse();
        assertThat(v.path("reasons")).extracting(r -> r.path("code").asText())
                .containsExactly("OUTSIDE_RECOGNITION_WINDOW");
        assertThat(v.path("reasons").get(0).path("xinjiangCode").asInt()).isEqualTo(1);
        assertThat(v.path("reasons").get(0).path("en").asText()).contains("2020-01-02");
        assertThat(v.path("defects")).extracting(r -> r.path("code").asText()).containsExactly("LATE_UPLOAD");
        assertThat(node.node().marks().hasHrMark(study)).isFalse();
    }

    @Test
    void anUnrecognisedInstitutionIsNotEligible() throws Exception {
        start("0");
        String study = "1.2.826.0.1.3680043.2.1125.77.3";
        store(study, 1, LocalDateTime.now(BEIJING).minusMinutes(5), null);

        JsonNode v = verdict(study, 1);
        assertThat(v.path("grade").asText()).isEqualTo("甲");
        assertThat(v.path("reasons")).extracting(r -> r.path("code").asText())
                .containsExactly("INSTITUTION_NOT_RECOGNISED");
        assertThat(v.path("reasons").get(0).path("zh").asText()).contains(NodeUnderTest.INSTITUTION_CODE);
    }

    @Test
    void aStudyNotYetStableIsPendingAndItsJobSurvivesARestart() throws Exception {
        start("3600");
        String study = "1.2.826.0.1.3680043.2.1125.77.4";
        store(study, 1, LocalDateTime.now(BEIJING).minusMinutes(5), null);

        HttpResponse<String> pending = qcOf(study);
        assertThat(pending.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(pending.body());
        assertThat(body.path("status").asText()).isEqualTo("pending");
        assertThat(body.path("pending").asBoolean()).isTrue();
        assertThat(body.path("grade").isNull()).isTrue();
        assertThat(qcOf("1.2.3.4.5.404").statusCode()).isEqualTo(404);
        HttpResponse<String> backlog = send(HttpRequest.newBuilder(uri("/api/qc/backlog")).GET());
        assertThat(JSON.readTree(backlog.body()).path("studies").asLong()).isEqualTo(1);
        node.close();
        node = null;

        start("0");
        JsonNode v = verdict(study, 1);
        assertThat(v.path("status").asText()).isEqualTo("evaluated");
        assertThat(assessor.runsOf(study)).isEqualTo(1);
    }

    @Test
    void aStudyTheAssessorCannotJudgeStaysPendingWithTheErrorAndIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        node = NodeUnderTest.startWithAssessor(dir.resolve("data"), study -> {
            calls.incrementAndGet();
            throw new AssessmentException("engine could not load its model");
        }, "--qc-stable-seconds", "0", "--qc-poll-seconds", "1");
        node.allowCallers(SENDER);
        String study = "1.2.826.0.1.3680043.2.1125.77.6";
        store(study, 1, LocalDateTime.now(BEIJING).minusMinutes(5), null);

        AtomicReference<JsonNode> last = new AtomicReference<>();
        Await.until("the failed run is recorded", VERDICT_TIMEOUT, () -> {
            try {
                HttpResponse<String> r = qcOf(study);
                last.set(JSON.readTree(r.body()));
                return r.statusCode() == 202 && last.get().path("attempts").asInt() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(last.get().path("status").asText()).isEqualTo("pending");
        assertThat(last.get().path("lastError").asText()).contains("engine could not load its model");
        assertThat(calls.get()).as("not retried before its backoff").isEqualTo(1);
        assertThat(node.node().qc().orElseThrow().backlog()).isEqualTo(1);
    }

    @Test
    void theRecognitionRegistryIsEditedOverTheApi() throws Exception {
        start("3600");
        String path = "/api/qc/recognition/500000-CQ";
        assertThat(send(HttpRequest.newBuilder(uri(path)).GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"no\":142,\"from\":\"2025-01-01\"}]}")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("message").asText()).contains("items[0].no").contains("141");

        HttpResponse<String> put = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"no\":30,\"from\":\"2025-01-01\","
                        + "\"until\":\"2025-12-31\"},{\"no\":2,\"from\":\"2024-06-01\"}]}")));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode got = JSON.readTree(send(HttpRequest.newBuilder(uri(path)).GET()).body());
        assertThat(got.path("items")).extracting(i -> i.path("no").asInt()).containsExactly(2, 30);
        assertThat(got.path("items").get(1).path("until").asText()).isEqualTo("2025-12-31");
        assertThat(got.path("items").get(0).path("until").isNull()).isTrue();
        assertThat(JSON.readTree(send(HttpRequest.newBuilder(uri("/api/qc/recognition")).GET()).body())
                .path("institutions").get(0).asText()).isEqualTo("500000-CQ");

        assertThat(send(HttpRequest.newBuilder(uri(path)).DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri(path)).DELETE()).statusCode()).isEqualTo(404);
    }
}
