package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.ae.UncompressedImages;
import org.hrnode.storage.blob.FileSystemBlobStore;
import org.hrnode.storage.index.StoredInstanceRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compress on ingest (lossless rule, 川渝 spec §7.1), as senders and retrievers see it: storescu's uncompressed
 * images are acknowledged, then end up stored losslessly compressed (JPEG-LS, or JPEG 2000 lossless without
 * CharLS) as the same version; getscu gets them back with the very same pixels, compressed when it asks for the
 * stored syntax and decompressed when it takes uncompressed data only; resending an original is still a duplicate.
 * An AE set to {@code --uncompressed reject} (or, on a dev-mode node, an unregistered caller with the node-wide
 * {@code uncompressed=reject}) is refused with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressOnIngestTest {

    private static final String STORE_AE_TITLE = DcmtkRoundTrip.STORE_AE_TITLE;
    private static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    /** Generous: the worker compresses one object at a time on a shared two-core machine. */
    private static final Duration COMPRESSION_WAIT = Duration.ofMinutes(3);
    private static final String LOSSLESS = "00";

    @TempDir
    static Path work;
    private NodeUnderTest node;
    private List<InstanceFile> images;
    private InstanceFile nonImage;

    private static Path pydicom(String file) {
        return TestData.pydicomTestFiles().resolve(file);
    }

    @BeforeAll
    void storeUncompressedFiles() throws Exception {
        PeerProcess.require("storescu", "getscu");
        List<Path> imageFiles = new ArrayList<>(List.of(pydicom("CT_small.dcm"), pydicom("MR_small.dcm")));
        imageFiles.addAll(TestData.dicomFilesUnder(TestData.sharedData().resolve("ct-head-ge")));
        for (Path f : imageFiles) {
            TestData.require(Files.isReadable(f), f.toString());
        }
        node = NodeUnderTest.start(work.resolve("node")).allowCallers(STORE_AE_TITLE, RetrieveScu.GET_AE_TITLE);
        List<Path> files = new ArrayList<>(imageFiles);
        files.add(pydicom("rtplan.dcm"));
        StoreScu.Report report = StoreScu.send(node.port(), STORE_AE_TITLE, files, work);
        for (Path f : files) {
            assertThat(report.answerFor(f).isSuccess()).as(f + "\n" + report.run().output()).isTrue();
        }
        images = imageFiles.stream().map(f -> InstanceFile.read(f).orElseThrow()).toList();
        nonImage = InstanceFile.read(pydicom("rtplan.dcm")).orElseThrow();
        assertThat(node.node().compression().awaitEmptyBacklog(COMPRESSION_WAIT)).as("compression backlog empty")
                .isTrue();
    }

    @AfterAll
    void stop() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    private static TransferSyntax expectedSyntax() {
        return Codecs.encoderFor(TransferSyntax.JPEG_LS_LOSSLESS).isPresent() ? TransferSyntax.JPEG_LS_LOSSLESS
                : TransferSyntax.JPEG_2000_LOSSLESS;
    }

    @Test
    void uncompressedImagesAreStoredLosslesslyCompressedAsTheSameVersion() throws Exception {
        long received = 0;
        long stored = 0;
        for (InstanceFile image : images) {
            StoredInstanceRef ref = node.instance(image.sopInstanceUid()).orElseThrow();
            assertThat(ref.transferSyntaxUid()).as(image.shortName()).isEqualTo(expectedSyntax().uid());
            assertThat(ref.version()).isEqualTo(1);
            DicomFile blob = DicomReader.read(new ByteArrayInputStream(node.storedObject(ref)));
            assertThat(blob.transferSyntax()).isEqualTo(expectedSyntax());
            assertThat(blob.dataset().getString(Tag.LossyImageCompression)).isEqualTo(LOSSLESS);
            assertThat(pixels(blob)).as(image.shortName()).isEqualTo(pixels(image.path()));
            received += Files.size(image.path());
            stored += ref.size();
        }
        System.out.printf("compress on ingest: %d images, %d bytes received, %d stored in %s (ratio %.2f)%n",
                images.size(), received, stored, expectedSyntax().name(), (double) received / stored);
        StoredInstanceRef plan = node.instance(nonImage.sopInstanceUid()).orElseThrow();
        assertThat(plan.transferSyntaxUid()).isEqualTo(nonImage.transferSyntaxUid());
        assertThat(node.node().compression().countBacklog()).isZero();
    }

    @Test
    void getscuGetsTheSamePixelsInTheStoredSyntaxAndDecompressed() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String preferred : List.of(expectedSyntax().uid(), UID.ExplicitVRLittleEndian)) {
            for (InstanceFile image : images) {
                Path out = work.resolve("get-" + preferred + "-" + image.sopInstanceUid());
                PeerProcess.Result get = RetrieveScu.get(node.port(), preferred, out, List.of(
                        "QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + image.studyInstanceUid(),
                        "SOPInstanceUID=" + image.sopInstanceUid()));
                Map<String, Path> back = RetrieveScu.receivedFiles(out);
                Path got = back.get(image.sopInstanceUid());
                if (got == null) {
                    problems.add(image.shortName() + " did not come back in " + preferred + ":\n" + get.output());
                    continue;
                }
                DicomFile arrived;
                try (InputStream in = Files.newInputStream(got)) {
                    arrived = DicomReader.read(in);
                }
                if (!arrived.transferSyntax().uid().equals(preferred)) {
                    problems.add(image.shortName() + " came in " + arrived.transferSyntax() + ", asked " + preferred);
                }
                if (!Arrays.equals(pixels(arrived), pixels(image.path()))) {
                    problems.add(image.shortName() + " came back with other pixels in " + preferred);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void resendingAnOriginalAfterCompressionIsADuplicate() throws Exception {
        InstanceFile image = images.getFirst();
        StoredInstanceRef before = node.instance(image.sopInstanceUid()).orElseThrow();
        StoreScu.Report again = StoreScu.send(node.port(), STORE_AE_TITLE, List.of(image.path()), work);
        assertThat(again.answerFor(image.path()).isSuccess()).isTrue();
        assertThat(node.instance(image.sopInstanceUid()).orElseThrow()).isEqualTo(before);
    }

    /**
     * The queue is durable: when compressing fails (here the blob store refuses the compressed object) the original
     * stays stored and served, and a node started later on the same data directory compresses it.
     */
    @Test
    void aCompressionThatFailedIsDoneByTheNextStart() throws Exception {
        Path data = work.resolve("durable");
        Files.createDirectories(data.resolve("blobs"));
        RefusingCompressedBlobStore refusing = new RefusingCompressedBlobStore(
                new FileSystemBlobStore(data.resolve("blobs")));
        Path mr = pydicom("MR_small.dcm");
        InstanceFile image = InstanceFile.read(mr).orElseThrow();
        try (NodeUnderTest first = NodeUnderTest.startWithBlobStore(data, refusing, "--dev-mode", "true")) {
            assertThat(StoreScu.send(first.port(), STORE_AE_TITLE, List.of(mr), work).answerFor(mr).isSuccess())
                    .isTrue();
            assertThat(refusing.refused().await(COMPRESSION_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            StoredInstanceRef original = first.instance(image.sopInstanceUid()).orElseThrow();
            assertThat(original.transferSyntaxUid()).isEqualTo(image.transferSyntaxUid());
            // an unregistered dev-mode caller has no institution: its backlog is reported under the empty code
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + first.node().httpPort() + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("hrnode_compression_backlog 1\n",
                    "hrnode_compression_backlog_institution{institution=\"\"} 1\n");
            assertThat(pixels(DicomReader.read(new ByteArrayInputStream(first.storedObject(original)))))
                    .isEqualTo(pixels(mr));
        }
        try (NodeUnderTest second = NodeUnderTest.start(data, "--dev-mode", "true")) {
            assertThat(second.node().compression().awaitEmptyBacklog(COMPRESSION_WAIT)).isTrue();
            StoredInstanceRef compressed = second.instance(image.sopInstanceUid()).orElseThrow();
            assertThat(compressed.transferSyntaxUid()).isEqualTo(expectedSyntax().uid());
            assertThat(compressed.version()).isEqualTo(1);
            assertThat(pixels(DicomReader.read(new ByteArrayInputStream(second.storedObject(compressed)))))
                    .isEqualTo(pixels(mr));
        }
    }

    /**
     * A compression that failed (the blob store refused the compressed object once) is tried again while the node
     * runs, after the configured backoff, without a restart; the original is served meanwhile.
     */
    @Test
    void aCompressionThatFailedIsRetriedWhileTheNodeRuns() throws Exception {
        Path data = work.resolve("retried");
        Files.createDirectories(data.resolve("blobs"));
        RefusingCompressedBlobStore refusingOnce = new RefusingCompressedBlobStore(
                new FileSystemBlobStore(data.resolve("blobs")), 1);
        Path mr = pydicom("MR_small.dcm");
        InstanceFile image = InstanceFile.read(mr).orElseThrow();
        try (NodeUnderTest retrying = NodeUnderTest.startWithBlobStore(data, refusingOnce, "--dev-mode", "true",
                "--compression-retry-seconds", "1")) {
            assertThat(StoreScu.send(retrying.port(), STORE_AE_TITLE, List.of(mr), work).answerFor(mr).isSuccess())
                    .isTrue();
            assertThat(refusingOnce.refused().await(COMPRESSION_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(retrying.node().compression().awaitEmptyBacklog(COMPRESSION_WAIT)).isTrue();
            StoredInstanceRef compressed = retrying.instance(image.sopInstanceUid()).orElseThrow();
            assertThat(compressed.transferSyntaxUid()).isEqualTo(expectedSyntax().uid());
            assertThat(pixels(DicomReader.read(new ByteArrayInputStream(retrying.storedObject(compressed)))))
                    .isEqualTo(pixels(mr));
        }
    }

    /**
     * An AE registered with {@code --uncompressed reject} is told why its uncompressed image is refused, and so is
     * an unregistered caller of a dev-mode node configured {@code uncompressed=reject}; their lossless images and
     * non-image objects are stored.
     */
    @Test
    void uncompressedImagesFromAnAeThatMustCompressAreRefusedWithTheReason() throws Exception {
        Path ct = pydicom("CT_small.dcm");
        Path lossless = TestData.sharedData().resolve("wg04/J2KR/CT1_J2KR");
        Path plan = pydicom("rtplan.dcm");
        String rejected = "MUSTCOMPRESS";
        node.allowCaller(rejected, UncompressedImages.REJECT);
        assertRefusedUncompressed(node, rejected, ct, lossless, plan);
        try (NodeUnderTest devNode = NodeUnderTest.start(work.resolve("dev"), "--dev-mode", "true",
                "--uncompressed", "reject")) {
            assertRefusedUncompressed(devNode, "ANYONE", ct, lossless, plan);
        }
    }

    private static void assertRefusedUncompressed(NodeUnderTest target, String callingAeTitle, Path uncompressed,
            Path lossless, Path nonImage) throws Exception {
        Path copy = Files.createTempFile(work, "uncompressed", ".dcm");
        Files.copy(uncompressed, copy, StandardCopyOption.REPLACE_EXISTING);
        DcmtkRoundTrip.dcmodify(copy, "-i", "SOPInstanceUID=" + DcmtkRoundTrip.freshUid());
        StoreScu.Report report = StoreScu.send(target.port(), callingAeTitle, List.of(copy, lossless, nonImage),
                work);
        StoreScu.Answer refused = report.answerFor(copy);
        assertThat(refused.status()).as(report.run().output()).isEqualTo(DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
        assertThat(refused.comment()).contains("uncompressed image refused");
        assertThat(target.instance(InstanceFile.read(copy).orElseThrow().sopInstanceUid())).isEmpty();
        assertThat(report.answerFor(lossless).isSuccess()).as(report.run().output()).isTrue();
        assertThat(report.answerFor(nonImage).isSuccess()).as(report.run().output()).isTrue();
    }

    private static byte[] pixels(Path file) throws IOException, PixelDataException, DicomParseException {
        try (InputStream in = Files.newInputStream(file)) {
            return pixels(DicomReader.read(in));
        }
    }

    /** The pixels as acquired: decoded when compressed, as Explicit VR Little Endian native Pixel Data. */
    private static byte[] pixels(DicomFile file) throws PixelDataException {
        Dataset uncompressed = Transcoder.standard().transcode(file.dataset(), file.transferSyntax(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return uncompressed.getBytes(Tag.PixelData);
    }
}
