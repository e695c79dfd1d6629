package org.hrnode.node.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.node.testing.Await;
import org.hrnode.storage.blob.FileSystemBlobStore;
import org.hrnode.storage.db.DatabaseConfig;
import org.hrnode.storage.db.EmbeddedDatabase;
import org.hrnode.storage.qc.QcStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes over one PostgreSQL and one blob directory, both judging: every study stored through either is judged,
 * and no node judges a study generation another already judged (or is judging).
 */
class TwoNodesOneDatabaseTest {

    private static final String SENDER = "CT_ROOM2";
    private static final int STUDIES_PER_NODE = 6;

    @TempDir
    Path dir;

    @Test
    void everyStudyIsJudgedOnceWhicheverNodeStoredIt() throws Exception {
        ChestRadiographAssessor assessor = new ChestRadiographAssessor();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"))) {
            DatabaseConfig c = db.config();
            String[] flags = {"--db-url", c.jdbcUrl(), "--db-user", c.user(), "--db-password", c.password(),
                    "--qc-stable-seconds", "1", "--qc-poll-seconds", "1", "--qc-workers", "3"};
            try (NodeUnderTest a = NodeUnderTest.startWithAssessor(dir.resolve("a"),
                    new FileSystemBlobStore(dir.resolve("blobs")), assessor, flags);
                 NodeUnderTest b = NodeUnderTest.startWithAssessor(dir.resolve("b"),
                         new FileSystemBlobStore(dir.resolve("blobs")), assessor, flags)) {
                a.allowCallers(SENDER);
                List<String> studies = new ArrayList<>();
                for (int i = 0; i < STUDIES_PER_NODE; i++) {
                    for (NodeUnderTest node : List.of(a, b)) {
                        String study = "1.2.826.0.1.3680043.2.1125.78." + studies.size();
                        studies.add(study);
                        store(node, study, 1);
                        store(node, study, 2);
                    }
                }

                Await.until("every study judged with both instances", Duration.ofSeconds(60), () ->
                        studies.stream().allMatch(study -> {
                            QcStatus s = a.node().storage().qcResults().statusOf(study).orElseThrow();
                            return s.result() != null && s.result().generation() == 2 && !s.pending();
                        }));
                assertThat(assessor.mostRunsOfOneGeneration()).as("no generation judged twice").isEqualTo(1);
                assertThat(a.node().qc().orElseThrow().backlog()).isZero();
            }
        }
    }

    private static void store(NodeUnderTest node, String study, int instance) throws Exception {
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        d.setString(Tag.SOPInstanceUID, VR.UI, study + ".1." + instance);
        d.setString(Tag.StudyInstanceUID, VR.UI, study);
        d.setString(Tag.SeriesInstanceUID, VR.UI, study + ".1");
        d.setString(Tag.Modality, VR.CS, "CT");
        d.setInts(Tag.InstanceNumber, VR.IS, instance);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        node.node().ingest().ingest(new IngestSource(SENDER, "test"), UID.CTImageStorage,
                d.getString(Tag.SOPInstanceUID), UID.ExplicitVRLittleEndian,
                new ByteArrayInputStream(bytes.toByteArray()));
    }
}
