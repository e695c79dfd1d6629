package org.hrnode.node.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.storage.audit.AuditRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node behind a reverse proxy writes the URLs the client used, not its own: QIDO-RS RetrieveURL, WADO-RS
 * BulkDataURI and the STOW-RS response's URLs carry the scheme, host and path prefix a trusted proxy forwards, and the audit trail the client's
 * address. The same headers from a peer that is not a trusted proxy change nothing.
 */
class ForwardedUrlsTest {

    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.77.1";
    private static final String SERIES = STUDY + ".1";
    private static final String SOP = SERIES + ".1";
    private static final String INSTANCE_PATH = "/studies/" + STUDY + "/series/" + SERIES + "/instances/" + SOP;
    private static final String PIXEL_DATA = "7FE00010";
    private static final String RETRIEVE_URL = "00081190";
    private static final String[] FORWARDED_BY_PROXY = {"X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "pacs.example.cn", "X-Forwarded-Prefix", "/hr/", "X-Forwarded-For", "203.0.113.7"};
    private static final String PUBLIC_BASE = "https://pacs.example.cn/hr/dicomweb";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path dir;
    /** Trusts 127.0.0.1, where the test calls from, as its proxy. */
    private static NodeUnderTest behindProxy;
    /** Trusts only a proxy network the test is not on. */
    private static NodeUnderTest direct;
    /** Trusts no proxy but is told the URL its clients use. */
    private static NodeUnderTest withPublicUrl;

    @BeforeAll
    static void start() throws IOException {
        behindProxy = NodeUnderTest.start(dir.resolve("proxied"), "--uncompressed", "accept",
                "--trusted-proxies", "10.0.0.0/8, 127.0.0.1");
        direct = NodeUnderTest.start(dir.resolve("direct"), "--uncompressed", "accept",
                "--trusted-proxies", "192.0.2.0/24");
        withPublicUrl = NodeUnderTest.start(dir.resolve("public"), "--uncompressed", "accept",
                "--public-url", "https://pacs.example.cn:8443/hr/");
        for (NodeUnderTest node : new NodeUnderTest[] {behindProxy, direct, withPublicUrl}) {
            StoredFiles.store(node.node(), StoredFiles.part10(image()));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        for (NodeUnderTest node : new NodeUnderTest[] {behindProxy, direct, withPublicUrl}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void aTrustedProxysSchemeHostAndPrefixAreInTheUrlsTheNodeWrites() throws Exception {
        JsonNode study = qido(behindProxy, FORWARDED_BY_PROXY).get(0);
        JsonNode metadata = metadata(behindProxy, FORWARDED_BY_PROXY).get(0);

        assertThat(study.at("/" + RETRIEVE_URL + "/Value/0").asText()).isEqualTo(PUBLIC_BASE + "/studies/" + STUDY);
        assertThat(metadata.at("/" + PIXEL_DATA + "/BulkDataURI").asText())
                .isEqualTo(PUBLIC_BASE + INSTANCE_PATH + "/bulkdata/" + PIXEL_DATA);
    }

    @Test
    void theStowResponseGivesTheForwardedUrls() throws Exception {
        Dataset stowed = image();
        stowed.setString(Tag.SOPInstanceUID, VR.UI, SERIES + ".2");
        Path file = dir.resolve("stowed.dcm");
        java.nio.file.Files.write(file, StoredFiles.part10(stowed));
        String boundary = "forwarded-test-boundary";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + behindProxy.node().httpPort() + "/dicomweb/studies"))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(StowRsTest.body(boundary, List.of(file))));
        for (int i = 0; i < FORWARDED_BY_PROXY.length; i += 2) {
            request.header(FORWARDED_BY_PROXY[i], FORWARDED_BY_PROXY[i + 1]);
        }

        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode response = JSON.readTree(r.body());
        assertThat(response.at("/" + RETRIEVE_URL + "/Value/0").asText()).isEqualTo(PUBLIC_BASE + "/studies/" + STUDY);
        assertThat(response.at("/00081199/Value/0/" + RETRIEVE_URL + "/Value/0").asText())
                .isEqualTo(PUBLIC_BASE + "/studies/" + STUDY + "/series/" + SERIES + "/instances/" + SERIES + ".2");
    }

    @Test
    void theStandardForwardedHeaderIsReadToo() throws Exception {
        JsonNode metadata = metadata(behindProxy, "Forwarded",
                "for=203.0.113.7;proto=https;host=\"pacs.example.cn:8443\", for=10.1.2.3", "X-Forwarded-Prefix",
                "/hr").get(0);

        assertThat(metadata.at("/" + PIXEL_DATA + "/BulkDataURI").asText()).isEqualTo(
                "https://pacs.example.cn:8443/hr/dicomweb" + INSTANCE_PATH + "/bulkdata/" + PIXEL_DATA);
    }

    @Test
    void theAuditTrailRecordsTheClientTheTrustedProxyNames() throws Exception {
        qido(behindProxy, "X-Forwarded-For", "198.51.100.1, 203.0.113.99, 10.9.9.9");

        // 10.9.9.9 is a trusted proxy itself; the address before it is the client, what came before is its word
        assertThat(auditSources(behindProxy)).contains("ip:203.0.113.99").doesNotContain("ip:198.51.100.1");
    }

    @Test
    void fromAPeerThatIsNoTrustedProxyTheHeadersChangeNothing() throws Exception {
        String base = "http://127.0.0.1:" + direct.node().httpPort() + "/dicomweb";

        JsonNode study = qido(direct, FORWARDED_BY_PROXY).get(0);
        JsonNode metadata = metadata(direct, FORWARDED_BY_PROXY).get(0);

        assertThat(study.at("/" + RETRIEVE_URL + "/Value/0").asText()).isEqualTo(base + "/studies/" + STUDY);
        assertThat(metadata.at("/" + PIXEL_DATA + "/BulkDataURI").asText())
                .isEqualTo(base + INSTANCE_PATH + "/bulkdata/" + PIXEL_DATA);
        assertThat(auditSources(direct)).isNotEmpty().allMatch("ip:127.0.0.1"::equals);
    }

    @Test
    void aConfiguredPublicUrlIsWhatTheUrlsSayWhateverTheRequestSays() throws Exception {
        JsonNode study = qido(withPublicUrl, FORWARDED_BY_PROXY).get(0);

        assertThat(study.at("/" + RETRIEVE_URL + "/Value/0").asText())
                .isEqualTo("https://pacs.example.cn:8443/hr/dicomweb/studies/" + STUDY);
    }

    @Test
    void aMalformedHeaderFromTheTrustedProxyIsRefusedWithItsReason() throws Exception {
        HttpResponse<String> r = get(behindProxy, "/dicomweb/studies", "X-Forwarded-Proto", "gopher");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("proto 'gopher'");
    }

    private static JsonNode qido(NodeUnderTest node, String... headers) throws Exception {
        HttpResponse<String> r = get(node, "/dicomweb/studies?StudyInstanceUID=" + STUDY, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode metadata(NodeUnderTest node, String... headers) throws Exception {
        HttpResponse<String> r = get(node, "/dicomweb" + INSTANCE_PATH + "/metadata", headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(NodeUnderTest node, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.node().httpPort() + path)).header("Accept",
                "application/dicom+json").timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where the audited DICOMweb requests came from, once the asynchronous writer has recorded them. */
    private static List<String> auditSources(NodeUnderTest node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> sources = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            List<AuditRecord> rows = new ArrayList<>();
            node.node().storage().auditLog().forEach(0, rows::add);
            sources = rows.stream().map(r -> r.event().source()).filter(s -> s.startsWith("ip:")).toList();
            if (!sources.isEmpty() && (node != behindProxy || sources.contains("ip:203.0.113.99"))) {
                return sources;
            }
            Thread.sleep(50); // the audit writer batches asynchronously; nothing to wait on but the table
        }
        return sources;
    }

    /** A small uncompressed 8-bit image, so the metadata has Pixel Data to give a BulkDataURI for. */
    private static Dataset image() {
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        d.setString(Tag.SOPInstanceUID, VR.UI, SOP);
        d.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        d.setString(Tag.SeriesInstanceUID, VR.UI, SERIES);
        d.setString(Tag.Modality, VR.CS, "OT");
        d.setString(Tag.InstanceNumber, VR.IS, "1");
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        d.setInts(Tag.Rows, VR.US, 8);
        d.setInts(Tag.Columns, VR.US, 8);
        d.setInts(Tag.BitsAllocated, VR.US, 8);
        d.setInts(Tag.BitsStored, VR.US, 8);
        d.setInts(Tag.HighBit, VR.US, 7);
        d.setInts(Tag.PixelRepresentation, VR.US, 0);
        d.setBytes(Tag.PixelData, VR.OB, new byte[64]);
        return d;
    }
}
