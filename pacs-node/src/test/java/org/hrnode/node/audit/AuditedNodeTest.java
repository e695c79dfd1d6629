package org.hrnode.node.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.node.app.Node;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.audit.AuditRecord;
import org.hrnode.storage.audit.AuditVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node with SM4 encryption at rest and its audit trail: objects on disk are ciphertext yet DICOMweb serves them
 * as stored, and the store and the retrieval are audited with who, where from and which study, never the patient.
 */
class AuditedNodeTest {

    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.9.1";
    private static final String SERIES = STUDY + ".1";
    private static final String SOP = STUDY + ".1.1";
    private static final String PATIENT_ID = "P51010119800101";
    private static final String PATIENT_NAME = "张三^测试";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void encryptedStorageIsTransparentAndEveryAccessIsAuditedWithoutPatientData() throws Exception {
        Path keys = dir.resolve("sm4.keys");
        Files.writeString(keys, "current=k1\nkey.k1=0123456789abcdeffedcba9876543210\n");
        NodeConfig config = new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString(),
                "--dicom-port", "0", "--http-port", "0", "--bind-address", "127.0.0.1",
                "--encryption-key-file", keys.toString()));
        try (Node node = Node.start(config, NodeStorage.openAsOwner(config))) {
            node.storage().aeRegistry().put(new ApplicationEntity("RMYY_CT", "127.0.0.1", 104, "510000-RM",
                    "四川省人民医院", "三级甲等", true));
            byte[] object = object();
            node.ingest().ingest(new IngestSource("RMYY_CT", "test"), "1.2.840.10008.5.1.4.1.1.7", SOP,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(object));

            HttpResponse<byte[]> retrieved = get(node, "/dicomweb/studies/" + STUDY + "/series/" + SERIES
                    + "/instances/" + SOP);
            get(node, "/dicomweb/studies?PatientID=" + PATIENT_ID);

            assertThat(retrieved.statusCode()).isEqualTo(200);
            assertThat(contains(retrieved.body(), PATIENT_ID)).as("decrypted object served").isTrue();
            assertThat(blobFilesContain(dir.resolve("data").resolve("blobs"), PATIENT_ID))
                    .as("patient ID in plaintext on disk").isFalse();

            List<AuditRecord> rows = awaitRows(node, 3);
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.event().action()).isEqualTo("store");
                assertThat(r.event().actor()).isEqualTo("ae:RMYY_CT");
                assertThat(r.event().institution()).isEqualTo("510000-RM");
                assertThat(r.event().studyUid()).isEqualTo(STUDY);
                assertThat(r.event().outcome()).isEqualTo("ok");
            });
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.event().action()).isEqualTo("retrieve");
                assertThat(r.event().source()).isEqualTo("ip:127.0.0.1");
                // dev mode: the security filter's developer principal, holding every role
                assertThat(r.event().actor()).isEqualTo("developer");
                assertThat(r.event().role()).contains("viewer");
                assertThat(r.event().studyUid()).isEqualTo(STUDY);
            });
            assertThat(rows).anySatisfy(r -> assertThat(r.event().action()).isEqualTo("query"));
            assertThat(rows).allSatisfy(r -> assertThat(r.event().toString()).doesNotContain(PATIENT_ID)
                    .doesNotContain("张三"));
            assertThat(new AuditVerifier(node.storage().auditLog()).verify().intact()).isTrue();

            HttpResponse<byte[]> healthz = get(node, "/healthz");
            assertThat(healthz.statusCode()).isEqualTo(200);
            assertThat(new String(healthz.body(), StandardCharsets.UTF_8)).contains("\"status\":\"UP\"");
            HttpResponse<byte[]> metrics = get(node, "/metrics");
            String text = new String(metrics.body(), StandardCharsets.UTF_8);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/plain").contains("version=0.0.4"));
            assertThat(text).contains("hrnode_events_total{action=\"store\",outcome=\"ok\"} 1\n",
                    "hrnode_events_total{action=\"retrieve\",outcome=\"ok\"} 1\n",
                    "hrnode_audit_dropped_total 0\n", "# TYPE hrnode_blob_store_seconds histogram\n",
                    "hrnode_blob_store_seconds_count{operation=\"put\"} 1\n", "hrnode_db_pool_total ",
                    "hrnode_compression_backlog ", "hrnode_qc_backlog ");
        }
    }

    @Test
    void aStoreRefusedForItsContentIsCountedByReason() throws Exception {
        NodeConfig config = new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString(),
                "--dicom-port", "0", "--http-port", "0", "--bind-address", "127.0.0.1"));
        try (Node node = Node.start(config, NodeStorage.openAsOwner(config))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.ingest().ingest(
                    new IngestSource("X", "test"), "1.2.840.10008.5.1.4.1.1.7", SOP,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                    new ByteArrayInputStream("not DICOM at all".getBytes(StandardCharsets.US_ASCII))));

            String text = new String(get(node, "/metrics").body(), StandardCharsets.UTF_8);
            assertThat(text).containsPattern("hrnode_events_total\\{action=\"store\",outcome=\"refused:[A-Z_]+\"} 1");
            List<AuditRecord> rows = awaitRows(node, 1);
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.event().outcome()).startsWith("refused:"));
        }
    }

    @Test
    void associationRequestsAreAuditedAsLoginsAcceptedOrRejected() throws Exception {
        org.hrnode.dicom.testing.ExternalTool.require("echoscu");
        NodeConfig config = new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString(),
                "--dicom-port", "0", "--http-port", "0", "--bind-address", "127.0.0.1"));
        try (Node node = Node.start(config, NodeStorage.openAsOwner(config))) {
            node.storage().aeRegistry().put(new ApplicationEntity("KNOWN_SCU", "127.0.0.1", 104, "510000-RM",
                    "四川省人民医院", "三级甲等", true));
            org.hrnode.dicom.testing.ExternalTool.run("echoscu", "-aet", "STRANGER", "-aec", "HRNODE", "127.0.0.1",
                    Integer.toString(node.dicomPort()));
            org.hrnode.dicom.testing.ExternalTool.Result known = org.hrnode.dicom.testing.ExternalTool.run(
                    "echoscu", "-aet", "KNOWN_SCU", "-aec", "HRNODE", "127.0.0.1", Integer.toString(node.dicomPort()));
            assertThat(known.exitCode()).as(known.stderr()).isZero();

            List<AuditRecord> rows = awaitRows(node, 2);
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.event().action()).isEqualTo("login");
                assertThat(r.event().actor()).isEqualTo("ae:STRANGER");
                assertThat(r.event().outcome()).startsWith("rejected:").contains("calling-AE-title-not-recognized");
                assertThat(r.event().source()).isEqualTo("ae:STRANGER@127.0.0.1");
            });
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.event().actor()).isEqualTo("ae:KNOWN_SCU");
                assertThat(r.event().outcome()).isEqualTo("ok");
            });
        }
    }

    @Test
    void retentionBelowSixMonthsIsRefusedAtStartup() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(
                List.of("--audit-retention-days", "90"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("minimum of 180 days");
    }

    private static List<AuditRecord> awaitRows(Node node, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            List<AuditRecord> rows = new ArrayList<>();
            node.storage().auditLog().forEach(0, rows::add);
            if (rows.size() >= atLeast || System.nanoTime() > deadline) {
                return rows;
            }
            Thread.sleep(50); // the writer batches asynchronously; nothing to wait on but the table
        }
    }

    private static byte[] object() throws Exception {
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        d.setString(Tag.SOPInstanceUID, VR.UI, SOP);
        d.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        d.setString(Tag.SeriesInstanceUID, VR.UI, SERIES);
        d.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        d.setString(Tag.PatientName, VR.PN, PATIENT_NAME);
        d.setString(Tag.PatientID, VR.LO, PATIENT_ID);
        d.setString(Tag.Modality, VR.CS, "OT");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return bytes.toByteArray();
    }

    private static HttpResponse<byte[]> get(Node node, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(TIMEOUT).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static boolean blobFilesContain(Path root, String needle) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(f), needle)) {
                    return true;
                }
            }
        }
        return Files.walk(root).noneMatch(Files::isRegularFile);
    }
}
