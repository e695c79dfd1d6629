package org.hrnode.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.testing.DatasetDiff;
import org.junit.jupiter.api.Test;

/** Writer output on golden bytes, and round trips of what the writer has to get right. */
class DicomWriterTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] write(Dataset ds, TransferSyntax ts, WriteOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out, options)) {
            w.writeDataset(ds, ts);
        }
        return out.toByteArray();
    }

    private static Dataset sample() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1234");
        ds.setString(Tag.PatientName, VR.PN, "ZHANG^SAN");
        ds.setInts(Tag.Rows, VR.US, 512);
        ds.setDoubles(Tag.PixelSpacing, VR.DS, 0.5, 0.5);
        Sequence sq = ds.newSequence(Tag.ReferencedImageSequence);
        Dataset item = sq.addNewItem();
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25.1");
        sq.addNewItem().setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25.2");
        return ds;
    }

    @Test
    void padsOddValuesWithTheVrPaddingByte() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientID, VR.LO, "ABC");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        byte[] bytes = write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.defaults());
        assertThat(HEX.formatHex(bytes)).isEqualTo(
                "08001800" + "5549" + "0600" + "312e322e3300"   // UI padded with NUL
                        + "10002000" + "4c4f" + "0400" + "41424320"); // LO padded with space
    }

    @Test
    void writesImplicitVrWithFourByteLengths() throws Exception {
        Dataset ds = new Dataset();
        ds.setInts(Tag.Rows, VR.US, 512);
        assertThat(HEX.formatHex(write(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, WriteOptions.defaults())))
                .isEqualTo("28001000" + "02000000" + "0002");
    }

    @Test
    void definedAndUndefinedSequenceLengthsBothReadBack() throws Exception {
        Dataset ds = sample();
        for (boolean undefined : new boolean[] {true, false}) {
            for (TransferSyntax ts : new TransferSyntax[] {TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN}) {
                byte[] bytes = write(ds, ts, WriteOptions.defaults().withUndefinedSequenceLength(undefined));
                DicomReader r = new DicomReader(new ByteArrayInputStream(bytes), ReadOptions.defaults());
                r.startDataset(ts);
                assertThat(DatasetDiff.firstDifference(ds, r.readDataset(-1)))
                        .as("%s, undefined lengths %s", ts.uid(), undefined).isNull();
            }
        }
        byte[] defined = write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.defaults().withUndefinedSequenceLength(false));
        assertThat(HEX.formatHex(defined)).doesNotContain("ffffffff");
    }

    @Test
    void part10FileHasPreambleMetaAndGroupLength() throws Exception {
        Dataset ds = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            w.writePart10(FileMetaInformation.forDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), ds);
        }
        byte[] bytes = out.toByteArray();
        assertThat(new String(bytes, 128, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DICM");
        DicomFile f = DicomReader.read(new ByteArrayInputStream(bytes));
        Dataset meta = f.fileMetaInformation();
        assertThat(meta.getString(Tag.MediaStorageSOPInstanceUID)).isEqualTo("2.25.1234");
        assertThat(meta.getString(Tag.ImplementationClassUID)).isEqualTo(FileMetaInformation.IMPLEMENTATION_CLASS_UID);
        long groupLength = meta.getLongs(Tag.FileMetaInformationGroupLength)[0];
        int metaEnd = 132 + 12 + (int) groupLength;
        assertThat(bytes[metaEnd] & 0xFF).as("dataset starts right after the meta group length says")
                .isEqualTo(0x08);
        assertThat(DatasetDiff.firstDifference(ds, f.dataset())).isNull();
    }

    @Test
    void bigEndianDatasetsAreSwappedOnWrite() throws Exception {
        Dataset be = new Dataset(true);
        be.setInts(Tag.Rows, VR.US, 512);
        be.setTags(Tag.FrameIncrementPointer, Tag.FrameTime);
        byte[] bytes = write(be, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.defaults());
        assertThat(HEX.formatHex(bytes)).isEqualTo("28000900" + "4154" + "0400" + "18006310"
                + "28001000" + "5553" + "0200" + "0002");
    }

    @Test
    void encapsulatedFragmentsAreWrittenAsItems() throws Exception {
        Dataset ds = new Dataset();
        Fragments f = new Fragments();
        f.add(new byte[0]);
        f.add(new byte[] {1, 2, 3});
        ds.set(Tag.PixelData, VR.OB, f);
        assertThat(HEX.formatHex(write(ds, TransferSyntax.RLE_LOSSLESS, WriteOptions.defaults()))).isEqualTo(
                "e07f1000" + "4f42" + "0000" + "ffffffff"
                        + "feff00e0" + "00000000"
                        + "feff00e0" + "04000000" + "01020300"
                        + "feffdde0" + "00000000");
    }

    @Test
    void tooLongShortVrValueTravelsAsUn() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.PatientComments, VR.LT, "x".repeat(70_000));
        byte[] bytes = write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.defaults());
        assertThat(HEX.formatHex(bytes, 0, 12)).isEqualTo("10000040" + "554e" + "0000" + "70110100");
    }

    @Test
    void bigEndianIsNotWritten() {
        assertThatThrownBy(() -> write(sample(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, WriteOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Big Endian");
    }
}
