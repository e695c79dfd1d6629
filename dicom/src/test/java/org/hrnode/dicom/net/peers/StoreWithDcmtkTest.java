package org.hrnode.dicom.net.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UIDs;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.net.service.DicomServer;
import org.hrnode.dicom.net.service.ServiceRegistry;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DCMTK storescu sends real files to our C-STORE SCP, over two associations at once, and the same files to DCMTK's
 * own storescp in bit-preserving mode: every instance must arrive in the file's transfer syntax with exactly the
 * data set bytes DCMTK's receiver wrote, which are the file's own bytes wherever storescu does not re-encode.
 */
class StoreWithDcmtkTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void peers() {
        Dcmtk.require("storescu");
    }

    /**
     * storescu proposes uncompressed syntaxes unless told otherwise, and converts to them; a compressed file is
     * only sent unchanged by a run that proposes its syntax. So: one run per kind of file.
     *
     * @param option the storescu option proposing the files' transfer syntax, or null for uncompressed
     */
    record Batch(String option, List<Path> files) {
    }

    static List<Batch> batches() {
        Path pydicom = TestData.pydicomTestFiles();
        Path shared = TestData.sharedData();
        return List.of(
                new Batch(null, List.of(pydicom.resolve("CT_small.dcm"), pydicom.resolve("MR_small.dcm"),
                        pydicom.resolve("rtdose.dcm"), pydicom.resolve("rtplan.dcm"),
                        shared.resolve("ct-head-ge/01.dcm"), shared.resolve("ct-head-ge/02.dcm"),
                        shared.resolve("mr-uih-t1-sag/00000001.dcm"), shared.resolve("charset/chrX2.dcm"))),
                new Batch("-xv", List.of(shared.resolve("wg04/J2KR/CT1_J2KR"), shared.resolve("wg04/J2KR/MR1_J2KR"))),
                new Batch("-xr", List.of(pydicom.resolve("SC_rgb_rle.dcm"))),
                new Batch("-xy", List.of(pydicom.resolve("SC_rgb_jpeg_dcmtk.dcm"))),
                new Batch("-xd", List.of(pydicom.resolve("image_dfl.dcm"))));
    }

    /** Files storescu sends exactly as they are on disk (no sequences to re-encode, no trailing padding). */
    private static final Set<String> IDENTICAL_TO_FILE = Set.of("01.dcm", "02.dcm", "chrX2.dcm", "SC_rgb_rle.dcm",
            "SC_rgb_jpeg_dcmtk.dcm", "rtdose.dcm");

    static String sopInstanceUid(Path file) throws Exception {
        return DicomReader.readFile(file).dataset().getString(Tag.SOPInstanceUID);
    }

    @Test
    void storescuArrivesAsDcmtkItselfReceivesItOverParallelAssociations() throws Exception {
        Path received = Files.createDirectory(tmp.resolve("received"));
        Path reference = Files.createDirectory(tmp.resolve("reference"));
        Part10Files.Writer writer = new Part10Files.Writer(received);
        ServiceRegistry services = ServiceRegistry.builder().verification()
                .storage(UIDs.ofType("SOP Class").stream().map(UIDs.Info::uid).toList(), writer).build();
        List<Batch> batches = batches();
        try (DicomServer server = DicomServer.start(EchoWithDcmtkTest.localConfig("HRNODE"), services);
                InetdPeer storescp = InetdPeer.start(tmp.resolve("storescp.log"),
                        List.of("storescp", "--inetd", "+B", "+xa", "-od", reference.toString()))) {
            // the first two runs overlap: two associations storing at once
            runConcurrently(server.port(), batches.subList(0, 2));
            for (Batch batch : batches.subList(2, batches.size())) {
                runConcurrently(server.port(), List.of(batch));
            }
            runConcurrently(storescp.port(), batches);
        }
        int compared = 0;
        Set<String> identicalToFile = new HashSet<>();
        for (Batch batch : batches) {
            for (Path original : batch.files()) {
                String iuid = sopInstanceUid(original);
                Path stored = writer.fileOf(iuid);
                assertThat(stored).as(original.toString()).exists();
                assertThat(writer.received.get(iuid).callingAETitle()).isEqualTo("STORESCU");
                Part10Files.DataSetBytes ours = Part10Files.dataSetBytes(stored);
                Part10Files.DataSetBytes dcmtks = Part10Files.dataSetBytes(referenceFile(reference, iuid));
                Part10Files.DataSetBytes file = Part10Files.dataSetBytes(original);
                assertThat(ours.transferSyntaxUid()).as(original.toString()).isEqualTo(file.transferSyntaxUid());
                if (dcmtks.transferSyntaxUid().equals(ours.transferSyntaxUid())) {
                    Part10Files.assertSameBytes(ours.bytes(), dcmtks.bytes(), original + " (vs storescp +B)");
                } else {
                    // storescp chose another syntax, so storescu converted for it; ours got the file's own bytes
                    Part10Files.assertSameBytes(ours.bytes(), file.bytes(), original + " (vs the file)");
                }
                compared++;
                if (Arrays.equals(ours.bytes(), file.bytes())) {
                    identicalToFile.add(original.getFileName().toString());
                }
            }
        }
        assertThat(compared).isEqualTo(batches.stream().mapToInt(b -> b.files().size()).sum());
        // storescu re-encodes sequences and drops trailing padding; files without either travel unchanged
        assertThat(identicalToFile).containsAll(IDENTICAL_TO_FILE);
    }

    private static Path referenceFile(Path dir, String iuid) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("." + iuid)).findFirst()
                    .orElseThrow(() -> new AssertionError("storescp did not receive " + iuid));
        }
    }

    private void runConcurrently(int port, List<Batch> batches) throws Exception {
        List<Process> peers = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            for (Batch batch : batches) {
                Path log = Files.createTempFile(tmp, "storescu", ".log");
                logs.add(log);
                peers.add(Dcmtk.start(log, Dcmtk.args("storescu", "-R", batch.option() == null ? List.of()
                        : List.of(batch.option()), "-aet", "STORESCU", "-aec", "HRNODE", "127.0.0.1", port,
                        batch.files())));
            }
            for (int i = 0; i < peers.size(); i++) {
                assertThat(peers.get(i).waitFor(Dcmtk.TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(peers.get(i).exitValue()).as(Files.readString(logs.get(i))).isZero();
            }
        } finally {
            for (Process p : peers) {
                Dcmtk.stop(p);
            }
        }
    }
}
