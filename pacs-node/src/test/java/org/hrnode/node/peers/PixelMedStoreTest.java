package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.index.StoredInstanceRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PixelMed's C-STORE SCU (Debian pixelmed-apps, run with the system Java) sends files of every kind to the node
 * over one association: each is stored with its content intact, whatever transfer syntax PixelMed chose. Two kinds
 * of files are refused, with reason: one whose File Meta Information contradicts its data set, and compressed files
 * that this PixelMed sends under an uncompressed syntax when the association also carries uncompressed files of the
 * same SOP class; sent alone, PixelMed proposes their own syntax and they are stored.
 */
class PixelMedStoreTest {

    private static final Path PIXELMED_JAR = Path.of("/usr/share/java/pixelmed.jar");
    private static final Path SYSTEM_JAVA = Path.of("/usr/bin/java");
    private static final String SCU_CLASS = "com.pixelmed.network.StorageSOPClassSCU";
    private static final String AE_TITLE = "PIXELMED";
    /** Tells PixelMed to read the file names from standard input: all files over one association. */
    private static final String FILES_FROM_STDIN = "-";

    /**
     * rtplan.dcm's Media Storage SOP Instance UID (meta) is not its SOP Instance UID (data set). PixelMed puts the
     * meta's UID in the C-STORE request; the node refuses a data set that is not the instance the request names
     * (A900) rather than file it under either UID.
     */
    private static final String REFUSED = "rtplan.dcm";

    /**
     * PixelMed (20220618) proposes one context per syntax, then sends these compressed files in the first accepted
     * context of their SOP class, which is an uncompressed one (SC and MR files in Explicit VR LE or Deflated are in
     * the same run): fragments under a native syntax, which DCMTK's storescp aborts on and the node refuses (C000).
     */
    private static final Set<String> SENT_UNDER_A_NATIVE_SYNTAX = Set.of("SC_rgb_rle.dcm", "JPEG2000.dcm",
            "MR1_JPLY");

    @TempDir
    static Path work;
    private static NodeUnderTest node;
    private static PeerProcess.Result run;
    private static List<InstanceFile> sent;
    /** Which of the sent files the node held right after PixelMed's run, by file name. */
    private static Map<String, Boolean> storedByTheRun;

    static List<Path> files() {
        Path pydicom = TestData.pydicomTestFiles();
        Path shared = TestData.sharedData();
        List<Path> files = new ArrayList<>();
        for (String name : List.of("CT_small.dcm", "ExplVR_BigEnd.dcm", "image_dfl.dcm", "SC_rgb_rle.dcm",
                "JPEG2000.dcm", "reportsi.dcm", "waveform_ecg.dcm", REFUSED)) {
            files.add(pydicom.resolve(name));
        }
        // PixelMed cannot read chrGB2312.dcm (ISO 2022 IR 58); one unreadable file stops its whole run
        for (String name : List.of("charset/chrX1.dcm", "charset/chrX2.dcm", "ct-head-ge/01.dcm",
                "mr-uih-t1-sag/00000001.dcm", "wg04/JPLY/MR1_JPLY")) {
            files.add(shared.resolve(name));
        }
        return files;
    }

    @BeforeAll
    static void pixelmedSendsTheFiles() throws Exception {
        TestData.require(Files.isReadable(PIXELMED_JAR), PIXELMED_JAR + " (Debian pixelmed-apps)");
        TestData.require(Files.isExecutable(SYSTEM_JAVA), "the system Java at " + SYSTEM_JAVA);
        node = NodeUnderTest.start(work.resolve("node"), "--lossy-images", "accept").allowCallers(AE_TITLE);
        List<Path> files = files();
        sent = files.stream().map(f -> InstanceFile.read(f).orElseThrow()).toList();
        Path list = work.resolve("files.txt");
        Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        run = PeerProcess.runWithInput(pixelmed(FILES_FROM_STDIN), list);
        storedByTheRun = new HashMap<>();
        for (InstanceFile file : sent) {
            storedByTheRun.put(file.fileName(), node.instance(file.sopInstanceUid()).isPresent());
        }
    }

    private static List<String> pixelmed(String file) {
        return PeerProcess.args(SYSTEM_JAVA, "-cp", PIXELMED_JAR, SCU_CLASS, NodeUnderTest.LOOPBACK, node.port(),
                NodeUnderTest.AE_TITLE, AE_TITLE, file);
    }

    private static String storedDifference(InstanceFile file) throws IOException {
        StoredInstanceRef ref = node.instance(file.sopInstanceUid()).orElse(null);
        if (ref == null) {
            return "not stored";
        }
        String difference = RoundTripCheck.differenceFromOriginal(Part10DataSet.datasetOf(node.storedObject(ref)),
                file);
        return difference == null ? null : "(sent in " + ref.transferSyntaxUid() + ") differs at " + difference;
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyOtherFileIsStoredWithItsContentIntact() throws Exception {
        List<String> problems = new ArrayList<>();
        for (InstanceFile file : sent) {
            if (file.fileName().equals(REFUSED) || SENT_UNDER_A_NATIVE_SYNTAX.contains(file.fileName())) {
                continue;
            }
            String problem = storedDifference(file);
            if (problem != null) {
                problems.add(file.shortName() + ": " + problem);
            }
        }
        assertThat(problems).as(run.output()).isEmpty();
        assertThat(sent).hasSize(files().size());
    }

    /** Regression: the node stored these and answered Success, though nothing could read them back. */
    @Test
    void compressedFilesSentUnderAnUncompressedSyntaxAreRefused() {
        List<InstanceFile> missent = sent.stream().filter(f -> SENT_UNDER_A_NATIVE_SYNTAX.contains(f.fileName()))
                .toList();
        assertThat(missent).hasSize(SENT_UNDER_A_NATIVE_SYNTAX.size())
                .allSatisfy(f -> assertThat(storedByTheRun.get(f.fileName())).as(f.shortName()).isFalse());
    }

    @Test
    void eachCompressedFileSentAloneIsStoredInItsOwnSyntax() throws Exception {
        for (InstanceFile file : sent.stream().filter(f -> SENT_UNDER_A_NATIVE_SYNTAX.contains(f.fileName()))
                .toList()) {
            PeerProcess.Result alone = PeerProcess.run(pixelmed(file.path().toString()));
            assertThat(storedDifference(file)).as(file.shortName() + "\n" + alone.output()).isNull();
            assertThat(node.instance(file.sopInstanceUid()).orElseThrow().transferSyntaxUid())
                    .isEqualTo(file.transferSyntaxUid());
        }
    }

    @Test
    void aFileWhoseMetaNamesAnotherInstanceIsRefused() throws Exception {
        InstanceFile refused = sent.stream().filter(f -> f.fileName().equals(REFUSED)).findFirst().orElseThrow();
        String metaUid = Part10DataSet.metaOf(refused.path()).getString(Tag.MediaStorageSOPInstanceUID);
        assertThat(metaUid).isNotEqualTo(refused.sopInstanceUid());
        assertThat(node.instance(refused.sopInstanceUid())).isEmpty();
        assertThat(node.instance(metaUid)).isEmpty();
    }
}
