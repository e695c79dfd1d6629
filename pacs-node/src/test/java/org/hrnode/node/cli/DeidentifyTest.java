package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.app.Node;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.ingest.IngestSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The de-identification export (PS3.15 basic profile): identifying attributes and private tags gone as pydicom reads
 * the files, UIDs replaced consistently (a reference inside a sequence follows its target's new UID), pixels kept.
 */
class DeidentifyTest {

    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.8.1";
    private static final String SOP_1 = STUDY + ".1.1";
    private static final String SOP_2 = STUDY + ".1.2";
    private static final String SCRIPT = """
            import sys, glob, pydicom
            files = sorted(glob.glob(sys.argv[1] + '/*.dcm'))
            uids = set()
            for f in files:
                d = pydicom.dcmread(f)
                assert str(d.PatientName) == '' and d.PatientID == '' and d.StudyDate == '', f
                for kw in ('InstitutionName', 'OtherPatientIDs', 'PatientAddress', 'PatientBirthTime'):
                    assert kw not in d, kw
                assert not any(e.tag.is_private for e in d.iterall()), 'private tag left'
                assert d.PatientIdentityRemoved == 'YES'
                assert d.StudyInstanceUID != sys.argv[2]
                assert d.file_meta.MediaStorageSOPInstanceUID == d.SOPInstanceUID
                uids.add(d.StudyInstanceUID)
                assert len(d.PixelData) == 4
            assert len(files) == 2 and len(uids) == 1, (files, uids)
            print('OK', len(files))
            """;

    @TempDir
    Path dir;

    @Test
    void exportedCopiesCarryNoIdentityAndConsistentNewUids() throws Exception {
        NodeConfig config = new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString(),
                "--dicom-port", "0", "--http-port", "0", "--bind-address", "127.0.0.1", "--uncompressed", "accept"));
        Path out = dir.resolve("deid");
        try (Node node = Node.start(config, NodeStorage.openAsOwner(config))) {
            store(node, SOP_1, null);
            store(node, SOP_2, SOP_1);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new DeidentifyCommand(Map.of(), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).export(node.storage(), STUDY, out);
            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }

        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(2);
        Dataset second = null;
        Dataset first = null;
        for (Path f : files) {
            Dataset d = DicomReader.readFile(f).dataset();
            assertThat(d.getString(Tag.PatientName, "")).isEmpty();
            assertThat(d.contains(Tag.InstitutionName)).isFalse();
            assertThat(d.getString(Tag.StudyInstanceUID)).startsWith("2.25.");
            if (d.contains(Tag.ReferencedImageSequence)) {
                second = d;
            } else {
                first = d;
            }
        }
        assertThat(second.getSequence(Tag.ReferencedImageSequence).get(0).getString(Tag.ReferencedSOPInstanceUID))
                .as("the reference follows its target").isEqualTo(first.getString(Tag.SOPInstanceUID));

        ExternalTool.require(TestData.SYSTEM_PYTHON.toString());
        ExternalTool.Result pydicom = ExternalTool.run(TestData.SYSTEM_PYTHON.toString(), "-c", SCRIPT,
                out.toString(), STUDY);
        assertThat(pydicom.exitCode()).as(pydicom.stderr()).isZero();
        assertThat(pydicom.stdout()).startsWith("OK 2");
    }

    private static void store(Node node, String sop, String references) throws Exception {
        Dataset d = new Dataset();
        d.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        d.setString(Tag.SOPInstanceUID, VR.UI, sop);
        d.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        d.setString(Tag.SeriesInstanceUID, VR.UI, STUDY + ".1");
        d.setString(Tag.Modality, VR.CS, "OT");
        d.setString(Tag.PatientName, VR.PN, "张三^测试");
        d.setString(Tag.PatientID, VR.LO, "510101198001011234");
        d.setString(Tag.OtherPatientIDs, VR.LO, "OLD-ID-7");
        d.setString(Tag.PatientAddress, VR.LO, "成都市");
        d.setString(Tag.PatientBirthTime, VR.TM, "101010");
        d.setString(Tag.StudyDate, VR.DA, "20260501");
        d.setString(Tag.InstitutionName, VR.LO, "四川省人民医院");
        int creator = d.reservePrivateTag("HRNODE TEST", 0x0009, 0x10);
        d.setString(creator, VR.LO, "private patient note");
        if (references != null) {
            Dataset item = d.newSequence(Tag.ReferencedImageSequence).addNewItem();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, references);
        }
        d.setInts(Tag.Rows, VR.US, 2);
        d.setInts(Tag.Columns, VR.US, 2);
        d.setInts(Tag.BitsAllocated, VR.US, 8);
        d.setInts(Tag.BitsStored, VR.US, 8);
        d.setInts(Tag.HighBit, VR.US, 7);
        d.setInts(Tag.PixelRepresentation, VR.US, 0);
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        d.setBytes(Tag.PixelData, VR.OB, new byte[] {1, 2, 3, 4});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        node.ingest().ingest(new IngestSource("DEID", "test"), "1.2.840.10008.5.1.4.1.1.7", sop,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(bytes.toByteArray()));
    }
}
