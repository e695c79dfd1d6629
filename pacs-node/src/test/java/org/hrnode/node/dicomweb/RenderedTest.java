package org.hrnode.node.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.storage.index.StoredInstanceRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendered images, thumbnails and WADO-URI from a running node over HTTP: losslessly compressed real images
 * (JPEG-LS CT, JPEG 2000 MONOCHROME1 radiograph) rendered through the node's RESTEasy deployment, checked against
 * pydicom + numpy, and the stored object returned byte for byte.
 */
class RenderedTest {

    private static final String CALLER = "RENDER_TEST";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path REFERENCE = Path.of("../wado/src/test/resources/org/hrnode/wado/render/"
            + "render_reference.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static NodeUnderTest node;
    private static HttpClient client;
    private static StoredInstanceRef ct;
    private static StoredInstanceRef radiograph;

    @BeforeAll
    static void storeImages() throws Exception {
        Path data = TestData.sharedData();
        TestData.require(Codecs.isAvailable(TransferSyntax.JPEG_LS_LOSSLESS), "CharLS (libcharls2)");
        node = NodeUnderTest.start(dir.resolve("node")).allowCallers(CALLER);
        ct = ingest(data.resolve("wg04/JLSL/CT2_JLSL"));
        radiograph = ingest(data.resolve("wg04/J2KR/RG3_J2KR"));
        client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void renderedCtMatchesThePydicomReference() throws Exception {
        HttpResponse<byte[]> r = get(instancePath(ct) + "/rendered", "image/png");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(meanDifference(pixels(r.body()), reference("wg04/REF/CT2_UNC.zst"))).isLessThan(0.01);
    }

    @Test
    void renderedMonochrome1FrameMatchesThePydicomReference() throws Exception {
        HttpResponse<byte[]> r = get(instancePath(radiograph) + "/frames/1/rendered?accept=image/png", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(meanDifference(pixels(r.body()), reference("wg04/REF/RG3_UNC.zst"))).isLessThan(0.01);
    }

    @Test
    void jpegIsTheDefaultAndTheViewportIsHonoured() throws Exception {
        HttpResponse<byte[]> r = get(instancePath(ct) + "/rendered?viewport=200,100&window=40,400&quality=80", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(image.getHeight()).isEqualTo(100);
        assertThat(image.getWidth()).isEqualTo(100);
    }

    @Test
    void thumbnailsAtEveryLevelAreSmall() throws Exception {
        for (String path : List.of("/dicomweb/studies/" + ct.studyInstanceUid() + "/thumbnail",
                "/dicomweb/studies/" + ct.studyInstanceUid() + "/series/" + ct.seriesInstanceUid() + "/thumbnail",
                instancePath(radiograph) + "/thumbnail", instancePath(radiograph) + "/frames/1/thumbnail")) {
            HttpResponse<byte[]> r = get(path, "image/jpeg");

            assertThat(r.statusCode()).as(path).isEqualTo(200);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
            assertThat(Math.max(image.getWidth(), image.getHeight())).as(path).isEqualTo(128);
        }
    }

    @Test
    void studyRenderedIsMultipartOverHttp() throws Exception {
        HttpResponse<byte[]> r = get("/dicomweb/studies/" + radiograph.studyInstanceUid() + "/rendered?viewport=64,64",
                "multipart/related; type=\"image/png\"");

        assertThat(r.statusCode()).isEqualTo(200);
        // RESTEasy writes the parameters in its own order: read them by name.
        Map<String, String> type = new HashMap<>();
        String[] fields = r.headers().firstValue("Content-Type").orElseThrow().split(";");
        for (String field : fields) {
            String[] pair = field.strip().split("=", 2);
            type.put(pair[0], pair.length == 2 ? pair[1].replace("\"", "") : "");
        }
        assertThat(fields[0]).isEqualTo("multipart/related");
        assertThat(type).containsEntry("type", "image/png");
        String boundary = type.get("boundary");
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).startsWith("--" + boundary + "\r\nContent-Type: image/png\r\n").contains("\u0089PNG")
                .endsWith("--" + boundary + "--\r\n");
    }

    @Test
    void errorsCarryTheirStatusAndReason() throws Exception {
        HttpResponse<byte[]> gif = get(instancePath(ct) + "/rendered", "image/gif");
        HttpResponse<byte[]> unknown = get("/dicomweb/studies/1.2.3/thumbnail", null);
        HttpResponse<byte[]> traversal = get("/dicomweb/studies/..%2F..%2Fetc/series/1.2/instances/1.2.3/rendered",
                null);
        HttpResponse<byte[]> badWindow = get(instancePath(ct) + "/rendered?window=a,b", null);
        HttpResponse<byte[]> badUid = get("/dicomweb/studies/1.2.x/series/1.2/instances/1.2.3/rendered", null);

        assertThat(gif.statusCode()).isEqualTo(406);
        assertThat(message(gif)).contains("image/jpeg", "image/png");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(message(unknown)).contains("no study 1.2.3");
        assertThat(traversal.statusCode()).isIn(400, 404);
        assertThat(badUid.statusCode()).isEqualTo(400);
        assertThat(message(badUid)).contains("Study Instance UID is not a DICOM UID");
        assertThat(badWindow.statusCode()).isEqualTo(400);
        assertThat(message(badWindow)).contains("window center must be a number");
    }

    @Test
    void wadoUriReturnsTheStoredObjectByteForByte() throws Exception {
        HttpResponse<byte[]> r = get(wadoUri(radiograph) + "&contentType=application/dicom&transferSyntax="
                + radiograph.transferSyntaxUid(), null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/dicom");
        assertThat(r.body()).isEqualTo(node.storedObject(radiograph));
    }

    @Test
    void wadoUriTranscodesToExplicitLittleEndianByDefaultAndRenders() throws Exception {
        HttpResponse<byte[]> dicom = get(wadoUri(ct) + "&contentType=application/dicom", null);
        HttpResponse<byte[]> jpeg = get(wadoUri(ct) + "&rows=64&windowCenter=40&windowWidth=400", null);
        HttpResponse<byte[]> missing = get("/wado?requestType=WADO&studyUID=" + ct.studyInstanceUid(), null);
        HttpResponse<byte[]> unknown = get("/wado?requestType=WADO&studyUID=1.2&seriesUID=1.2.3&objectUID=1.2.3.4",
                null);

        assertThat(dicom.statusCode()).isEqualTo(200);
        DicomFile sent = DicomReader.read(new ByteArrayInputStream(dicom.body()));
        assertThat(sent.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(sent.dataset().getInt(Tag.Rows, 0)).isEqualTo(512);
        assertThat(jpeg.statusCode()).isEqualTo(200);
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg.body())).getHeight()).isEqualTo(64);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(message(missing)).contains("Series Instance UID is required");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private static StoredInstanceRef ingest(Path file) throws Exception {
        DicomFile parsed = DicomReader.readFile(file);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(bytes)) {
            writer.writeDataset(parsed.dataset(), parsed.transferSyntax());
        }
        String sop = parsed.dataset().getString(Tag.SOPInstanceUID);
        node.node().ingest().ingest(new IngestSource(CALLER, "render-test"),
                parsed.dataset().getString(Tag.SOPClassUID), sop, parsed.transferSyntax().uid(),
                new ByteArrayInputStream(bytes.toByteArray()));
        return node.instance(sop).orElseThrow();
    }

    private static String instancePath(StoredInstanceRef ref) {
        return "/dicomweb/studies/" + ref.studyInstanceUid() + "/series/" + ref.seriesInstanceUid() + "/instances/"
                + ref.sopInstanceUid();
    }

    private static String wadoUri(StoredInstanceRef ref) {
        return "/wado?requestType=WADO&studyUID=" + ref.studyInstanceUid() + "&seriesUID=" + ref.seriesInstanceUid()
                + "&objectUID=" + ref.sopInstanceUid();
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + node.node().httpPort() + path)).timeout(TIMEOUT).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String message(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body()).path("message").asText();
    }

    private static byte[] pixels(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] values = image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] reference(String original) throws Exception {
        TestData.require(Files.isExecutable(TestData.SYSTEM_PYTHON), "system python3 with python3-pydicom, numpy");
        List<String> command = new ArrayList<>(List.of(TestData.SYSTEM_PYTHON.toString(), REFERENCE.toString(),
                TestData.sharedData().resolve(original).toString()));
        Path out = Files.createTempFile(dir, "reference", ".raw");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readAllBytes(out);
    }

    private static double meanDifference(byte[] actual, byte[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        long sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs((actual[i] & 0xFF) - (expected[i] & 0xFF));
        }
        return (double) sum / actual.length;
    }
}
