package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real DICOMweb clients need from a DICOMweb server, checked with the clients themselves: npm
 * {@code dicomweb-client} searches at every level, retrieves instances, metadata, frames and rendered images, stores
 * with STOW-RS and gets back what it stored; OHIF v3 in headless Chromium lists studies (Chinese names included)
 * and draws an image. Each subclass runs the same checks against one server: Orthanc's DICOMweb plugin, the
 * reference the harness is proven on, and the node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DicomWebClientsContract {

    static final String CT_STUDY = "1.2.826.0.1.3680043.9.4245.1760717064491086528325869788156915668";
    private static final int CT_ROWS = 512;
    private static final String WANG_ALPHABETIC = "Wang^XiaoDong";
    /** A rendered image of a real CT has hundreds of grey levels; a blank or broken one a handful at most. */
    private static final int MIN_GREY_LEVELS = 16;

    /** The class's scratch directory (an instance field with @TempDir is not set before @BeforeAll). */
    Path work;
    DicomWebClientPeer client;
    List<Path> ctSeries;
    Path chrX1;
    Path chrX2;
    Path chrGb2312;
    /** GB18030 and UTF-8 files whose name is Chinese in the first group only, as many Chinese sites write names. */
    Path chineseFirstGroup;
    Path chineseFirstGroupUtf8;
    /** Where the browser tests leave their screenshots, for a person to look at. */
    private static final Path SCREENSHOTS = Path.of("target", "dicomweb-clients");

    /** Starts the server under test with its data under {@code dir}. */
    abstract void startServer(Path dir) throws Exception;

    abstract void stopServer() throws Exception;

    /** The server's DICOMweb root, without a trailing slash. */
    abstract String dicomWebRoot();

    /** The server's WADO-URI endpoint (the URL before {@code ?requestType=WADO}). */
    abstract String wadoUriEndpoint();

    /** Puts Part 10 files into the server by its ordinary ingest path (not STOW, which is tested on its own). */
    abstract void load(List<Path> files) throws Exception;

    /** Whether the server answers CORS for {@link #viewerPort()}; OHIF is proxied through its own origin if not. */
    abstract boolean answersCors();

    /** The port the OHIF viewer is served from: the origin the server was told to allow (0: any free port). */
    abstract int viewerPort();

    @BeforeAll
    final void startAndLoad(@TempDir Path dir) throws Exception {
        work = dir;
        NodeJsPeer.requireClients();
        Path shared = TestData.sharedData();
        ctSeries = TestData.dicomFilesUnder(shared.resolve("ct-head-ge"));
        chrX1 = shared.resolve("charset/chrX1.dcm");
        chrX2 = shared.resolve("charset/chrX2.dcm");
        chrGb2312 = shared.resolve("charset/chrGB2312.dcm");
        chineseFirstGroup = withChineseAlphabeticName(chrX2, "王^小东", "CN1", work.resolve("chinese-gb18030.dcm"));
        chineseFirstGroupUtf8 = withChineseAlphabeticName(chrX1, "王^小東", "CN2", work.resolve("chinese-utf8.dcm"));
        startServer(Files.createDirectories(work.resolve("server")));
        client = new DicomWebClientPeer(dicomWebRoot(), Files.createDirectories(work.resolve("client")));
        List<Path> files = new ArrayList<>(ctSeries);
        files.addAll(List.of(chrX1, chrX2, chrGb2312, chineseFirstGroup, chineseFirstGroupUtf8));
        load(files);
    }

    @AfterAll
    final void stop() throws Exception {
        stopServer();
    }

    /**
     * A copy of {@code source} (written in its own character set) with {@code name} as its only name group and UIDs
     * of its own, the source's with {@code .N} appended, N from the patient id {@code CN<N>}.
     */
    private static Path withChineseAlphabeticName(Path source, String name, String patientId, Path target)
            throws Exception {
        Dataset ds = Part10DataSet.datasetOf(source);
        ds.setString(Tag.PatientName, VR.PN, name);
        ds.setString(Tag.PatientID, VR.LO, patientId);
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID}) {
            ds.setString(tag, VR.UI, ds.getString(tag) + "." + patientId.substring(2));
        }
        DicomWriter.writeFile(target, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return target;
    }

    static Dataset dataset(Path file) throws Exception {
        return Part10DataSet.datasetOf(file);
    }

    static String uid(Path file, int tag) throws Exception {
        return dataset(file).getString(tag);
    }

    /** The first value of a DICOM JSON attribute ({@code tag} as 8 hex digits), or null. */
    static JsonNode first(JsonNode object, String tag) {
        JsonNode value = object.path(tag).path("Value");
        return value.isArray() && !value.isEmpty() ? value.get(0) : null;
    }

    static String firstText(JsonNode object, String tag) {
        JsonNode v = first(object, tag);
        return v == null ? null : v.asText();
    }

    static Set<String> texts(JsonNode array, String tag) {
        Set<String> values = new TreeSet<>();
        array.forEach(o -> values.add(firstText(o, tag)));
        return values;
    }

    private static ObjectNode query(String key, String value) {
        ObjectNode options = DicomWebClientPeer.options();
        options.putObject("queryParams").put(key, value);
        return options;
    }

    private static ObjectNode instanceOptions(Path file) throws Exception {
        Dataset ds = dataset(file);
        ObjectNode options = DicomWebClientPeer.options();
        options.put("studyInstanceUID", ds.getString(Tag.StudyInstanceUID))
                .put("seriesInstanceUID", ds.getString(Tag.SeriesInstanceUID))
                .put("sopInstanceUID", ds.getString(Tag.SOPInstanceUID));
        return options;
    }

    /** The native Pixel Data of a file: what frame 1 of a single-frame uncompressed image is. */
    static byte[] pixelData(Path file) throws Exception {
        Object value = dataset(file).getValue(Tag.PixelData);
        return value instanceof BulkData bulk ? bulk.readAll() : (byte[]) value;
    }

    @Test
    void studySearchDecodesChineseNamesFromEveryCharacterSet() throws Exception {
        record Expected(Path file, String alphabetic, String ideographic) {
        }
        for (Expected e : List.of(new Expected(chrX1, WANG_ALPHABETIC, "王^小東"),
                new Expected(chrX2, WANG_ALPHABETIC, "王^小东"),
                new Expected(chrGb2312, "Zhang^XiaoDong", "张^小东"),
                new Expected(chineseFirstGroup, "王^小东", null),
                new Expected(chineseFirstGroupUtf8, "王^小東", null))) {
            String study = uid(e.file(), Tag.StudyInstanceUID);
            JsonNode found = client.json("searchForStudies", query("StudyInstanceUID", study));
            assertThat(found).as(e.file() + " " + found).hasSize(1);
            assertThat(firstText(found.get(0), "0020000D")).isEqualTo(study);
            JsonNode name = first(found.get(0), "00100010");
            assertThat(name).as("PatientName of " + e.file() + ": " + found).isNotNull();
            assertThat(name.path("Alphabetic").asText()).as(e.file().toString()).isEqualTo(e.alphabetic());
            if (e.ideographic() != null) {
                assertThat(name.path("Ideographic").asText()).as(e.file().toString()).isEqualTo(e.ideographic());
            }
        }
    }

    @Test
    void studySearchByNameWildcardFindsExactlyTheMatchingStudies() throws Exception {
        JsonNode found = client.json("searchForStudies", query("PatientName", "Wang*"));
        assertThat(texts(found, "0020000D")).containsExactlyInAnyOrder(uid(chrX1, Tag.StudyInstanceUID),
                uid(chrX2, Tag.StudyInstanceUID));
    }

    @Test
    void seriesAndInstanceSearchListTheCtSeries() throws Exception {
        Set<String> seriesUids = new TreeSet<>();
        Set<String> sopUids = new TreeSet<>();
        for (Path f : ctSeries) {
            seriesUids.add(uid(f, Tag.SeriesInstanceUID));
            sopUids.add(uid(f, Tag.SOPInstanceUID));
        }
        ObjectNode inStudy = DicomWebClientPeer.options().put("studyInstanceUID", CT_STUDY);
        JsonNode series = client.json("searchForSeries", inStudy);
        assertThat(texts(series, "0020000E")).isEqualTo(seriesUids);
        assertThat(texts(series, "00080060")).containsExactly("CT");
        Set<String> found = new TreeSet<>();
        for (String s : seriesUids) {
            JsonNode instances = client.json("searchForInstances",
                    DicomWebClientPeer.options().put("studyInstanceUID", CT_STUDY).put("seriesInstanceUID", s));
            found.addAll(texts(instances, "00080018"));
        }
        assertThat(found).isEqualTo(sopUids);
        JsonNode byModality = client.json("searchForSeries", query("Modality", "CT"));
        assertThat(texts(byModality, "0020000E")).containsAll(seriesUids);
    }

    /**
     * Where a retrieved instance differs from the original file (null: nowhere), apart from Lossy Image Compression
     * "00", which an archive that compressed the image losslessly adds to say so (PS3.3 C.7.6.1.1.5; the node does).
     */
    static String differenceFromOriginal(Path retrieved, Path original) throws Exception {
        Dataset got = Part10DataSet.datasetOf(retrieved);
        Dataset sent = dataset(original);
        if (!sent.contains(Tag.LossyImageCompression) && "00".equals(got.getString(Tag.LossyImageCompression))) {
            got.remove(Tag.LossyImageCompression);
        }
        return RoundTripCheck.differenceIgnoringPadding(got, sent);
    }

    @Test
    void retrievedInstanceIsTheStoredDataSet() throws Exception {
        for (Path file : List.of(chrX2, ctSeries.get(0))) {
            List<Path> parts = client.parts("retrieveInstance", instanceOptions(file));
            assertThat(parts).hasSize(1);
            assertThat(differenceFromOriginal(parts.get(0), file)).as(file.toString()).isNull();
        }
    }

    @Test
    void studyAndSeriesMetadataDescribeEveryInstanceWithoutInlinePixels() throws Exception {
        Set<String> sopUids = new HashSet<>();
        for (Path f : ctSeries) {
            sopUids.add(uid(f, Tag.SOPInstanceUID));
        }
        JsonNode study = client.json("retrieveStudyMetadata",
                DicomWebClientPeer.options().put("studyInstanceUID", CT_STUDY));
        assertThat(texts(study, "00080018")).isEqualTo(new TreeSet<>(sopUids));
        JsonNode series = client.json("retrieveSeriesMetadata", DicomWebClientPeer.options()
                .put("studyInstanceUID", CT_STUDY)
                .put("seriesInstanceUID", uid(ctSeries.get(0), Tag.SeriesInstanceUID)));
        assertThat(series).isNotEmpty();
        for (JsonNode instance : series) {
            assertThat(first(instance, "00280010").asInt()).isEqualTo(CT_ROWS);
            JsonNode pixels = instance.path("7FE00010");
            assertThat(pixels.has("BulkDataURI") || pixels.has("InlineBinary"))
                    .as("Pixel Data of " + firstText(instance, "00080018") + ": " + pixels).isTrue();
        }
    }

    @Test
    void instanceMetadataLeadsToThePixelDataAsBulkData() throws Exception {
        Path file = ctSeries.get(0);
        JsonNode metadata = client.json("retrieveInstanceMetadata", instanceOptions(file));
        assertThat(metadata).hasSize(1);
        JsonNode instance = metadata.get(0);
        assertThat(firstText(instance, "00080018")).isEqualTo(uid(file, Tag.SOPInstanceUID));
        assertThat(firstText(instance, "00200013")).isEqualTo(dataset(file).getString(Tag.InstanceNumber));
        JsonNode pixels = instance.path("7FE00010");
        byte[] got;
        if (pixels.has("InlineBinary")) {
            got = Base64.getDecoder().decode(pixels.get("InlineBinary").asText());
        } else {
            assertThat(pixels.has("BulkDataURI")).as("Pixel Data: " + pixels).isTrue();
            // PS3.18 F.2.6 allows a URI relative to the service's root; OHIF resolves it the same way
            String uri = URI.create(dicomWebRoot() + "/").resolve(pixels.get("BulkDataURI").asText()).toString();
            List<Path> parts = client.parts("retrieveBulkData", DicomWebClientPeer.options().put("BulkDataURI", uri));
            assertThat(parts).hasSize(1);
            got = Files.readAllBytes(parts.get(0));
        }
        assertThat(got).isEqualTo(pixelData(file));
    }

    @Test
    void frameIsTheStoredPixelData() throws Exception {
        Path file = ctSeries.get(0);
        ObjectNode options = instanceOptions(file);
        options.putArray("frameNumbers").add(1);
        List<Path> frames = client.parts("retrieveInstanceFrames", options);
        assertThat(frames).hasSize(1);
        assertThat(Files.readAllBytes(frames.get(0))).isEqualTo(pixelData(file));
    }

    @Test
    void renderedInstanceIsAPictureOfTheImage() throws Exception {
        List<Path> parts = client.parts("retrieveInstanceRendered", instanceOptions(ctSeries.get(0)));
        BufferedImage image = ImageIO.read(parts.get(0).toFile());
        assertThat(image).as("a JPEG or PNG ImageIO reads").isNotNull();
        assertThat(image.getWidth()).isEqualTo(CT_ROWS);
        assertThat(image.getHeight()).isEqualTo(CT_ROWS);
        assertThat(greyLevels(image)).isGreaterThan(MIN_GREY_LEVELS);
    }

    /** A screenshot file under target/dicomweb-clients named after the server's test class and {@code what}. */
    private Path screenshot(String what) throws Exception {
        return Files.createDirectories(SCREENSHOTS).toAbsolutePath()
                .resolve(getClass().getSimpleName() + "-" + what + ".png");
    }

    static int greyLevels(BufferedImage image) {
        Set<Integer> levels = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                levels.add(image.getRGB(x, y) & 0xff);
            }
        }
        return levels.size();
    }

    @Test
    void storedInstanceComesBackIdentical() throws Exception {
        Path file = TestData.pydicomTestFiles().resolve("CT_small.dcm");
        ObjectNode store = DicomWebClientPeer.options();
        store.putArray("files").add(file.toString());
        NodeJsPeer.Answer stored = client.call("storeInstances", store);
        assertThat(stored.ok()).as(stored.describe()).isTrue();
        JsonNode searched = client.json("searchForInstances",
                query("SOPInstanceUID", uid(file, Tag.SOPInstanceUID)));
        assertThat(searched).as("the stored instance is found").hasSize(1);

        List<Path> parts = client.parts("retrieveInstance", instanceOptions(file));
        assertThat(differenceFromOriginal(parts.get(0), file)).isNull();
        ObjectNode frameOptions = instanceOptions(file);
        frameOptions.putArray("frameNumbers").add(1);
        assertThat(Files.readAllBytes(client.parts("retrieveInstanceFrames", frameOptions).get(0)))
                .isEqualTo(pixelData(file));
    }

    @Test
    void ohifDrawsTheCtStudyWithoutFailedRequests() throws Exception {
        NodeJsPeer.requireBrowser();
        OhifViewer.Visit visit = OhifViewer.open(dicomWebRoot(), null, CT_STUDY, viewerPort(), !answersCors(),
                screenshot("ct"));
        assertThat(visit.failedRequests()).as(visit.describe()).isEmpty();
        assertThat(visit.dicomWebRequests()).as(visit.describe()).isPositive();
        assertThat(visit.rendered()).as("the viewport drew the image: " + visit.describe()).isTrue();
    }

    @Test
    void ohifDrawsTheCtStudyFromWadoUri() throws Exception {
        NodeJsPeer.requireBrowser();
        OhifViewer.Visit visit = OhifViewer.open(dicomWebRoot(), wadoUriEndpoint(), CT_STUDY, viewerPort(),
                !answersCors(), screenshot("ct-wado-uri"));
        assertThat(visit.failedRequests()).as(visit.describe()).isEmpty();
        assertThat(visit.answeredRequestsContaining("requestType=WADO")).as(visit.describe()).isPositive();
        assertThat(visit.rendered()).as("the viewport drew the image: " + visit.describe()).isTrue();
    }

    @Test
    void ohifListsChineseNamesAndDrawsTheirImage() throws Exception {
        NodeJsPeer.requireBrowser();
        OhifViewer.Visit visit = OhifViewer.open(dicomWebRoot(), null, uid(chineseFirstGroup, Tag.StudyInstanceUID),
                viewerPort(), !answersCors(), screenshot("chinese"));
        assertThat(visit.failedRequests()).as(visit.describe()).isEmpty();
        // OHIF shows a name's first group with ", " between family and given name
        assertThat(visit.studyListText()).as(visit.describe()).contains("王, 小东", "王, 小東");
        assertThat(visit.rendered()).as("the viewport drew the image: " + visit.describe()).isTrue();
    }
}
