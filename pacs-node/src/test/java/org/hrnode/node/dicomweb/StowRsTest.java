package org.hrnode.node.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.storage.ae.UncompressedImages;
import org.hrnode.storage.index.QueryResults;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STOW-RS against a started node over HTTP, as a DICOMweb client uses it: uploads land through the same ingest
 * path as C-STORE (exact data set bytes in the blob store, an index row, the STOW AE's institution, the lossless
 * rule, duplicates), the response lists what was stored and what failed with Failure Reason and readable text, and
 * each kind of broken request gets its status without losing what was stored before the break. Also CORS for
 * browser viewers, and an upload by curl with a body written by Python.
 */
class StowRsTest {

    private static final String STOW_AE = "STOW_SRC";
    /** NodeUnderTest registers every caller with this institution. */
    private static final String INSTITUTION = "510000-TEST";
    private static final String VIEWER_ORIGIN = "https://viewer.example:3000";
    private static final String BOUNDARY = "hrnode-test-boundary-0123";
    private static final String STOW_TYPE = "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;
    /** Generous: each part's pixels are decoded by the lossless check, and test machines are shared. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int FAILURE_REASON_A900 = 0xA900;
    private static final int FAILURE_REASON_C000 = 0xC000;
    private static final String REFERENCED_SOP_SEQUENCE = "00081199";
    private static final String FAILED_SOP_SEQUENCE = "00081198";
    private static final String OTHER_FAILURES_SEQUENCE = "0008119A";
    private static final String RETRIEVE_URL = "00081190";
    private static final String SOP_INSTANCE = "00081155";
    private static final String FAILURE_REASON = "00081197";
    /** (0009,1010) LT of private creator "HRNODE STOW": the reason as text. */
    private static final String FAILURE_TEXT = "00091010";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private static NodeUnderTest node;
    private static HttpClient client;

    @BeforeAll
    static void startNode() throws IOException {
        node = NodeUnderTest.start(work.resolve("node"), "--stow-ae-title", STOW_AE,
                "--cors-allowed-origins", VIEWER_ORIGIN + ", http://localhost:3000")
                .allowCaller(STOW_AE, UncompressedImages.ACCEPT);
        client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    // ---- what is stored ----

    @Test
    void aSinglePartUploadStoresTheExactDataSetUnderTheStowAesInstitution() throws Exception {
        Path file = wg04("JLSL", "CT1_JLSL");
        HttpResponse<String> r = post("/dicomweb/studies", STOW_TYPE, body(BOUNDARY, List.of(file)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/dicom+json"));
        Dataset sent = header(file);
        String study = sent.getString(Tag.StudyInstanceUID);
        JsonNode response = JSON.readTree(r.body());
        assertThat(response.path(RETRIEVE_URL).path("Value").get(0).asText())
                .isEqualTo(base() + "/dicomweb/studies/" + study);
        JsonNode item = response.path(REFERENCED_SOP_SEQUENCE).path("Value").get(0);
        assertThat(item.path("00081150").path("Value").get(0).asText()).isEqualTo(sent.getString(Tag.SOPClassUID));
        assertThat(item.path(SOP_INSTANCE).path("Value").get(0).asText())
                .isEqualTo(sent.getString(Tag.SOPInstanceUID));
        assertThat(item.path(RETRIEVE_URL).path("Value").get(0).asText()).isEqualTo(base() + "/dicomweb/studies/"
                + study + "/series/" + sent.getString(Tag.SeriesInstanceUID) + "/instances/"
                + sent.getString(Tag.SOPInstanceUID));
        assertThat(response.has(FAILED_SOP_SEQUENCE)).isFalse();

        StoredInstanceRef ref = node.instance(sent.getString(Tag.SOPInstanceUID)).orElseThrow();
        assertThat(ref.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.4.80");
        assertThat(Arrays.equals(dataSetBytes(node.storedObject(ref)), dataSetBytes(Files.readAllBytes(file))))
                .as("stored data set bytes equal the uploaded ones").isTrue();
        JsonNode status = JSON.readTree(get("/api/studies/" + study + "/status").body());
        assertThat(status.path("institutionCode").asText()).isEqualTo(INSTITUTION);
    }

    @Test
    void lossyPartsAreRefusedWithTheirReasonWhileLosslessOnesInTheSameRequestAreStored() throws Exception {
        List<Path> lossless = List.of(wg04("J2KR", "MR1_J2KR"), wg04("RLE", "MR2_RLE"));
        List<Path> lossy = List.of(wg04("J2KI", "CT2_J2KI"), wg04("JPLY", "MR3_JPLY"));
        List<Path> files = List.of(lossless.get(0), lossy.get(0), lossless.get(1), lossy.get(1));
        HttpResponse<String> r = post("/dicomweb/studies", STOW_TYPE, body(BOUNDARY, files));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode response = JSON.readTree(r.body());
        assertThat(instancesIn(response, REFERENCED_SOP_SEQUENCE)).containsExactly(uidOf(lossless.get(0)),
                uidOf(lossless.get(1)));
        assertThat(instancesIn(response, FAILED_SOP_SEQUENCE)).containsExactly(uidOf(lossy.get(0)),
                uidOf(lossy.get(1)));
        for (JsonNode failed : response.path(FAILED_SOP_SEQUENCE).path("Value")) {
            assertThat(failed.path(FAILURE_REASON).path("Value").get(0).asInt()).isEqualTo(FAILURE_REASON_A900);
            assertThat(failed.path(FAILURE_TEXT).path("Value").get(0).asText()).containsIgnoringCase("lossy");
        }
        assertThat(r.headers().allValues("Warning")).hasSize(2)
                .allSatisfy(w -> assertThat(w).startsWith("299 HRNODE \"part ").containsIgnoringCase("lossy"));
        for (Path file : lossless) {
            assertThat(node.instance(uidOf(file))).as(file.toString()).isPresent();
        }
        for (Path file : lossy) {
            assertThat(node.instance(uidOf(file))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void aResentObjectIsADuplicateNotANewVersion() throws Exception {
        Path file = wg04("J2KR", "MR3_J2KR");
        HttpResponse<String> twice = post("/dicomweb/studies", STOW_TYPE, body(BOUNDARY, List.of(file, file)));
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(200);
        assertThat(instancesIn(JSON.readTree(twice.body()), REFERENCED_SOP_SEQUENCE)).containsExactly(uidOf(file),
                uidOf(file));
        StoredInstanceRef first = node.instance(uidOf(file)).orElseThrow();
        HttpResponse<String> again = post("/dicomweb/studies", STOW_TYPE, body(BOUNDARY, List.of(file)));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(node.instance(uidOf(file)).orElseThrow().blobKey()).isEqualTo(first.blobKey());
    }

    @Test
    void aStudyScopedUploadRefusesInstancesOfAnotherStudy() throws Exception {
        Path ofStudy = wg04("J2KR", "CT1_J2KR");
        Path other = wg04("J2KR", "MR4_J2KR");
        String study = header(ofStudy).getString(Tag.StudyInstanceUID);
        HttpResponse<String> r = post("/dicomweb/studies/" + study, STOW_TYPE, body(BOUNDARY, List.of(ofStudy,
                other)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode response = JSON.readTree(r.body());
        assertThat(response.path(RETRIEVE_URL).path("Value").get(0).asText())
                .isEqualTo(base() + "/dicomweb/studies/" + study);
        assertThat(instancesIn(response, REFERENCED_SOP_SEQUENCE)).containsExactly(uidOf(ofStudy));
        JsonNode failed = response.path(FAILED_SOP_SEQUENCE).path("Value").get(0);
        assertThat(failed.path(SOP_INSTANCE).path("Value").get(0).asText()).isEqualTo(uidOf(other));
        assertThat(failed.path(FAILURE_REASON).path("Value").get(0).asInt()).isEqualTo(FAILURE_REASON_A900);
        assertThat(failed.path(FAILURE_TEXT).path("Value").get(0).asText()).contains("not to study " + study);
        assertThat(node.instance(uidOf(ofStudy))).isPresent();
        assertThat(node.instance(uidOf(other))).isEmpty();

        HttpResponse<String> onlyOther = post("/dicomweb/studies/" + study, STOW_TYPE,
                body(BOUNDARY, List.of(other)));
        assertThat(onlyOther.statusCode()).as("every part failed").isEqualTo(409);
        assertThat(post("/dicomweb/studies/..%2F..%2Fetc", STOW_TYPE, body(BOUNDARY, List.of(other))).statusCode())
                .isEqualTo(400);
    }

    @Test
    void chineseNamesArriveIntactInEveryChineseCharacterSet() throws Exception {
        List<Path> files = List.of(charset("chrX1.dcm"), charset("chrX2.dcm"), charset("chrGB2312.dcm"));
        HttpResponse<String> r = post("/dicomweb/studies", STOW_TYPE, body(BOUNDARY, files));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<Path, String> expected = Map.of(files.get(0), "王^小東", files.get(1), "王^小东",
                files.get(2), "张^小东");
        for (Path file : files) {
            StoredInstanceRef ref = node.instance(uidOf(file)).orElseThrow();
            assertThat(Arrays.equals(dataSetBytes(node.storedObject(ref)), dataSetBytes(Files.readAllBytes(file))))
                    .as(file.toString()).isTrue();
            assertThat(indexedPatientName(ref.studyInstanceUid())).as(file.toString())
                    .hasValueSatisfying(name -> assertThat(name).endsWith("=" + expected.get(file)));
        }
    }

    @Test
    void aChunkedUploadOfManyMegabytesStreamsThroughTheHttpServer() throws Exception {
        List<Path> files = List.of(wg04("RLE", "RG2_RLE"), wg04("RLE", "RG3_RLE"), wg04("RLE", "VL6_RLE"),
                wg04("RLE", "XA1_RLE"));
        byte[] body = body(BOUNDARY, files);
        assertThat(body.length).as("over twice Undertow's default 2 MiB request cap").isGreaterThan(4 << 20);
        // no Content-Length: the body arrives chunked, as from a client that streams a study off disk
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + "/dicomweb/studies"))
                .header("Content-Type", STOW_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(instancesIn(JSON.readTree(r.body()), REFERENCED_SOP_SEQUENCE)).hasSize(files.size());
        for (Path file : files) {
            StoredInstanceRef ref = node.instance(uidOf(file)).orElseThrow();
            assertThat(Arrays.equals(dataSetBytes(node.storedObject(ref)), dataSetBytes(Files.readAllBytes(file))))
                    .as(file.toString()).isTrue();
        }
    }

    // ---- broken requests ----

    @Test
    void requestsThatAreNotStowUploadsAre415Or400WithAReason() throws Exception {
        byte[] body = body(BOUNDARY, List.of(wg04("J2KR", "RG2_J2KR")));
        HttpResponse<String> json = post("/dicomweb/studies", "application/json", body);
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.body()).contains("application/json is not supported");
        HttpResponse<String> jsonParts = post("/dicomweb/studies",
                "multipart/related; type=\"application/dicom+json\"; boundary=" + BOUNDARY, body);
        assertThat(jsonParts.statusCode()).isEqualTo(415);
        HttpResponse<String> noBoundary = post("/dicomweb/studies", "multipart/related; type=\"application/dicom\"",
                body);
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(noBoundary.body()).contains("no boundary");
        assertThat(noBoundary.headers().firstValue("Warning")).isPresent();
        HttpResponse<String> wrongBoundary = post("/dicomweb/studies",
                "multipart/related; type=\"application/dicom\"; boundary=\"not-the-one\"", body);
        assertThat(wrongBoundary.statusCode()).isEqualTo(400);
        assertThat(failureTexts(JSON.readTree(wrongBoundary.body()), OTHER_FAILURES_SEQUENCE))
                .anySatisfy(t -> assertThat(t).contains("no boundary line '--not-the-one'"));
        HttpResponse<String> empty = post("/dicomweb/studies", STOW_TYPE,
                ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(node.instance(uidOf(wg04("J2KR", "RG2_J2KR")))).isEmpty();
    }

    @Test
    void aTruncatedUploadKeepsTheCompletePartsBeforeItAndNothingOfTheCutOne() throws Exception {
        Path complete = wg04("J2KR", "CT2_J2KR");
        Path cut = wg04("JLSL", "CT2_JLSL");
        byte[] whole = body(BOUNDARY, List.of(complete, cut));
        byte[] truncated = Arrays.copyOf(whole, whole.length - (int) (Files.size(cut) / 2));
        HttpResponse<String> r = post("/dicomweb/studies", STOW_TYPE, truncated);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode response = JSON.readTree(r.body());
        assertThat(instancesIn(response, REFERENCED_SOP_SEQUENCE)).containsExactly(uidOf(complete));
        assertThat(instancesIn(response, FAILED_SOP_SEQUENCE)).containsExactly(uidOf(cut));
        assertThat(failureTexts(response, FAILED_SOP_SEQUENCE)).singleElement().asString()
                .contains("nothing stored").contains("cut short");
        assertThat(node.instance(uidOf(complete))).isPresent();
        assertThat(node.instance(uidOf(cut))).as("nothing of the cut part").isEmpty();
    }

    @Test
    void garbageAndNonDicomPartsFailAloneAndDoNotStopTheOthers() throws Exception {
        Path good = wg04("J2KR", "NM1_J2KR");
        byte[] garbage = new byte[5000];
        new Random(3).nextBytes(garbage);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        appendPart(body, BOUNDARY, "application/dicom", garbage);
        appendPart(body, BOUNDARY, "text/plain", "hello".getBytes(StandardCharsets.US_ASCII));
        appendPart(body, BOUNDARY, "application/dicom", Files.readAllBytes(good));
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = post("/dicomweb/studies", STOW_TYPE, body.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode response = JSON.readTree(r.body());
        assertThat(instancesIn(response, REFERENCED_SOP_SEQUENCE)).containsExactly(uidOf(good));
        JsonNode other = response.path(OTHER_FAILURES_SEQUENCE).path("Value");
        assertThat(other).hasSize(2);
        assertThat(other.get(0).path(FAILURE_REASON).path("Value").get(0).asInt()).isEqualTo(FAILURE_REASON_C000);
        assertThat(failureTexts(response, OTHER_FAILURES_SEQUENCE)).satisfiesExactly(
                t -> assertThat(t).startsWith("part 1: ").contains("not a Part 10 object"),
                t -> assertThat(t).startsWith("part 2: ").contains("text/plain"));

        ByteArrayOutputStream onlyGarbage = new ByteArrayOutputStream();
        appendPart(onlyGarbage, BOUNDARY, "application/dicom", garbage);
        onlyGarbage.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(post("/dicomweb/studies", STOW_TYPE, onlyGarbage.toByteArray()).statusCode()).isEqualTo(409);
    }

    // ---- an independent client ----

    @Test
    void curlUploadsABodyWrittenByPython() throws Exception {
        ExternalTool.require("curl");
        TestData.require(Files.isExecutable(TestData.SYSTEM_PYTHON), "python3 at " + TestData.SYSTEM_PYTHON);
        List<Path> files = List.of(wg04("J2KR", "US1_J2KR"), wg04("J2KR", "RG3_J2KR"));
        Path script = work.resolve("stow_body.py");
        try (var in = StowRsTest.class.getResourceAsStream("/dicomweb/stow_body.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path body = work.resolve("curl-body");
        String boundary = "py-boundary-" + System.nanoTime();
        List<String> python = new ArrayList<>(List.of(TestData.SYSTEM_PYTHON.toString(), script.toString(),
                boundary, body.toString()));
        files.forEach(f -> python.add(f.toString()));
        ExternalTool.Result built = ExternalTool.run(python.toArray(String[]::new));
        assertThat(built.exitCode()).as(built.stderr()).isZero();
        ExternalTool.Result curl = ExternalTool.run("curl", "-sS", "-o", work.resolve("curl-out").toString(),
                "-w", "%{http_code}", "-H", "Accept: application/dicom+json",
                "-H", "Content-Type: multipart/related; type=\"application/dicom\"; boundary=\"" + boundary + "\"",
                "--data-binary", "@" + body, base() + "/dicomweb/studies");
        assertThat(curl.stdout()).as(curl.stderr()).isEqualTo("200");
        JsonNode response = JSON.readTree(Files.readString(work.resolve("curl-out")));
        assertThat(instancesIn(response, REFERENCED_SOP_SEQUENCE)).containsExactly(uidOf(files.get(0)),
                uidOf(files.get(1)));
        for (Path file : files) {
            StoredInstanceRef ref = node.instance(uidOf(file)).orElseThrow();
            assertThat(Arrays.equals(dataSetBytes(node.storedObject(ref)), dataSetBytes(Files.readAllBytes(file))))
                    .as(file.toString()).isTrue();
        }
    }

    // ---- CORS ----

    @Test
    void aConfiguredOriginGetsPreflightAndCorsHeadersOnDicomWebOnly() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(base() + "/dicomweb/studies"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", VIEWER_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(VIEWER_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                m -> assertThat(m).contains("POST").contains("GET"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                h -> assertThat(h).contains("Accept").contains("Content-Type").contains("Authorization"));
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).contains("600");

        HttpResponse<String> upload = send(HttpRequest.newBuilder(URI.create(base() + "/dicomweb/studies"))
                .header("Origin", VIEWER_ORIGIN).header("Content-Type", STOW_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(BOUNDARY, List.of(wg04("J2KR", "MR2_J2KR"))))));
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.headers().firstValue("Access-Control-Allow-Origin")).contains(VIEWER_ORIGIN);
        assertThat(upload.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Origin"));
        assertThat(upload.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                h -> assertThat(h).contains("Warning").contains("Content-Type").contains("Content-Length"));

        HttpResponse<String> stranger = send(HttpRequest.newBuilder(URI.create(base() + "/dicomweb/studies"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(base() + "/api/health"))
                .header("Origin", VIEWER_ORIGIN));
        assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).as("the API is not for browsers")
                .isEmpty();
    }

    @Test
    void withoutConfiguredOriginsThereAreNoCorsHeaders() throws Exception {
        try (NodeUnderTest plain = NodeUnderTest.start(work.resolve("plain-node"))) {
            String plainBase = "http://127.0.0.1:" + plain.node().httpPort();
            HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(plainBase + "/dicomweb/studies"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", VIEWER_ORIGIN).header("Access-Control-Request-Method", "POST"));
            assertThat(preflight.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control"));
            HttpResponse<String> upload = send(HttpRequest.newBuilder(URI.create(plainBase + "/dicomweb/studies"))
                    .header("Origin", VIEWER_ORIGIN).header("Content-Type", STOW_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(BOUNDARY, List.of()))));
            assertThat(upload.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control"));
        }
    }

    // ---- helpers ----

    private static Path wg04(String variant, String file) {
        Path path = TestData.sharedData().resolve("wg04").resolve(variant).resolve(file);
        TestData.require(Files.isReadable(path), path.toString());
        return path;
    }

    private static Path charset(String file) {
        Path path = TestData.sharedData().resolve("charset").resolve(file);
        TestData.require(Files.isReadable(path), path.toString());
        return path;
    }

    private static String base() {
        return "http://127.0.0.1:" + node.node().httpPort();
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", contentType)
                .header("Accept", "application/dicom+json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A STOW-RS body of these files, each a part with its own Content-Type header. */
    static byte[] body(String boundary, List<Path> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path file : files) {
            appendPart(out, boundary, "application/dicom", Files.readAllBytes(file));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void appendPart(ByteArrayOutputStream out, String boundary, String type, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static List<String> instancesIn(JsonNode response, String sequence) {
        List<String> uids = new ArrayList<>();
        for (JsonNode item : response.path(sequence).path("Value")) {
            uids.add(item.path(SOP_INSTANCE).path("Value").get(0).asText());
        }
        return uids;
    }

    private static List<String> failureTexts(JsonNode response, String sequence) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : response.path(sequence).path("Value")) {
            texts.add(item.path(FAILURE_TEXT).path("Value").get(0).asText());
        }
        return texts;
    }

    private static Dataset header(Path file) throws IOException {
        try {
            DicomReader reader = new DicomReader(Files.newInputStream(file), Files.size(file),
                    ReadOptions.defaults().withBulkDataSource(file.toUri()));
            reader.readPart10Header();
            return reader.readDataset(Tag.PixelData);
        } catch (DicomParseException e) {
            throw new IOException(e);
        }
    }

    private static String uidOf(Path file) throws IOException {
        return header(file).getString(Tag.SOPInstanceUID);
    }

    /** The bytes after preamble and File Meta Information: what every party must keep unchanged. */
    private static byte[] dataSetBytes(byte[] object) throws IOException {
        try {
            DicomReader reader = new DicomReader(new ByteArrayInputStream(object), object.length,
                    ReadOptions.defaults());
            reader.readPart10Header();
            return Arrays.copyOfRange(object, (int) reader.position(), object.length);
        } catch (DicomParseException e) {
            throw new IOException(e);
        }
    }

    /** Patient's Name of a study as the index answers a C-FIND-like query for it. */
    private static Optional<String> indexedPatientName(String studyInstanceUid) throws Exception {
        Dataset identifier = new Dataset();
        identifier.setString(Tag.StudyInstanceUID, VR.UI, studyInstanceUid);
        identifier.setString(Tag.PatientName, VR.PN);
        try (QueryResults results = node.node().storage().index().query(
                Query.fromIdentifier(identifier, QueryLevel.STUDY))) {
            return results.hasNext() ? Optional.ofNullable(results.next().getString(Tag.PatientName))
                    : Optional.empty();
        }
    }
}
