package org.hrnode.node.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.EncapsulatedFrames;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.app.Node;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WADO-RS retrieval of instances, frames and bulk data from a started node, judged by an independent reader
 * (Python's email parser, pydicom): stored bytes come back identical with {@code transfer-syntax=*}, transcoded
 * objects decode to the stored pixels, frames are the frames pydicom finds, ranges are the bytes asked for, and bad
 * requests get the status that says what was wrong.
 */
class WadoRsTest {

    private static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final String RLE = TransferSyntax.RLE_LOSSLESS.uid();
    private static final String DICOM_PARTS = "multipart/related; type=\"application/dicom\"";
    private static final String OCTET_PARTS = "multipart/related; type=\"application/octet-stream\"";
    private static final String ACCEPT = "Accept";

    @TempDir
    static Path dir;
    private static Node node;
    private static WadoClient wado;
    private static Path ctHead;
    private static Path ct1Rle;
    private static Path ct2Jlsl;
    private static Path ct2Rle;
    private static Path doseRle;
    private static Path doseNative;
    private static Path doseSplit;

    @BeforeAll
    static void storeTestObjects() throws Exception {
        WadoClient.requirePython();
        Path data = TestData.sharedData();
        ctHead = data.resolve("ct-head-ge");
        ct1Rle = data.resolve("wg04/RLE/CT1_RLE");
        ct2Jlsl = data.resolve("wg04/JLSL/CT2_JLSL");
        ct2Rle = data.resolve("wg04/RLE/CT2_RLE");
        doseRle = TestData.pydicomTestFiles().resolve("rtdose_rle.dcm");
        doseNative = nativeCopyOf(TestData.pydicomTestFiles().resolve("rtdose.dcm"));
        doseSplit = twoFragmentsPerFrameCopyOf(doseRle);
        node = Node.start(new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString(),
                "--dicom-port", "0", "--http-port", "0", "--bind-address", "127.0.0.1", "--uncompressed", "accept")));
        for (Path file : TestData.dicomFilesUnder(ctHead)) {
            StoredFiles.store(node, file);
        }
        for (Path file : List.of(ct1Rle, ct2Jlsl, doseRle, doseNative, doseSplit)) {
            StoredFiles.store(node, file);
        }
        wado = new WadoClient(node.httpPort(), dir);
    }

    /** rtdose.dcm (15 native frames) under another SOP Instance UID, as rtdose_rle.dcm has its UID. */
    private static Path nativeCopyOf(Path file) throws Exception {
        DicomFile dose = DicomReader.read(Files.newInputStream(file));
        Dataset dataset = dose.dataset();
        dataset.setString(Tag.SOPInstanceUID, VR.UI, dataset.getString(Tag.SOPInstanceUID) + ".2");
        Path copy = dir.resolve("rtdose_native.dcm");
        DicomWriter.writeFile(copy, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return copy;
    }

    /**
     * rtdose_rle.dcm under another SOP Instance UID with every frame cut into two fragments and a Basic Offset Table
     * saying where each frame starts, as some encoders write multi-frame objects.
     */
    private static Path twoFragmentsPerFrameCopyOf(Path file) throws Exception {
        Dataset dataset = DicomReader.read(Files.newInputStream(file)).dataset();
        int frames = dataset.getInt(Tag.NumberOfFrames, 1);
        List<byte[]> whole = EncapsulatedFrames.split(dataset.getFragments(Tag.PixelData), frames,
                Codecs.decoderFor(TransferSyntax.RLE_LOSSLESS).orElseThrow());
        ByteBuffer offsets = ByteBuffer.allocate(frames * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int position = 0;
        List<byte[]> pieces = new ArrayList<>();
        for (byte[] frame : whole) {
            offsets.putInt(position);
            int half = frame.length / 4 * 2;
            for (byte[] piece : List.of(Arrays.copyOfRange(frame, 0, half),
                    Arrays.copyOfRange(frame, half, frame.length))) {
                pieces.add(piece);
                position += 8 + piece.length;
            }
        }
        Fragments withTable = new Fragments();
        withTable.add(offsets.array());
        pieces.forEach(withTable::add);
        dataset.set(Tag.PixelData, VR.OB, withTable);
        dataset.setString(Tag.SOPInstanceUID, VR.UI, dataset.getString(Tag.SOPInstanceUID) + ".3");
        Path copy = dir.resolve("rtdose_split.dcm");
        DicomWriter.writeFile(copy, dataset, TransferSyntax.RLE_LOSSLESS);
        return copy;
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static StoredInstanceRef ref(Path file) throws Exception {
        String sop = WadoClient.describe(file).path("sopInstanceUid").asText();
        return node.storage().index().instancesOf(QueryLevel.IMAGE, sop).getFirst();
    }

    private static String instancePath(StoredInstanceRef ref) {
        return "/studies/" + ref.studyInstanceUid() + "/series/" + ref.seriesInstanceUid() + "/instances/"
                + ref.sopInstanceUid();
    }

    private static List<String> texts(JsonNode parts, String field) {
        List<String> out = new ArrayList<>();
        parts.forEach(p -> out.add(p.at(field).asText()));
        return out;
    }

    // ---- instances ------------------------------------------------------------------------------------------

    @Test
    void studyAsStoredIsEveryStoredObjectByteForByte() throws Exception {
        StoredInstanceRef first = ref(TestData.dicomFilesUnder(ctHead).getFirst());
        List<StoredInstanceRef> stored = node.storage().index().instancesOf(QueryLevel.STUDY,
                first.studyInstanceUid());

        HttpResponse<byte[]> r = wado.get("/studies/" + first.studyInstanceUid(),
                ACCEPT, DICOM_PARTS + "; transfer-syntax=*");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/related");
        assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(r.body().length));
        JsonNode parts = wado.parts(r);
        assertThat(parts).hasSize(stored.size()).hasSize(28);
        assertThat(new HashSet<>(texts(parts, "/sha256")))
                .isEqualTo(new HashSet<>(stored.stream().map(StoredInstanceRef::sha256).toList()));
        assertThat(texts(parts, "/contentType")).allSatisfy(t -> assertThat(t)
                .isEqualTo("application/dicom; transfer-syntax=" + EXPLICIT_LE));
    }

    @Test
    void withoutTransferSyntaxACompressedInstanceComesDecompressedWithTheSamePixels() throws Exception {
        StoredInstanceRef rle = ref(ct1Rle);

        HttpResponse<byte[]> r = wado.get(instancePath(rle), ACCEPT, DICOM_PARTS);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode part = wado.parts(r).get(0);
        assertThat(part.path("contentType").asText()).isEqualTo("application/dicom; transfer-syntax=" + EXPLICIT_LE);
        assertThat(part.at("/dicom/transferSyntax").asText()).isEqualTo(EXPLICIT_LE);
        assertThat(part.at("/dicom/sopInstanceUid").asText()).isEqualTo(rle.sopInstanceUid());
        assertThat(part.at("/dicom/pixelSha").asText())
                .isEqualTo(WadoClient.describe(ct1Rle).path("pixelSha").asText());
    }

    @Test
    void aRequestedLosslessSyntaxIsProducedFromAnotherCompression() throws Exception {
        StoredInstanceRef jpegLs = ref(ct2Jlsl);

        HttpResponse<byte[]> r = wado.get(instancePath(jpegLs), ACCEPT, DICOM_PARTS + "; transfer-syntax=" + RLE);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode part = wado.parts(r).get(0);
        assertThat(part.at("/dicom/transferSyntax").asText()).isEqualTo(RLE);
        // pydicom cannot decode JPEG-LS here; WG04's RLE file of the same image holds the same pixels
        assertThat(part.at("/dicom/pixelSha").asText())
                .isEqualTo(WadoClient.describe(ct2Rle).path("pixelSha").asText());
    }

    @Test
    void theStoredSyntaxWinsWhenTheClientAcceptsIt() throws Exception {
        StoredInstanceRef rle = ref(ct1Rle);

        HttpResponse<byte[]> r = wado.get(instancePath(rle), ACCEPT, DICOM_PARTS + "; transfer-syntax="
                + TransferSyntax.JPEG_BASELINE_8BIT.uid() + ", " + DICOM_PARTS + "; transfer-syntax=" + RLE
                + "; q=0.9, " + DICOM_PARTS + "; q=0.5");

        JsonNode part = wado.parts(r).get(0);
        assertThat(part.path("sha256").asText()).isEqualTo(rle.sha256());
        assertThat(r.headers().firstValue("ETag")).hasValue("\"" + rle.sha256() + "\"");
    }

    @Test
    void onlyLossySyntaxesAcceptedIs406() throws Exception {
        StoredInstanceRef rle = ref(ct1Rle);

        HttpResponse<byte[]> r = wado.get(instancePath(rle), ACCEPT, DICOM_PARTS + "; transfer-syntax="
                + TransferSyntax.JPEG_BASELINE_8BIT.uid());

        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(new String(r.body())).contains("without loss");
    }

    @Test
    void anAcceptHeaderWithoutDicomPartsIs406() throws Exception {
        assertThat(wado.get(instancePath(ref(ct1Rle)), ACCEPT, "application/json").statusCode()).isEqualTo(406);
    }

    // ---- frames ---------------------------------------------------------------------------------------------

    @Test
    void framesOfACompressedMultiFrameImageComeDecodedInTheOrderAsked() throws Exception {
        StoredInstanceRef dose = ref(doseRle);
        JsonNode expected = WadoClient.describe(doseRle).path("frameShas");

        HttpResponse<byte[]> r = wado.get(instancePath(dose) + "/frames/5,2", ACCEPT, OCTET_PARTS);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode parts = wado.parts(r);
        assertThat(texts(parts, "/sha256")).containsExactly(expected.get(4).asText(), expected.get(1).asText());
        assertThat(texts(parts, "/contentType")).containsOnly("application/octet-stream; transfer-syntax="
                + EXPLICIT_LE);
    }

    @Test
    void framesAsStoredAreTheCompressedBitstreamsUntouched() throws Exception {
        StoredInstanceRef dose = ref(doseRle);
        JsonNode stored = WadoClient.describe(doseRle).path("storedFrameShas");

        HttpResponse<byte[]> any = wado.get(instancePath(dose) + "/frames/3", ACCEPT, OCTET_PARTS
                + "; transfer-syntax=*");
        HttpResponse<byte[]> image = wado.get(instancePath(dose) + "/frames/3", ACCEPT,
                "multipart/related; type=\"image/dicom-rle\"");

        assertThat(wado.parts(any).get(0).path("sha256").asText()).isEqualTo(stored.get(2).asText());
        assertThat(wado.parts(any).get(0).path("contentType").asText()).endsWith("transfer-syntax=" + RLE);
        assertThat(wado.parts(image).get(0).path("sha256").asText()).isEqualTo(stored.get(2).asText());
        assertThat(wado.parts(image).get(0).path("contentType").asText()).startsWith("image/dicom-rle");
    }

    @Test
    void framesMadeOfSeveralFragmentsAreFoundByTheOffsetTable() throws Exception {
        JsonNode original = WadoClient.describe(doseRle);
        String instance = instancePath(ref(doseSplit));

        HttpResponse<byte[]> stored = wado.get(instance + "/frames/7,15", ACCEPT, OCTET_PARTS + "; transfer-syntax=*");
        HttpResponse<byte[]> decoded = wado.get(instance + "/frames/7", ACCEPT, OCTET_PARTS);

        assertThat(texts(wado.parts(stored), "/sha256")).containsExactly(
                original.at("/storedFrameShas/6").asText(), original.at("/storedFrameShas/14").asText());
        assertThat(wado.parts(decoded).get(0).path("sha256").asText()).isEqualTo(original.at("/frameShas/6").asText());
    }

    @Test
    void framesOfANativeMultiFrameImageAreItsSlices() throws Exception {
        JsonNode expected = WadoClient.describe(doseNative).path("frameShas");

        HttpResponse<byte[]> r = wado.get(instancePath(ref(doseNative)) + "/frames/15,1", ACCEPT, OCTET_PARTS);

        assertThat(texts(wado.parts(r), "/sha256")).containsExactly(expected.get(14).asText(),
                expected.get(0).asText());
    }

    @Test
    void anImageTypeOtherThanTheStoredCompressionIs406() throws Exception {
        HttpResponse<byte[]> r = wado.get(instancePath(ref(doseRle)) + "/frames/1", ACCEPT,
                "multipart/related; type=\"image/jls\"");

        assertThat(r.statusCode()).isEqualTo(406);
    }

    @Test
    void frameNumbersOutOfRangeAre404AndMalformedListsAre400() throws Exception {
        String dose = instancePath(ref(doseRle));

        HttpResponse<byte[]> beyond = wado.get(dose + "/frames/1,16", ACCEPT, OCTET_PARTS);

        assertThat(beyond.statusCode()).isEqualTo(404);
        assertThat(new String(beyond.body())).contains("frame 16").contains("15 frames");
        assertThat(wado.get(dose + "/frames/0", ACCEPT, OCTET_PARTS).statusCode()).isEqualTo(400);
        assertThat(wado.get(dose + "/frames/1,x", ACCEPT, OCTET_PARTS).statusCode()).isEqualTo(400);
        assertThat(wado.get(dose + "/frames/1,,2", ACCEPT, OCTET_PARTS).statusCode()).isEqualTo(400);
    }

    // ---- bulk data ------------------------------------------------------------------------------------------

    @Test
    void nativePixelDataIsServedWholeAndByRange() throws Exception {
        Path file = TestData.dicomFilesUnder(ctHead).get(3);
        byte[] pixels = DicomReader.read(Files.newInputStream(file)).dataset().getBytes(Tag.PixelData);
        String uri = instancePath(ref(file)) + "/bulkdata/7FE00010";

        HttpResponse<byte[]> whole = wado.get(uri, ACCEPT, "application/octet-stream");
        HttpResponse<byte[]> middle = wado.get(uri, ACCEPT, "application/octet-stream", "Range", "bytes=1000-1999");
        HttpResponse<byte[]> tail = wado.get(uri, ACCEPT, "application/octet-stream", "Range", "bytes=-100");
        HttpResponse<byte[]> beyond = wado.get(uri, ACCEPT, "application/octet-stream", "Range",
                "bytes=" + pixels.length + "-");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(pixels);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + pixels.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(pixels, 1000, 2000));
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(pixels, pixels.length - 100, pixels.length));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + pixels.length);
    }

    @Test
    void bulkDataAsMultipartHoldsTheValue() throws Exception {
        Path file = TestData.dicomFilesUnder(ctHead).get(3);

        HttpResponse<byte[]> r = wado.get(instancePath(ref(file)) + "/bulkdata/7FE00010", ACCEPT, OCTET_PARTS);

        assertThat(wado.parts(r).get(0).path("sha256").asText())
                .isEqualTo(WadoClient.describe(file).path("pixelDataSha").asText());
    }

    @Test
    void encapsulatedPixelDataAsBulkDataIsItsFramesAsStoredOrDecodedAsAsked() throws Exception {
        JsonNode described = WadoClient.describe(doseRle);
        String pixelData = instancePath(ref(doseRle)) + "/bulkdata/7FE00010";

        HttpResponse<byte[]> asStored = wado.get(pixelData, ACCEPT, OCTET_PARTS + "; transfer-syntax=*");
        HttpResponse<byte[]> native_ = wado.get(pixelData, ACCEPT, OCTET_PARTS);

        assertThat(texts(wado.parts(asStored), "/sha256")).isEqualTo(texts(described.path("storedFrameShas")));
        assertThat(texts(wado.parts(native_), "/sha256")).isEqualTo(texts(described.path("frameShas")));
        assertThat(wado.parts(native_).get(0).path("contentType").asText()).doesNotContain(RLE);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asText()));
        return out;
    }

    @Test
    void badAndAbsentBulkDataPathsAre400And404() throws Exception {
        String instance = instancePath(ref(ct1Rle));

        assertThat(wado.get(instance + "/bulkdata/7FE0001", ACCEPT, "application/octet-stream").statusCode())
                .isEqualTo(400);
        assertThat(wado.get(instance + "/bulkdata/00091099", ACCEPT, "application/octet-stream").statusCode())
                .isEqualTo(404);
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    @Test
    void malformedUidsAre400WithAReason() throws Exception {
        StoredInstanceRef rle = ref(ct1Rle);
        Set<String> paths = Set.of("/studies/1.2..3", "/studies/1.2.abc/series/1.2/metadata",
                "/studies/..%2F..%2Fetc/series/1.2", "/studies/" + rle.studyInstanceUid() + "/series/"
                        + rle.seriesInstanceUid() + "/instances/1.2.3'%20OR%20'1'='1/frames/1",
                "/studies/" + "1.".repeat(40) + "1");

        for (String path : paths) {
            HttpResponse<byte[]> r = wado.get(path, ACCEPT, "*/*");
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(new String(r.body())).as(path).contains("not a DICOM UID");
        }
    }

    @Test
    void unknownStudiesSeriesAndInstancesAre404() throws Exception {
        StoredInstanceRef rle = ref(ct1Rle);
        String otherSeries = "/studies/" + rle.studyInstanceUid() + "/series/1.2.3.4";

        assertThat(wado.get("/studies/1.2.3.4", ACCEPT, DICOM_PARTS).statusCode()).isEqualTo(404);
        assertThat(wado.get(otherSeries, ACCEPT, DICOM_PARTS).statusCode()).isEqualTo(404);
        assertThat(wado.get(otherSeries + "/instances/" + rle.sopInstanceUid(), ACCEPT, DICOM_PARTS)
                .statusCode()).isEqualTo(404);
        assertThat(wado.get("/studies/1.2.3.4/series/1.2.3.4/instances/1.2.3.4/frames/1", ACCEPT, OCTET_PARTS)
                .statusCode()).isEqualTo(404);
    }
}
