package org.hrnode.node.http;

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
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.node.app.Node;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.node.testing.Await;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API of a started node, driven with the JDK's HTTP client over 127.0.0.1 on a port the system chose:
 * status codes, JSON fields, and Chinese institution names intact in UTF-8.
 */
class HttpApiTest {

    private static final String INSTITUTION = "510000-RM";
    private static final String INSTITUTION_NAME = "四川省人民医院";
    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.1.1";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    private static Node node;
    private static InMemoryBlobStore blobs;
    private static HttpClient client;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startNodeAndStoreOneStudy() throws Exception {
        NodeConfig config = new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString(),
                "--dicom-port", "0", "--http-port", "0", "--bind-address", "127.0.0.1"));
        blobs = new InMemoryBlobStore();
        node = Node.start(config, NodeStorage.openAsOwner(config, blobs));
        node.storage().aeRegistry().put(new ApplicationEntity("RMYY_CT", "127.0.0.1", 104, INSTITUTION,
                INSTITUTION_NAME, "三级甲等", true));
        // acquired ten minutes ago (Beijing time), so it arrives on time
        LocalDateTime acquired = LocalDateTime.now(BEIJING).minusMinutes(10);
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        d.setString(Tag.SOPInstanceUID, VR.UI, STUDY + ".1.1");
        d.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        d.setString(Tag.SeriesInstanceUID, VR.UI, STUDY + ".1");
        d.setString(Tag.Modality, VR.CS, "CT");
        d.setString(Tag.PatientSex, VR.CS, "F");
        d.setString(Tag.AcquisitionDateTime, VR.DT, acquired.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        node.ingest().ingest(new IngestSource("RMYY_CT", "test"), d.getString(Tag.SOPClassUID),
                d.getString(Tag.SOPInstanceUID), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                new ByteArrayInputStream(bytes.toByteArray()));
        client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(TIMEOUT).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void qualityReportIsJsonWithTheChineseNameIntact() throws Exception {
        String today = LocalDate.now(BEIJING).toString();

        HttpResponse<String> r = get("/api/quality/institutions/" + INSTITUTION + "?from=" + today + "&to=" + today);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode report = JSON.readTree(r.body());
        assertThat(report.path("institutionName").asText()).isEqualTo(INSTITUTION_NAME);
        assertThat(report.path("from").asText()).isEqualTo(today);
        assertThat(report.path("studies").asLong()).isEqualTo(1);
        assertThat(report.path("timeliness").path("percent").asDouble()).isEqualTo(100.0);
        assertThat(report.path("timeliness").path("onTimeStudies").asLong()).isEqualTo(1);
        assertThat(report.path("completeness").path("targetPercent").asDouble()).isEqualTo(95.0);
        assertThat(report.path("accuracy").path("percent").asDouble()).isEqualTo(100.0);
        assertThat(report.path("lossless").path("percent").asDouble()).isEqualTo(0.0);
        assertThat(report.path("continuity").path("longestGapHours").isNull()).isTrue();
        // one study, no report: consistency 0 % of its 100 % target; no report to time
        assertThat(report.path("consistency").path("percent").asDouble()).isEqualTo(0.0);
        assertThat(report.path("consistency").path("studies").asLong()).isEqualTo(1);
        assertThat(report.path("consistency").path("meetsTarget").asBoolean()).isFalse();
        assertThat(report.path("reportTurnaround").get(0).path("turnaroundClass").asText())
                .isEqualTo("EMERGENCY_RADIOGRAPHY");
        assertThat(report.path("reportTurnaround").get(0).path("limitHours").asDouble()).isEqualTo(0.5);
    }

    @Test
    void badDatesAre400WithAMessage() throws Exception {
        HttpResponse<String> malformed = get("/api/quality/institutions/" + INSTITUTION + "?from=2025-13-01");
        HttpResponse<String> reversed = get("/api/quality/institutions/" + INSTITUTION
                + "?from=2025-03-02&to=2025-03-01");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("message").asText())
                .contains("from '2025-13-01' is not a date in the form YYYY-MM-DD");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reversed.body()).path("message").asText()).contains("is after to");
    }

    @Test
    void unknownInstitutionIs404() throws Exception {
        HttpResponse<String> r = get("/api/quality/institutions/000000-NONE");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).path("message").asText()).contains("000000-NONE");
    }

    @Test
    void studyStatusListsInstancesAndTimeliness() throws Exception {
        HttpResponse<String> r = get("/api/studies/" + STUDY + "/status");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(r.body());
        assertThat(status.path("instanceCount").asInt()).isEqualTo(1);
        assertThat(status.path("timeliness").asText()).isEqualTo("ON_TIME");
        assertThat(status.path("transferSyntaxes").get(0).asText()).isEqualTo("1.2.840.10008.1.2.1");
        JsonNode instance = status.path("instances").get(0);
        assertThat(instance.path("acquisitionSource").asText()).isEqualTo("AcquisitionDateTime");
        assertThat(instance.path("arrivedAt").asText()).endsWith("Z");
        assertThat(instance.path("missingFields").toString()).contains("PatientName");
        assertThat(status.path("defects").toString()).contains("MISSING:PatientName");
    }

    @Test
    void unknownStudyIs404() throws Exception {
        assertThat(get("/api/studies/9.9.9/status").statusCode()).isEqualTo(404);
    }

    @Test
    void healthIsUpAnd503WhileTheBlobStoreIsDown() throws Exception {
        // the worker compresses the stored study in the background and recounts after each change: compare once
        // the database and the worker's count agree that it is done, not in between
        Await.until("compression finished and counted", Duration.ofSeconds(60),
                () -> node.compression().countBacklog() == 0 && node.compression().backlog() == 0);
        HttpResponse<String> up = get("/api/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(up.body()).path("status").asText()).isEqualTo("UP");
        assertThat(JSON.readTree(up.body()).path("compressionBacklog").asLong(-1))
                .as("images waiting for lossless compression").isZero();

        blobs.setAvailable(false);
        try {
            HttpResponse<String> down = get("/api/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(down.body()).path("blobStore").asText()).isEqualTo("DOWN");
            assertThat(JSON.readTree(down.body()).path("database").asText()).isEqualTo("UP");
        } finally {
            blobs.setAvailable(true);
        }
    }
}
