package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.ingest.IngestException;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.storage.ae.UncompressedImages;
import org.hrnode.storage.index.StoredInstanceRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lossless rule (川渝互认 spec §7.1) as a modality sees it through DCMTK storescu: lossy compressed images are
 * refused at negotiation (no presentation context for them), images that say they were lossy compressed although
 * they travel in a lossless or uncompressed syntax are refused by C-STORE with the reason, and lossless or
 * uncompressed images are stored and come back by getscu pixel for pixel.
 */
class LosslessIngestTest {

    private static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    private static final int CANNOT_UNDERSTAND = 0xC000;
    /** (7FE0,0010) as written in Explicit VR Little Endian, and the marker that opens a JPEG frame. */
    private static final byte[] PIXEL_DATA_TAG = {(byte) 0xE0, 0x7F, 0x10, 0x00};
    private static final byte[] JPEG_START_OF_IMAGE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final String STORE_AE_TITLE = DcmtkRoundTrip.STORE_AE_TITLE;

    @TempDir
    static Path work;
    private static NodeUnderTest node;

    @BeforeAll
    static void startNode() throws IOException {
        PeerProcess.require("storescu", "getscu", "dcmodify");
        // uncompressed images kept as received here: compression on ingest is CompressOnIngestTest's
        node = NodeUnderTest.start(work.resolve("node")).allowCaller(STORE_AE_TITLE, UncompressedImages.ACCEPT)
                .allowCallers(RetrieveScu.GET_AE_TITLE);
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    private static Path wg04(String variant, String file) {
        return TestData.sharedData().resolve("wg04").resolve(variant).resolve(file);
    }

    private static Path pydicom(String file) {
        return TestData.pydicomTestFiles().resolve(file);
    }

    private static List<Path> existing(List<Path> files) {
        for (Path f : files) {
            TestData.require(Files.isReadable(f), f.toString());
        }
        return files;
    }

    @Test
    void lossyCompressedImagesAreRefusedAtNegotiationAndNothingIsStored() throws Exception {
        List<Path> lossy = existing(List.of(wg04("J2KI", "CT1_J2KI"), wg04("JLSN", "CT1_JLSN"),
                wg04("JPLY", "MR1_JPLY"), pydicom("JPEG-lossy.dcm"), pydicom("JPGExtended.dcm"),
                pydicom("SC_rgb_jpeg_dcmtk.dcm"), pydicom("SC_rgb_jpeg_lossy_gdcm.dcm"), pydicom("JPEG2000.dcm")));
        // one lossless file beside them, so that the association itself is accepted
        List<Path> files = new ArrayList<>(lossy);
        files.add(pydicom("CT_small.dcm"));
        StoreScu.Report report = StoreScu.send(node.port(), STORE_AE_TITLE, files, work);
        assertThat(report.run().output()).contains("Transfer Syntaxes Not Supported");
        for (Path file : lossy) {
            assertThat(report.answerFor(file).status()).as(file + "\n" + report.run().output())
                    .isEqualTo(StoreScu.Answer.NOT_SENT);
            assertThat(node.instance(InstanceFile.read(file).orElseThrow().sopInstanceUid())).as(file.toString())
                    .isEmpty();
        }
        assertThat(report.answerFor(pydicom("CT_small.dcm")).isSuccess()).isTrue();
    }

    @Test
    void losslessAndUncompressedImagesAreStoredAndComeBackPixelForPixel() throws Exception {
        List<Path> files = existing(List.of(wg04("J2KR", "CT1_J2KR"), wg04("JLSL", "CT1_JLSL"),
                wg04("JPLL", "CT1_JPLL"), wg04("RLE", "CT1_RLE"), pydicom("MR_small.dcm"),
                pydicom("SC_rgb_jpeg_gdcm.dcm"), pydicom("rtplan.dcm")));
        StoreScu.Report report = StoreScu.send(node.port(), STORE_AE_TITLE, files, work);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            InstanceFile instance = InstanceFile.read(file).orElseThrow();
            StoreScu.Answer answer = report.answerFor(file);
            if (!answer.isSuccess()) {
                problems.add(instance.shortName() + ": " + DcmtkRoundTrip.hex(answer.status()) + " "
                        + answer.comment());
                continue;
            }
            StoredInstanceRef ref = node.instance(instance.sopInstanceUid()).orElseThrow();
            Path out = work.resolve("get-" + file.getFileName());
            PeerProcess.Result get = RetrieveScu.get(node.port(), ref.transferSyntaxUid(), out, List.of(
                    "QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + instance.studyInstanceUid(),
                    "SOPInstanceUID=" + instance.sopInstanceUid()));
            Map<String, Path> back = RetrieveScu.receivedFiles(out);
            if (!back.containsKey(instance.sopInstanceUid())) {
                problems.add(instance.shortName() + ": did not come back\n" + get.output());
                continue;
            }
            String difference = RoundTripCheck.differenceFromOriginal(
                    Part10DataSet.datasetOf(back.get(instance.sopInstanceUid())), instance);
            if (difference != null) {
                problems.add(instance.shortName() + ": came back different at " + difference);
            }
        }
        assertThat(problems).as(report.run().output()).isEmpty();
    }

    @Test
    void anImageDeclaredLossyIsRefusedWithTheReasonWhateverItsTransferSyntax() throws Exception {
        Path uncompressed = copyWithFreshUids(pydicom("CT_small.dcm"));
        DcmtkRoundTrip.dcmodify(uncompressed, "-i", "LossyImageCompression=01");
        Path losslessSyntax = copyWithFreshUids(wg04("JPLL", "CT1_JPLL"));
        DcmtkRoundTrip.dcmodify(losslessSyntax, "-i", "LossyImageCompression=01");
        Path withRatio = copyWithFreshUids(pydicom("MR_small.dcm"));
        DcmtkRoundTrip.dcmodify(withRatio, "-i", "LossyImageCompressionRatio=10");
        List<Path> files = List.of(uncompressed, losslessSyntax, withRatio);
        StoreScu.Report report = StoreScu.send(node.port(), STORE_AE_TITLE, files, work);
        for (Path file : files) {
            StoreScu.Answer answer = report.answerFor(file);
            assertThat(answer.status()).as(report.run().output()).isEqualTo(DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
            assertThat(answer.comment()).contains("lossy image refused: Lossy Image Compression");
            assertThat(node.instance(InstanceFile.read(file).orElseThrow().sopInstanceUid())).isEmpty();
        }
    }

    /**
     * A lossless JPEG whose frame has lost its Start of Image marker cannot give its pixels back: refused with
     * C000 and the reason, nothing stored.
     */
    @Test
    void aLosslessImageWhosePixelsDoNotDecodeIsRefused() throws Exception {
        Path broken = copyWithFreshUids(wg04("JPLL", "CT1_JPLL"));
        byte[] bytes = Files.readAllBytes(broken);
        int pixelData = indexOf(bytes, PIXEL_DATA_TAG, 0);
        int startOfImage = indexOf(bytes, JPEG_START_OF_IMAGE, pixelData);
        assertThat(pixelData).isPositive();
        assertThat(startOfImage).isGreaterThan(pixelData);
        bytes[startOfImage] = 0;
        bytes[startOfImage + 1] = 0;
        Files.write(broken, bytes);
        StoreScu.Report report = StoreScu.send(node.port(), STORE_AE_TITLE, List.of(broken), work);
        StoreScu.Answer answer = report.answerFor(broken);
        assertThat(answer.status()).as(report.run().output()).isEqualTo(CANNOT_UNDERSTAND);
        assertThat(answer.comment()).contains("cannot be decoded");
        assertThat(node.instance(InstanceFile.read(broken).orElseThrow().sopInstanceUid())).isEmpty();
    }

    /**
     * A lossless syntax this machine has no codec for (High-Throughput JPEG 2000 here; JPEG-LS where CharLS is
     * missing) cannot be proven: the object is stored as received and the index says its pixels are not decodable
     * here. Sent through the ingest path directly: storescu 3.6.7 does not know the HTJ2K syntaxes.
     */
    @Test
    void aLosslessSyntaxWithoutCodecHereIsStoredAndFlagged() throws Exception {
        TransferSyntax htj2k = TransferSyntax.HTJ2K_LOSSLESS;
        TestData.require(Codecs.decoderFor(htj2k).isEmpty(), "no HTJ2K decoder on this machine");
        Path copy = copyWithFreshUids(wg04("J2KR", "CT1_J2KR"));
        Dataset dataset = DicomReader.readFile(copy).dataset();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(bytes)) {
            writer.writeDataset(dataset, htj2k);
        }
        InstanceFile instance = InstanceFile.read(copy).orElseThrow();
        node.node().ingest().ingest(new IngestSource(STORE_AE_TITLE, "test"), instance.sopClassUid(),
                instance.sopInstanceUid(), htj2k.uid(), new ByteArrayInputStream(bytes.toByteArray()));
        StoredInstanceRef ref = node.instance(instance.sopInstanceUid()).orElseThrow();
        assertThat(ref.transferSyntaxUid()).isEqualTo(htj2k.uid());
        assertThat(ref.pixelsDecodableHere()).isFalse();
        StoredInstanceRef ordinary = node.instance(InstanceFile.read(pydicom("CT_small.dcm")).orElseThrow()
                .sopInstanceUid()).orElse(null);
        if (ordinary != null) {
            assertThat(ordinary.pixelsDecodableHere()).isTrue();
        }
    }

    /**
     * Front doors without negotiation (STOW-RS, import) reach the ingest path directly: a lossy syntax is refused
     * there too, even when the data set does not say Lossy Image Compression "01".
     */
    @Test
    void aLossySyntaxIsRefusedByTheIngestPathWhenNoNegotiationStoppedIt() throws Exception {
        Path copy = copyWithFreshUids(wg04("JLSN", "CT1_JLSN"));
        Dataset dataset = DicomReader.readFile(copy).dataset();
        dataset.remove(Tag.LossyImageCompression);
        dataset.remove(Tag.LossyImageCompressionRatio);
        dataset.remove(Tag.LossyImageCompressionMethod);
        TransferSyntax nearLossless = TransferSyntax.JPEG_LS_NEAR_LOSSLESS;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(bytes)) {
            writer.writeDataset(dataset, nearLossless);
        }
        InstanceFile instance = InstanceFile.read(copy).orElseThrow();
        assertThatThrownBy(() -> node.node().ingest().ingest(new IngestSource(STORE_AE_TITLE, "test"),
                instance.sopClassUid(), instance.sopInstanceUid(), nearLossless.uid(),
                new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IngestException.Reason.LOSSY);
                    assertThat(e.getMessage())
                            .startsWith("lossy image refused: transfer syntax " + nearLossless.uid());
                });
        assertThat(node.instance(instance.sopInstanceUid())).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A copy of {@code original} under {@link #work} with new Study, Series and SOP Instance UIDs. */
    private static Path copyWithFreshUids(Path original) throws IOException, InterruptedException {
        TestData.require(Files.isReadable(original), original.toString());
        Path copy = Files.createTempFile(work, "copy", ".dcm");
        Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
        DcmtkRoundTrip.dcmodify(copy, "-i", "StudyInstanceUID=" + DcmtkRoundTrip.freshUid(), "-i",
                "SeriesInstanceUID=" + DcmtkRoundTrip.freshUid(), "-i", "SOPInstanceUID=" + DcmtkRoundTrip.freshUid());
        return copy;
    }
}
