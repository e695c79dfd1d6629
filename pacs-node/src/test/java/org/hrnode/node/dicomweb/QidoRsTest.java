package org.hrnode.node.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.stream.StreamSupport;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.node.peers.NodeUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QIDO-RS against a started node over HTTP, with the JDK's client: every search resource, each kind of matching,
 * includefield, paging and the server's maximum, fuzzy matching of Chinese and accented names, the computed
 * attributes, Chinese names from GB18030, ISO_IR 192 and ISO 2022 IR 58 files in UTF-8 JSON, and the 204, 400 and 406
 * answers. The node holds three made-up studies (below) and three real character-set files:
 * <pre>
 * A  QA1 Wang^XiaoDong=王^小东=Wáng^Xiǎodōng  20200315 101500 ACC-A1  CT series (3 CT images), MR series (2 MR)
 * B  QA2 Müller^Jürgen                       20210620 143000 ACC-B1  CT series (1 CT)
 * C  QA3 Zhang^San=张^三                       20191231 080000 ACC-C1  DX series (1 DX)
 * </pre>
 */
class QidoRsTest {

    private static final String ROOT = "1.2.826.0.1.3680043.2.1125.77.";
    private static final String A = ROOT + "1";
    private static final String B = ROOT + "2";
    private static final String C = ROOT + "3";
    private static final String A_CT = A + ".1";
    private static final String A_MR = A + ".2";
    private static final String CT = UID.CTImageStorage;
    private static final String MR = UID.MRImageStorage;
    private static final int MAX_RESULTS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static NodeUnderTest node;
    private static HttpClient client;
    /** Study Instance UIDs of the real files, by file name. */
    private static final Map<String, String> CHARSET_STUDIES = new java.util.HashMap<>();

    @BeforeAll
    static void storeStudies() throws Exception {
        Path charsets = TestData.sharedData().resolve("charset");
        TestData.require(Files.isDirectory(charsets), "character-set files in " + charsets);
        node = NodeUnderTest.start(dir.resolve("data"), "--qido-max-results", Integer.toString(MAX_RESULTS));
        String wang = "Wang^XiaoDong=王^小东=Wáng^Xiǎodōng";
        store(instance("QA1", wang, A, "20200315", "101500", "ACC-A1", A_CT, "CT", 1, CT, 1));
        store(instance("QA1", wang, A, "20200315", "101500", "ACC-A1", A_CT, "CT", 1, CT, 2));
        store(instance("QA1", wang, A, "20200315", "101500", "ACC-A1", A_CT, "CT", 1, CT, 3));
        store(instance("QA1", wang, A, "20200315", "101500", "ACC-A1", A_MR, "MR", 2, MR, 1));
        store(instance("QA1", wang, A, "20200315", "101500", "ACC-A1", A_MR, "MR", 2, MR, 2));
        store(instance("QA2", "Müller^Jürgen", B, "20210620", "143000", "ACC-B1", B + ".1", "CT", 1, CT, 1));
        store(instance("QA3", "Zhang^San=张^三", C, "20191231", "080000", "ACC-C1", C + ".1", "DX", 1,
                UID.DigitalXRayImageStorageForPresentation, 1));
        for (String name : List.of("chrX1.dcm", "chrX2.dcm", "chrGB2312.dcm")) {
            CHARSET_STUDIES.put(name, storeFile(charsets.resolve(name)));
        }
        client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static Dataset instance(String patientId, String name, String study, String date, String time,
                                    String accession, String series, String modality, int seriesNumber,
                                    String sopClass, int number) {
        Dataset d = new Dataset();
        d.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        d.setString(Tag.SOPClassUID, VR.UI, sopClass);
        d.setString(Tag.SOPInstanceUID, VR.UI, series + "." + number);
        d.setString(Tag.StudyDate, VR.DA, date);
        d.setString(Tag.StudyTime, VR.TM, time);
        d.setString(Tag.AccessionNumber, VR.SH, accession);
        d.setString(Tag.Modality, VR.CS, modality);
        d.setString(Tag.StudyDescription, VR.LO, "头部平扫");
        d.setString(Tag.PatientName, VR.PN, name);
        d.setString(Tag.PatientID, VR.LO, patientId);
        d.setString(Tag.StudyInstanceUID, VR.UI, study);
        d.setString(Tag.SeriesInstanceUID, VR.UI, series);
        d.setString(Tag.SeriesNumber, VR.IS, Integer.toString(seriesNumber));
        d.setString(Tag.InstanceNumber, VR.IS, Integer.toString(number));
        d.setInts(Tag.Rows, VR.US, 512);
        d.setInts(Tag.Columns, VR.US, 512);
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.setString(Tag.SliceThickness, VR.DS, "1.25");
        d.setString(Tag.ImageComments, VR.LT, "第" + number + "层");
        return d;
    }

    private static void store(Dataset d) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        node.node().ingest().ingest(new IngestSource("QIDO_TEST", "test"), d.getString(Tag.SOPClassUID),
                d.getString(Tag.SOPInstanceUID), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** Ingests a Part 10 file's data set as it is, bytes and character set untouched; returns its study UID. */
    private static String storeFile(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        DicomReader reader = new DicomReader(new ByteArrayInputStream(bytes), bytes.length, ReadOptions.defaults());
        DicomReader.Part10Header header = reader.readPart10Header();
        int start = (int) reader.position();
        Dataset dataset = reader.readDataset(Tag.PixelData);
        try (InputStream dataSet = new ByteArrayInputStream(bytes, start, bytes.length - start)) {
            node.node().ingest().ingest(new IngestSource("QIDO_TEST", "test"),
                    header.fileMetaInformation().getString(Tag.MediaStorageSOPClassUID),
                    header.fileMetaInformation().getString(Tag.MediaStorageSOPInstanceUID),
                    header.transferSyntax().uid(), dataSet);
        }
        return dataset.getString(Tag.StudyInstanceUID);
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(TIMEOUT).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String base() {
        return "http://127.0.0.1:" + node.node().httpPort() + "/dicomweb";
    }

    /** {@code path} with its query parameters, values URL-encoded. */
    private static String q(String path, String... nameValuePairs) {
        StringBuilder url = new StringBuilder(path);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append(nameValuePairs[i]).append('=')
                    .append(URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.toString();
    }

    /** The matches of a successful search. */
    private static List<JsonNode> search(String path, String... nameValuePairs) throws Exception {
        HttpResponse<String> r = get(q(path, nameValuePairs), "application/dicom+json");
        if (r.statusCode() == 204) {
            return List.of();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/dicom+json"));
        return StreamSupport.stream(JSON.readTree(r.body()).spliterator(), false).toList();
    }

    private static List<String> values(List<JsonNode> matches, String tag) {
        List<String> out = new ArrayList<>();
        for (JsonNode match : matches) {
            out.add(text(match, tag));
        }
        return out;
    }

    private static String text(JsonNode match, String tag) {
        JsonNode value = match.path(tag).path("Value").path(0);
        return value.isMissingNode() ? null : value.asText();
    }

    private static List<String> studyUids(String... nameValuePairs) throws Exception {
        return values(search("/studies", nameValuePairs), "0020000D");
    }

    @Test
    void studySearchReturnsTheDefaultAndComputedAttributes() throws Exception {
        List<JsonNode> matches = search("/studies", "PatientID", "QA1");

        assertThat(matches).hasSize(1);
        JsonNode a = matches.getFirst();
        assertThat(text(a, "0020000D")).isEqualTo(A);
        assertThat(a.path("00100010").path("Value").path(0).path("Alphabetic").asText()).isEqualTo("Wang^XiaoDong");
        assertThat(a.path("00100010").path("Value").path(0).path("Ideographic").asText()).isEqualTo("王^小东");
        assertThat(a.path("00100010").path("Value").path(0).path("Phonetic").asText()).isEqualTo("Wáng^Xiǎodōng");
        assertThat(text(a, "00080020")).isEqualTo("20200315");
        assertThat(text(a, "00080050")).isEqualTo("ACC-A1");
        assertThat(text(a, "00081030")).isEqualTo("头部平扫");
        assertThat(a.path("00080061").path("Value").toString()).isEqualTo("[\"CT\",\"MR\"]");
        assertThat(a.path("00201206").path("Value").path(0).asInt()).as("NumberOfStudyRelatedSeries").isEqualTo(2);
        assertThat(a.path("00201208").path("Value").path(0).asInt()).as("NumberOfStudyRelatedInstances")
                .isEqualTo(5);
        assertThat(text(a, "00080056")).isEqualTo("ONLINE");
        assertThat(text(a, "00081190")).isEqualTo(base() + "/studies/" + A);
        assertThat(a.has("00080052")).as("no Query/Retrieve Level in QIDO").isFalse();
        assertThat(a.has("00080062")).as("SOP Classes in Study only when asked").isFalse();

        JsonNode withClasses = search("/studies", "PatientID", "QA1", "includefield", "SOPClassesInStudy")
                .getFirst();
        assertThat(withClasses.path("00080062").path("Value").toString()).isEqualTo("[\"" + CT + "\",\"" + MR
                + "\"]");
    }

    @Test
    void everySearchResourceAnswersAtItsLevel() throws Exception {
        List<JsonNode> seriesOfA = search("/studies/" + A + "/series");
        assertThat(values(seriesOfA, "0020000E")).containsExactly(A_CT, A_MR);
        assertThat(values(seriesOfA, "00080060")).containsExactly("CT", "MR");
        assertThat(values(seriesOfA, "00201209")).as("NumberOfSeriesRelatedInstances").containsExactly("3", "2");
        assertThat(values(seriesOfA, "00081190")).containsExactly(base() + "/studies/" + A + "/series/" + A_CT,
                base() + "/studies/" + A + "/series/" + A_MR);
        assertThat(seriesOfA.getFirst().has("00100010")).as("study attributes only in /series").isFalse();

        List<JsonNode> allCtSeries = search("/series", "Modality", "CT");
        assertThat(values(allCtSeries, "0020000E")).containsExactly(A_CT, B + ".1");
        assertThat(values(allCtSeries, "00100020")).as("study attributes in /series").containsExactly("QA1", "QA2");

        List<JsonNode> instancesOfSeries = search("/studies/" + A + "/series/" + A_CT + "/instances");
        assertThat(values(instancesOfSeries, "00080018")).containsExactly(A_CT + ".1", A_CT + ".2", A_CT + ".3");
        assertThat(values(instancesOfSeries, "00080016")).containsOnly(CT);
        assertThat(values(instancesOfSeries, "00200013")).containsExactly("1", "2", "3");
        assertThat(values(instancesOfSeries, "00280010")).containsOnly("512");
        assertThat(values(instancesOfSeries, "00081190")).first().isEqualTo(base() + "/studies/" + A + "/series/"
                + A_CT + "/instances/" + A_CT + ".1");

        assertThat(search("/studies/" + A + "/instances")).hasSize(5);
        assertThat(values(search("/studies/" + A + "/instances", "Modality", "MR"), "00080018"))
                .containsExactly(A_MR + ".1", A_MR + ".2");
        List<JsonNode> byUidList = search("/instances", "SOPInstanceUID", A_CT + ".2," + B + ".1.1");
        assertThat(values(byUidList, "00080018")).containsExactly(A_CT + ".2", B + ".1.1");
        assertThat(values(byUidList, "00100020")).as("study attributes in /instances").containsExactly("QA1", "QA2");
        assertThat(values(byUidList, "00080060")).as("series attributes in /instances").containsExactly("CT", "CT");
    }

    @Test
    void eachKindOfMatching() throws Exception {
        assertThat(studyUids("PatientID", "QA2")).containsExactly(B);
        assertThat(studyUids("00100020", "QA?")).containsExactly(A, B, C);
        assertThat(studyUids("PatientName", "Mül*")).containsExactly(B);
        assertThat(studyUids("PatientName", "MULLER^JURGEN")).as("PN case and accents").containsExactly(B);
        assertThat(studyUids("PatientName", "张*")).containsExactly(C, CHARSET_STUDIES.get("chrGB2312.dcm"));
        assertThat(studyUids("PatientName", "张^三")).containsExactly(C);
        assertThat(studyUids("AccessionNumber", "ACC-?1")).containsExactly(A, B, C);
        assertThat(studyUids("StudyDate", "20200101-20201231")).containsExactly(A);
        assertThat(studyUids("StudyDate", "-20200101")).containsExactly(C);
        assertThat(studyUids("StudyDate", "20210620")).containsExactly(B);
        assertThat(studyUids("StudyDate", "20200101-", "StudyTime", "14-15")).containsExactly(B);
        assertThat(studyUids("StudyInstanceUID", A + "\\" + C)).containsExactly(A, C);
        assertThat(studyUids("ModalitiesInStudy", "MR")).containsExactly(A);
        assertThat(studyUids("ModalitiesInStudy", "DX,MR")).containsExactly(A, C);
        assertThat(studyUids("SOPClassesInStudy", UID.DigitalXRayImageStorageForPresentation)).containsExactly(C);
    }

    @Test
    void includefieldAddsAttributesAndAllAddsEverythingHeld() throws Exception {
        JsonNode a = search("/studies", "PatientID", "QA1", "includefield", "00080062,IssuerOfPatientID",
                "includefield", "PatientAge").getFirst();
        assertThat(a.has("00080062")).isTrue();
        assertThat(a.has("00100021")).isTrue();
        assertThat(a.has("00101010")).as("PatientAge is not in the index: left out").isFalse();

        JsonNode all = search("/studies", "PatientID", "QA1", "includefield", "all").getFirst();
        assertThat(all.has("00080062")).isTrue();
        assertThat(all.has("00080080")).as("InstitutionName").isTrue();
        assertThat(all.has("00081190")).isTrue();
    }

    @Test
    void instanceSearchesReadIncludedAttributesTheIndexLacksFromTheStoredMetadata() throws Exception {
        List<JsonNode> instances = search("/studies/" + A + "/series/" + A_CT + "/instances", "includefield",
                "SliceThickness,ImageComments,00280100,PatientAge");

        assertThat(instances).hasSize(3);
        JsonNode second = instances.get(1);
        assertThat(second.path("00180050").path("Value").path(0).asDouble()).isEqualTo(1.25);
        assertThat(text(second, "00204000")).isEqualTo("第2层");
        assertThat(second.path("00280100").path("Value").path(0).asInt()).isEqualTo(16);
        assertThat(second.path("00101010").path("vr").asText()).as("not in the object: empty").isEqualTo("AS");
        assertThat(second.path("00101010").has("Value")).isFalse();

        assertThat(search("/studies/" + A + "/series/" + A_CT + "/instances").getFirst().has("00180050"))
                .as("not unless asked").isFalse();
        assertThat(search("/studies", "PatientID", "QA1", "includefield", "SliceThickness").getFirst()
                .has("00180050")).as("only instance searches read the metadata").isFalse();
    }

    @Test
    void limitOffsetAndTheServersMaximum() throws Exception {
        // ten instances in all, at most eight per response
        HttpResponse<String> capped = get("/instances", null);
        assertThat(capped.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(capped.body())).hasSize(MAX_RESULTS);
        assertThat(capped.headers().firstValue("Warning")).hasValueSatisfying(w -> assertThat(w)
                .startsWith("299 127.0.0.1:" + node.node().httpPort() + ": ")
                .endsWith("\"The number of results exceeded the maximum supported by the server. Additional"
                        + " results can be requested.\""));

        HttpResponse<String> askedTooMany = get("/instances?limit=100", null);
        assertThat(JSON.readTree(askedTooMany.body())).hasSize(MAX_RESULTS);
        assertThat(askedTooMany.headers().firstValue("Warning")).isPresent();

        HttpResponse<String> page = get("/instances?limit=3&offset=2", null);
        assertThat(JSON.readTree(page.body())).hasSize(3);
        assertThat(page.headers().firstValue("Warning")).as("the client's own limit").isEmpty();
        assertThat(values(search("/studies/" + A + "/instances", "limit", "2", "offset", "1"), "00080018"))
                .containsExactly(A_CT + ".2", A_CT + ".3");

        HttpResponse<String> rest = get("/instances?offset=8", null);
        assertThat(JSON.readTree(rest.body())).hasSize(2);
        assertThat(rest.headers().firstValue("Warning")).isEmpty();
        assertThat(get("/instances?offset=10", null).statusCode()).isEqualTo(204);
    }

    @Test
    void fuzzyMatchingFindsChineseAndPinyinNamesWithoutDelimiters() throws Exception {
        String x1 = CHARSET_STUDIES.get("chrX1.dcm");
        String x2 = CHARSET_STUDIES.get("chrX2.dcm");
        String gb = CHARSET_STUDIES.get("chrGB2312.dcm");

        assertThat(studyUids("PatientName", "王小东", "fuzzymatching", "true")).containsExactlyInAnyOrder(A, x2);
        assertThat(studyUids("PatientName", "王小东")).as("not fuzzy").isEmpty();
        assertThat(studyUids("PatientName", "小東", "fuzzymatching", "true")).containsExactly(x1);
        assertThat(studyUids("PatientName", "王*", "fuzzymatching", "true")).containsExactlyInAnyOrder(A, x1, x2);
        assertThat(studyUids("PatientName", "wang xiaodong", "fuzzymatching", "true"))
                .containsExactlyInAnyOrder(A, x1, x2);
        assertThat(studyUids("PatientName", "XIAODONG", "fuzzymatching", "true"))
                .containsExactlyInAnyOrder(A, x1, x2, gb);
        assertThat(studyUids("PatientName", "Xiǎodōng", "fuzzymatching", "true"))
                .containsExactlyInAnyOrder(A, x1, x2, gb);
        assertThat(studyUids("PatientName", "jurgen", "fuzzymatching", "true")).containsExactly(B);
        assertThat(studyUids("PatientName", "张三", "fuzzymatching", "true")).containsExactly(C);
    }

    @Test
    void chineseNamesFromEveryCharacterSetComeOutInUtf8() throws Exception {
        Map<String, String> expected = Map.of("chrX1.dcm", "王^小東", "chrX2.dcm", "王^小东", "chrGB2312.dcm",
                "张^小东");
        for (Map.Entry<String, String> file : expected.entrySet()) {
            JsonNode match = search("/studies", "StudyInstanceUID", CHARSET_STUDIES.get(file.getKey())).getFirst();
            assertThat(match.path("00100010").path("Value").path(0).path("Ideographic").asText()).as(file.getKey())
                    .isEqualTo(file.getValue());
            assertThat(text(match, "00080005")).isEqualTo("ISO_IR 192");
        }
    }

    /** The study list request of OHIF v3 (platform/core qido.js mapParams): empty keys, fuzzymatching=false. */
    @Test
    void aViewersStudyListRequestIsAnswered() throws Exception {
        List<JsonNode> matches = search("/studies", "PatientName", "*wang*", "00100020", "", "AccessionNumber", "",
                "StudyDescription", "*平扫*", "limit", "101", "offset", "0", "fuzzymatching", "false", "includefield",
                "00081030,00080060", "StudyDate", "20200101-20201231");

        assertThat(values(matches, "0020000D")).containsExactly(A);
        assertThat(text(matches.getFirst(), "00081030")).isEqualTo("头部平扫");
    }

    @Test
    void noMatchIs204() throws Exception {
        HttpResponse<String> r = get("/studies?PatientID=nobody", null);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(get("/studies/" + ROOT + "99/series", null).statusCode()).isEqualTo(204);
    }

    @Test
    void badRequestsAre400WithAReason() throws Exception {
        assertBadRequest(q("/studies", "PatientNam", "x"), "PatientNam");
        assertBadRequest(q("/studies", "StudyDate", "20201231-20200101"), "after its end");
        assertBadRequest(q("/studies", "StudyDate", "2020-01-01"), "StudyDate");
        assertBadRequest(q("/studies", "limit", "-1"), "limit");
        assertBadRequest(q("/studies", "limit", "100000000000"), "limit");
        assertBadRequest(q("/studies", "offset", "x"), "offset");
        assertBadRequest(q("/studies", "Modality", "CT"), "cannot be matched in a study search");
        assertBadRequest(q("/studies", "NumberOfStudyRelatedInstances", "5"), "cannot be matched");
        assertBadRequest(q("/studies", "includefield", "PatientName;DROP TABLE studies"), "includefield");
        assertBadRequest(q("/studies", "StudyInstanceUID", "1.2' OR '1'='1"), "not a UID");
        assertBadRequest("/studies/..%2F..%2Fetc/series", "not a UID");
    }

    @Test
    void injectionInValuesIsMatchedLiterally() throws Exception {
        assertThat(get(q("/studies", "PatientName", "' OR 1=1 --"), null).statusCode()).isEqualTo(204);
        assertThat(get(q("/studies", "PatientID", "%';DELETE FROM studies;--"), null).statusCode()).isEqualTo(204);
        assertThat(studyUids("PatientID", "QA1")).containsExactly(A);
    }

    @Test
    void onlyDicomJsonOrJsonIsServed() throws Exception {
        assertThat(get("/studies?PatientID=QA1", "application/xml").statusCode()).isEqualTo(406);
        assertThat(get("/studies?PatientID=QA1", "multipart/related; type=\"application/dicom+xml\"").statusCode())
                .isEqualTo(406);
        HttpResponse<String> json = get("/studies?PatientID=QA1", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(get("/studies?PatientID=QA1", "*/*").headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/dicom+json"));
    }

    private static void assertBadRequest(String path, String reason) throws Exception {
        HttpResponse<String> r = get(path, "application/dicom+json");
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
        assertThat(r.body()).as(path).contains(reason);
    }
}
