package org.hrnode.dicom.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files we write are judged by independent tools: DCMTK's dcmdump must read them without complaint, and
 * dicom3tools' dciodvfy must find no error in them that it did not already find in the original.
 */
class WrittenFilesPassDcmtkAndDciodvfyTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void peers() {
        ExternalTool.require("dcmdump");
        ExternalTool.require("dciodvfy");
    }

    static Stream<Named<Path>> files() {
        return TestData.wellFormedRealWorldFiles().stream().map(p -> Named.of(TestData.shortName(p), p));
    }

    @ParameterizedTest
    @MethodSource("files")
    void dcmdumpReadsAndDciodvfyFindsNoNewErrors(Path original) throws Exception {
        DicomFile file = DicomReader.readFile(original);
        TransferSyntax ts = file.transferSyntax().isBigEndian() || !file.transferSyntax().isEncapsulated()
                ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : file.transferSyntax();
        Path written = tmp.resolve(original.getFileName() + ".written.dcm");
        try (DicomWriter w = new DicomWriter(Files.newOutputStream(written))) {
            w.writePart10(metaFor(file, ts), file.dataset());
        }

        ExternalTool.Result dump = ExternalTool.run("dcmdump", "-q", "-dc", written.toString());
        assertThat(dump.exitCode()).as("dcmdump exit status; stderr: %s", dump.stderr()).isZero();
        assertThat(dump.stderr()).as("dcmdump complaints").isEmpty();

        Set<String> before = dciodvfyErrors(baselineFor(original, file));
        Set<String> after = dciodvfyErrors(written);
        after.removeAll(before);
        if (!file.dataset().contains(Tag.SOPClassUID) || !file.dataset().contains(Tag.SOPInstanceUID)) {
            // A dataset without SOP UIDs cannot have consistent meta; the original escaped only by having no meta.
            after.removeIf(e -> e.contains("MediaStorageSOP"));
        }
        assertThat(after).as("dciodvfy errors introduced by writing %s", original).isEmpty();
        Files.delete(written);
    }

    /**
     * dciodvfy stops early on deflated files, so their errors are taken from DCMTK's inflated copy; the other
     * originals are judged as they are.
     */
    private static Path baselineFor(Path original, DicomFile file) throws Exception {
        if (!file.transferSyntax().isDeflated()) {
            return original;
        }
        ExternalTool.require("dcmconv");
        Path inflated = tmp.resolve(original.getFileName() + ".inflated.dcm");
        ExternalTool.Result r = ExternalTool.run("dcmconv", "+te", original.toString(), inflated.toString());
        assertThat(r.exitCode()).as("dcmconv: %s", r.stderr()).isZero();
        return inflated;
    }

    /** The original's meta where it had one (a DICOMDIR has no SOP Instance UID in its dataset). */
    private static Dataset metaFor(DicomFile file, TransferSyntax ts) {
        Dataset old = file.fileMetaInformation();
        String sopClass = file.dataset().getString(Tag.SOPClassUID, old.getString(Tag.MediaStorageSOPClassUID,
                "1.2.840.10008.5.1.4.1.1.7"));
        String sopInstance = file.dataset().getString(Tag.SOPInstanceUID,
                old.getString(Tag.MediaStorageSOPInstanceUID, "2.25.1"));
        Dataset meta = FileMetaInformation.create(sopClass, sopInstance, ts.uid());
        if (old.hasValue(Tag.SourceApplicationEntityTitle)) {
            meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, old.getString(Tag.SourceApplicationEntityTitle));
        }
        return meta;
    }

    private static Set<String> dciodvfyErrors(Path file) throws Exception {
        return ExternalTool.run("dciodvfy", file.toString()).lines().stream()
                .filter(l -> l.startsWith("Error"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
