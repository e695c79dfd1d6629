package org.hrnode.dicom.net.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseRequestHandler;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.service.RetrieveInstance;
import org.hrnode.dicom.net.service.StoreSCU;
import org.hrnode.dicom.net.ul.AssociationRequestBuilder;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our C-STORE SCU sending to DCMTK storescp: files streamed from disk arrive with their data set bytes unchanged;
 * uncompressed files are transcoded when the receiver takes only another uncompressed syntax; compressed files
 * are never sent in a syntax that would need decompressing.
 */
class StoreScuToDcmtkTest {

    /** storescp drops (FFFC,FFFC) when it writes a file it has not preserved bit for bit. */
    private static final int DATA_SET_TRAILING_PADDING = 0xFFFCFFFC;

    @TempDir
    Path tmp;

    @BeforeAll
    static void peers() {
        Dcmtk.require("storescp");
    }

    static List<Path> files() {
        List<Path> all = new ArrayList<>();
        StoreWithDcmtkTest.batches().forEach(b -> all.addAll(b.files()));
        return all;
    }

    static DimseChannel connect(int port, List<RetrieveInstance> instances) throws Exception {
        AssociationRequestor requestor = new AssociationRequestor(AssociationSettings.defaults());
        AssociationRequestBuilder rq = new AssociationRequestBuilder("HRNODE", "STORESCP");
        StoreSCU.proposeContexts(rq, instances);
        return DimseChannel.open(requestor, new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                rq.build(requestor.settings()), DimseRequestHandler.NONE);
    }

    @Test
    void filesArriveWithTheirDataSetBytesUnchanged() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        List<RetrieveInstance> instances = new ArrayList<>();
        for (Path file : files()) {
            instances.add(RetrieveInstance.ofFile(file));
        }
        try (InetdPeer storescp = InetdPeer.start(tmp.resolve("storescp.log"),
                List.of("storescp", "--inetd", "+B", "+xa", "-od", out.toString()))) {
            DimseChannel channel = connect(storescp.port(), instances);
            try {
                for (RetrieveInstance instance : instances) {
                    StoreSCU.Result result = StoreSCU.store(channel, instance);
                    assertThat(result.status()).as(instance.sopInstanceUid()).isEqualTo(Status.SUCCESS);
                }
            } finally {
                channel.close();
            }
        }
        for (Path file : files()) {
            Part10Files.DataSetBytes original = Part10Files.dataSetBytes(file);
            // named by the Affected SOP Instance UID we sent: the File Meta Information's
            Part10Files.DataSetBytes received = Part10Files.dataSetBytes(received(out,
                    RetrieveInstance.ofFile(file).sopInstanceUid()));
            assertThat(received.transferSyntaxUid()).as(file.toString()).isEqualTo(original.transferSyntaxUid());
            // PDV fragments are even: an odd (deflated) data set travels with one NUL byte of padding
            byte[] expected = original.bytes().length % 2 == 0 ? original.bytes()
                    : Arrays.copyOf(original.bytes(), original.bytes().length + 1);
            Part10Files.assertSameBytes(received.bytes(), expected, file.toString());
        }
    }

    /**
     * A receiver that accepts only Implicit VR Little Endian gets uncompressed and lossless compressed instances
     * (decompressed, the same pixels), but never a lossy one: decompressing it would hide that it was lossy.
     */
    @Test
    void uncompressedAndLosslessAreTranscodedAndLossyIsNotSentWhenOnlyImplicitIsAccepted() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Path explicit = StoreWithDcmtkTest.batches().getFirst().files().getFirst();
        Path rle = StoreWithDcmtkTest.batches().get(2).files().getFirst();
        Path jpegBaseline = StoreWithDcmtkTest.batches().get(3).files().getFirst();
        List<RetrieveInstance> instances = List.of(RetrieveInstance.ofFile(explicit), RetrieveInstance.ofFile(rle),
                RetrieveInstance.ofFile(jpegBaseline));
        assertThat(instances.getFirst().transferSyntaxUid()).isEqualTo(UID.ExplicitVRLittleEndian);
        assertThat(instances.get(1).transferSyntaxUid()).isEqualTo(UID.RLELossless);
        assertThat(instances.get(2).transferSyntaxUid()).isEqualTo(UID.JPEGBaseline8Bit);
        try (InetdPeer storescp = InetdPeer.start(tmp.resolve("storescp.log"),
                List.of("storescp", "--inetd", "+xi", "-od", out.toString()))) {
            DimseChannel channel = connect(storescp.port(), instances);
            try {
                assertThat(StoreSCU.store(channel, instances.get(0)).status()).isEqualTo(Status.SUCCESS);
                assertThat(StoreSCU.store(channel, instances.get(1)).status()).isEqualTo(Status.SUCCESS);
                StoreSCU.Result lossy = StoreSCU.store(channel, instances.get(2));
                assertThat(lossy.status()).isEqualTo(Status.SOP_CLASS_NOT_SUPPORTED);
                assertThat(lossy.errorComment().orElseThrow()).contains("no accepted presentation context");
            } finally {
                channel.close();
            }
        }
        for (Path original : List.of(explicit, rle)) {
            String iuid = StoreWithDcmtkTest.sopInstanceUid(original);
            Path got = received(out, iuid);
            assertThat(Part10Files.dataSetBytes(got).transferSyntaxUid()).isEqualTo(UID.ImplicitVRLittleEndian);
            DicomFile sentFile = DicomReader.readFile(original);
            Dataset sent = Transcoder.standard().transcode(sentFile.dataset(), sentFile.transferSyntax(),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            Dataset arrived = DicomReader.readFile(got).dataset();
            assertThat(arrived.getString(Tag.SOPInstanceUID)).isEqualTo(iuid);
            assertThat(arrived.getBytes(Tag.PixelData)).as(original.toString()).isEqualTo(sent.getBytes(Tag.PixelData));
            sent.remove(DATA_SET_TRAILING_PADDING);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(arrived.contains(sent.tagAt(i))).as(Tags.toString(sent.tagAt(i))).isTrue();
            }
        }
    }

    private static List<String> list(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            return List.of(e.toString());
        }
    }

    static Path received(Path dir, String iuid) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().equals(iuid)
                    || f.getFileName().toString().endsWith("." + iuid)).findFirst()
                    .orElseThrow(() -> new AssertionError("storescp did not receive " + iuid + "; got " + list(dir)));
        }
    }
}
