package org.hrnode.node.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.app.Node;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.testing.Await;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.metadata.InstanceMetadataIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WADO-RS metadata of a started node: what it returns is the JSON the index holds of each instance, with absolute
 * BulkDataURIs and Pixel Data added; series metadata comes from the pre-built document (gzip as stored when the
 * client accepts it, 304 for a current ETag) and follows instances that arrive after it was built.
 */
class WadoRsMetadataTest {

    private static final String JSON_TYPE = "application/dicom+json";
    private static final String ACCEPT = "Accept";
    private static final String PIXEL_DATA = "7FE00010";
    private static final String GENERATED_STUDY = "1.2.826.0.1.3680043.2.1125.9.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Node node;
    private static WadoClient wado;
    private static StoredInstanceRef ctSlice;

    @BeforeAll
    static void storeTestObjects() throws Exception {
        WadoClient.requirePython();
        Path ctHead = TestData.sharedData().resolve("ct-head-ge");
        node = Node.start(new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString(),
                "--dicom-port", "0", "--http-port", "0", "--bind-address", "127.0.0.1", "--uncompressed", "accept")));
        for (Path file : TestData.dicomFilesUnder(ctHead)) {
            StoredFiles.store(node, file);
        }
        String sop = WadoClient.describe(TestData.dicomFilesUnder(ctHead).getFirst()).path("sopInstanceUid").asText();
        ctSlice = node.storage().index().instancesOf(QueryLevel.IMAGE, sop).getFirst();
        wado = new WadoClient(node.httpPort(), dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static String seriesPath(StoredInstanceRef ref) {
        return "/studies/" + ref.studyInstanceUid() + "/series/" + ref.seriesInstanceUid();
    }

    /** What the index holds of an instance, with its relative BulkDataURIs made absolute as the service must. */
    private static JsonNode indexed(StoredInstanceRef ref) throws IOException {
        String[] json = new String[1];
        node.storage().instanceMetadata().forEach(QueryLevel.IMAGE, ref.sopInstanceUid(), m -> json[0] = m.json());
        String prefix = wado.base() + seriesPath(ref) + "/instances/" + ref.sopInstanceUid() + "/";
        return JSON.readTree(json[0].replace("\"BulkDataURI\":\"bulkdata/", "\"BulkDataURI\":\"" + prefix
                + "bulkdata/"));
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    @Test
    void seriesMetadataIsWhatTheIndexHoldsPlusPixelData() throws Exception {
        List<StoredInstanceRef> series = node.storage().index().instancesOf(QueryLevel.SERIES,
                ctSlice.seriesInstanceUid());

        HttpResponse<byte[]> r = wado.get(seriesPath(ctSlice) + "/metadata", ACCEPT, JSON_TYPE);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(JSON_TYPE);
        assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(r.body().length));
        JsonNode instances = JSON.readTree(r.body());
        assertThat(instances).hasSize(series.size()).hasSize(28);
        for (int i = 0; i < series.size(); i++) {
            StoredInstanceRef ref = series.get(i);
            ObjectNode returned = (ObjectNode) instances.get(i);
            assertThat(returned.at("/00080018/Value/0").asText()).isEqualTo(ref.sopInstanceUid());
            JsonNode pixelData = returned.remove(PIXEL_DATA);
            assertThat(pixelData.path("vr").asText()).isEqualTo("OW");
            assertThat(pixelData.path("BulkDataURI").asText()).isEqualTo(wado.base() + seriesPath(ref)
                    + "/instances/" + ref.sopInstanceUid() + "/bulkdata/" + PIXEL_DATA);
            assertThat(returned).isEqualTo(indexed(ref));
        }
    }

    @Test
    void thePixelDataUriOfTheMetadataGivesThePixelData() throws Exception {
        JsonNode instance = JSON.readTree(wado.get(seriesPath(ctSlice) + "/metadata", ACCEPT, JSON_TYPE).body())
                .get(0);
        String uri = instance.at("/" + PIXEL_DATA + "/BulkDataURI").asText();
        Path file = TestData.dicomFilesUnder(TestData.sharedData().resolve("ct-head-ge")).getFirst();

        HttpResponse<byte[]> r = wado.get(uri.substring(wado.base().length()), ACCEPT,
                "multipart/related; type=\"application/octet-stream\"");

        assertThat(wado.parts(r).get(0).path("sha256").asText())
                .isEqualTo(WadoClient.describe(file).path("pixelDataSha").asText());
    }

    @Test
    void gzipIsTheSameDocumentCompressedAndACurrentEtagIs304() throws Exception {
        String path = seriesPath(ctSlice) + "/metadata";

        HttpResponse<byte[]> plain = wado.get(path, ACCEPT, JSON_TYPE);
        HttpResponse<byte[]> gzip = wado.get(path, ACCEPT, JSON_TYPE, "Accept-Encoding", "gzip, deflate");
        String etag = gzip.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = wado.get(path, ACCEPT, JSON_TYPE, "Accept-Encoding", "gzip",
                "If-None-Match", etag);

        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gunzip(gzip.body())).isEqualTo(plain.body());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(plain.headers().firstValue("ETag")).isPresent().isNotEqualTo(gzip.headers().firstValue("ETag"));
    }

    @Test
    void theSeriesDocumentIsKeptAndRebuiltOnlyAfterAnInstanceArrives() throws Exception {
        String series = GENERATED_STUDY + ".1";
        storeGenerated(series, 1);
        storeGenerated(series, 2);
        String path = "/studies/" + GENERATED_STUDY + "/series/" + series + "/metadata";
        InstanceMetadataIndex metadata = node.storage().instanceMetadata();

        assertThat(JSON.readTree(wado.get(path, ACCEPT, JSON_TYPE).body())).hasSize(2);
        InstanceMetadataIndex.SeriesState built = metadata.seriesState(series, wado.base()).orElseThrow();
        storeGenerated(series, 3);
        InstanceMetadataIndex.SeriesState stale = metadata.seriesState(series, wado.base()).orElseThrow();
        JsonNode after = JSON.readTree(wado.get(path, ACCEPT, JSON_TYPE).body());

        assertThat(built.document()).isNotNull();
        assertThat(stale.generation()).isGreaterThan(built.generation());
        assertThat(after).hasSize(3);
        List<String> numbers = new ArrayList<>();
        after.forEach(i -> numbers.add(i.at("/00200013/Value/0").asText()));
        assertThat(numbers).containsExactly("1", "2", "3");
        assertThat(metadata.seriesState(series, wado.base()).orElseThrow().document()).isNotNull();
    }

    @Test
    void aSettledSeriesIsRebuiltBeforeAnyoneAsks() throws Exception {
        String series = GENERATED_STUDY + ".2";
        storeGenerated(series, 1);
        String path = "/studies/" + GENERATED_STUDY + "/series/" + series + "/metadata";
        assertThat(JSON.readTree(wado.get(path, ACCEPT, JSON_TYPE).body())).hasSize(1);
        InstanceMetadataIndex metadata = node.storage().instanceMetadata();

        storeGenerated(series, 2);
        long changed = metadata.seriesState(series, wado.base()).orElseThrow().generation();
        Await.until("the series document rebuilt without a request", Duration.ofSeconds(30),
                () -> metadata.seriesState(series, wado.base()).orElseThrow().document() != null);

        InstanceMetadataIndex.SeriesDocument document = metadata.seriesState(series, wado.base()).orElseThrow()
                .document();
        assertThat(document.generation()).isEqualTo(changed);
        assertThat(JSON.readTree(gunzip(document.jsonGzip()))).hasSize(2);
    }

    @Test
    void studyAndInstanceMetadataHoldTheirInstances() throws Exception {
        HttpResponse<byte[]> study = wado.get("/studies/" + ctSlice.studyInstanceUid() + "/metadata",
                ACCEPT, JSON_TYPE, "Accept-Encoding", "gzip");
        HttpResponse<byte[]> instance = wado.get(seriesPath(ctSlice) + "/instances/" + ctSlice.sopInstanceUid()
                + "/metadata", ACCEPT, "application/json");

        assertThat(JSON.readTree(gunzip(study.body()))).hasSize(node.storage().index()
                .instancesOf(QueryLevel.STUDY, ctSlice.studyInstanceUid()).size());
        JsonNode one = JSON.readTree(instance.body());
        assertThat(one).hasSize(1);
        ObjectNode returned = (ObjectNode) one.get(0);
        returned.remove(PIXEL_DATA);
        assertThat(returned).isEqualTo(indexed(ctSlice));
    }

    @Test
    void xmlMetadataIsOneNativeDicomModelDocumentPerInstanceWithTheBulkDataUris() throws Exception {
        List<StoredInstanceRef> series = node.storage().index().instancesOf(QueryLevel.SERIES,
                ctSlice.seriesInstanceUid());

        HttpResponse<byte[]> r = wado.get(seriesPath(ctSlice) + "/metadata", ACCEPT, XML_ACCEPT);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/related")
                .contains("type=\"application/dicom+xml\"");
        List<org.w3c.dom.Element> documents = xmlParts(r);
        assertThat(documents).hasSize(series.size()).hasSize(28);
        for (int i = 0; i < series.size(); i++) {
            StoredInstanceRef ref = series.get(i);
            org.w3c.dom.Element root = documents.get(i);
            assertThat(root.getLocalName()).isEqualTo("NativeDicomModel");
            assertThat(xmlAttribute(root, "00080018").getTextContent().strip()).isEqualTo(ref.sopInstanceUid());
            org.w3c.dom.Element bulk = (org.w3c.dom.Element) xmlAttribute(root, PIXEL_DATA)
                    .getElementsByTagNameNS("*", "BulkData").item(0);
            assertThat(bulk.getAttribute("URI")).isEqualTo(wado.base() + seriesPath(ref) + "/instances/"
                    + ref.sopInstanceUid() + "/bulkdata/" + PIXEL_DATA);
        }
        // the same attributes as the JSON metadata says, one DicomAttribute per top-level attribute
        JsonNode json = JSON.readTree(wado.get(seriesPath(ctSlice) + "/metadata", ACCEPT, JSON_TYPE).body()).get(0);
        assertThat(documents.getFirst().getElementsByTagNameNS("*", "DicomAttribute").getLength())
                .isGreaterThanOrEqualTo(json.size());
    }

    @Test
    void xmlMetadataGivesChineseNamesByGroupAndComponentAtEveryLevel() throws Exception {
        String series = GENERATED_STUDY + ".3";
        Dataset d = new Dataset();
        d.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        d.setString(Tag.SOPInstanceUID, VR.UI, series + ".1");
        d.setString(Tag.StudyInstanceUID, VR.UI, GENERATED_STUDY);
        d.setString(Tag.SeriesInstanceUID, VR.UI, series);
        d.setString(Tag.Modality, VR.CS, "OT");
        d.setString(Tag.PatientName, VR.PN, "Wang^XiaoDong=王^小东");
        StoredFiles.store(node, StoredFiles.part10(d));
        String instancePath = "/studies/" + GENERATED_STUDY + "/series/" + series + "/instances/" + series + ".1";

        for (String path : List.of(instancePath, "/studies/" + GENERATED_STUDY + "/series/" + series, "/studies/"
                + GENERATED_STUDY)) {
            HttpResponse<byte[]> r = wado.get(path + "/metadata", ACCEPT, XML_ACCEPT);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            org.w3c.dom.Element root = xmlParts(r).stream().filter(e -> xmlAttribute(e, "00080018")
                    .getTextContent().strip().equals(series + ".1")).findFirst().orElseThrow();
            org.w3c.dom.Element name = xmlAttribute(root, "00100010");
            assertThat(personNameComponent(name, "Alphabetic", "FamilyName")).isEqualTo("Wang");
            assertThat(personNameComponent(name, "Ideographic", "FamilyName")).isEqualTo("王");
            assertThat(personNameComponent(name, "Ideographic", "GivenName")).isEqualTo("小东");
        }
    }

    private static final String XML_ACCEPT = "multipart/related; type=\"application/dicom+xml\"";

    /** The parts of a multipart/related response, each parsed as XML. */
    private static List<org.w3c.dom.Element> xmlParts(HttpResponse<byte[]> r) throws Exception {
        String contentType = r.headers().firstValue("Content-Type").orElseThrow();
        String boundary = java.util.Arrays.stream(contentType.split(";")).map(String::strip)
                .filter(p -> p.startsWith("boundary=")).findFirst().orElseThrow().substring("boundary=".length());
        String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).endsWith("--" + boundary + "--\r\n");
        List<org.w3c.dom.Element> documents = new ArrayList<>();
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            assertThat(part.substring(0, headersEnd)).contains("Content-Type: application/dicom+xml");
            String xml = part.substring(headersEnd + 4, part.length() - 2); // the CRLF before the next delimiter
            documents.add(factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))).getDocumentElement());
        }
        return documents;
    }

    private static org.w3c.dom.Element xmlAttribute(org.w3c.dom.Element dataset, String tag) {
        for (org.w3c.dom.Node n = dataset.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && "DicomAttribute".equals(e.getLocalName())
                    && e.getAttribute("tag").equals(tag)) {
                return e;
            }
        }
        throw new AssertionError("no attribute " + tag);
    }

    private static String personNameComponent(org.w3c.dom.Element name, String group, String component) {
        org.w3c.dom.Element g = (org.w3c.dom.Element) name.getElementsByTagNameNS("*", group).item(0);
        return g.getElementsByTagNameNS("*", component).item(0).getTextContent();
    }

    @Test
    void unknownSeriesIs404AndUnofferedTypesAre406() throws Exception {
        assertThat(wado.get("/studies/" + ctSlice.studyInstanceUid() + "/series/1.2.3/metadata", ACCEPT, JSON_TYPE)
                .statusCode()).isEqualTo(404);
        assertThat(wado.get("/studies/1.2.3/series/" + ctSlice.seriesInstanceUid() + "/metadata", ACCEPT,
                JSON_TYPE).statusCode()).isEqualTo(404);
        assertThat(wado.get("/studies/1.2.3/metadata", ACCEPT, JSON_TYPE).statusCode()).isEqualTo(404);
        assertThat(wado.get(seriesPath(ctSlice) + "/metadata", ACCEPT, "text/html").statusCode()).isEqualTo(406);
        // XML metadata comes only as multipart/related parts (PS3.18 §8.7.3), not as a bare document
        assertThat(wado.get(seriesPath(ctSlice) + "/metadata", ACCEPT, "application/dicom+xml").statusCode())
                .isEqualTo(406);
        assertThat(wado.get("/studies/1.2.3/metadata", ACCEPT, XML_ACCEPT).statusCode()).isEqualTo(404);
    }

    private static void storeGenerated(String series, int number) throws Exception {
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        d.setString(Tag.SOPInstanceUID, VR.UI, series + "." + number);
        d.setString(Tag.StudyInstanceUID, VR.UI, GENERATED_STUDY);
        d.setString(Tag.SeriesInstanceUID, VR.UI, series);
        d.setString(Tag.InstanceNumber, VR.IS, String.valueOf(number));
        d.setString(Tag.Modality, VR.CS, "OT");
        StoredFiles.store(node, StoredFiles.part10(d));
    }
}
