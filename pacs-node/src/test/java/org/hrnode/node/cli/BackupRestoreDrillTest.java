package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.node.app.Node;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.storage.audit.AuditVerifier;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill of Ningxia spec 7.6.3-7.6.4: studies stored, backed up, restored into a new node, and every
 * object verified by digest there; restore refuses a node that already holds data and a backup that was damaged.
 */
class BackupRestoreDrillTest {

    private static final String STUDY_A = "1.2.826.0.1.3680043.2.1125.7.1";
    private static final String STUDY_B = "1.2.826.0.1.3680043.2.1125.7.2";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private BackupCommand command() {
        return new BackupCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private NodeConfig config(String dataDir) throws Exception {
        return new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve(dataDir).toString(),
                "--dicom-port", "0", "--http-port", "0", "--bind-address", "127.0.0.1"));
    }

    @Test
    void aBackupRestoredIntoANewNodeHoldsEveryObjectIntact() throws Exception {
        List<StoredInstanceRef> original;
        try (Node a = Node.start(config("a"), NodeStorage.openAsOwner(config("a")))) {
            store(a, STUDY_A, 1);
            store(a, STUDY_A, 2);
            store(a, STUDY_B, 1);
            original = a.storage().index().instancesOf(QueryLevel.STUDY, STUDY_A, STUDY_B);
        }
        assertThat(original).hasSize(3);

        assertThat(command().backup(config("a"), dir.resolve("backup"))).as(err.toString()).isZero();
        assertThat(command().restore(config("b"), dir.resolve("backup"))).as(err.toString()).isZero();

        try (Node b = Node.start(config("b"), NodeStorage.openAsOwner(config("b")))) {
            List<StoredInstanceRef> restored = b.storage().index().instancesOf(QueryLevel.STUDY, STUDY_A, STUDY_B);
            assertThat(restored).containsExactlyInAnyOrderElementsOf(original);
            for (StoredInstanceRef ref : restored) {
                try (InputStream in = b.storage().blobs().get(ref.blobKey())) {
                    assertThat(sha256(in)).as(ref.sopInstanceUid()).isEqualTo(ref.sha256());
                }
            }
            assertThat(new AuditVerifier(b.storage().auditLog()).verify().rowsChecked())
                    .as("the audit trail travels with the backup and still verifies").isGreaterThanOrEqualTo(3);
            store(b, STUDY_B, 2); // keys and sequences continue past the restored rows
            assertThat(b.storage().index().instancesOf(QueryLevel.STUDY, STUDY_B)).hasSize(2);
        }
    }

    @Test
    void restoreIntoANodeThatHoldsDataIsRefused() throws Exception {
        try (Node a = Node.start(config("a"), NodeStorage.openAsOwner(config("a")))) {
            store(a, STUDY_A, 1);
        }
        assertThat(command().backup(config("a"), dir.resolve("backup"))).isZero();

        assertThat(command().restore(config("a"), dir.resolve("backup"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not empty");
    }

    @Test
    void aDamagedBackupIsRefused() throws Exception {
        try (Node a = Node.start(config("a"), NodeStorage.openAsOwner(config("a")))) {
            store(a, STUDY_A, 1);
        }
        assertThat(command().backup(config("a"), dir.resolve("backup"))).isZero();
        try (Stream<Path> blobs = Files.list(dir.resolve("backup").resolve("blobs"))) {
            Path blob = blobs.findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(blob);
            bytes[bytes.length - 1] ^= 1;
            Files.write(blob, bytes);
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> command().restore(config("c"),
                dir.resolve("backup"))).hasMessageContaining("the backup is damaged");
    }

    @Test
    void backupIntoANonEmptyDirectoryIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("used"));
        Files.writeString(dir.resolve("used").resolve("x"), "x");

        assertThat(command().backup(config("a"), dir.resolve("used"))).isEqualTo(64);
    }

    private static void store(Node node, String study, int n) throws Exception {
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        d.setString(Tag.SOPInstanceUID, VR.UI, study + ".1." + n);
        d.setString(Tag.StudyInstanceUID, VR.UI, study);
        d.setString(Tag.SeriesInstanceUID, VR.UI, study + ".1");
        d.setString(Tag.Modality, VR.CS, "OT");
        d.setString(Tag.PatientID, VR.LO, "DRILL-" + n);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        node.ingest().ingest(new IngestSource("DRILL", "test"), "1.2.840.10008.5.1.4.1.1.7", study + ".1." + n,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
