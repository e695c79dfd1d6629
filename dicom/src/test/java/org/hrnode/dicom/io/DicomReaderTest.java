package org.hrnode.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reader behaviour on golden bytes: what it accepts, where it stops, and how it refuses hostile lengths. */
class DicomReaderTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replaceAll("\\s", ""));
    }

    private static DicomReader bare(byte[] bytes, TransferSyntax ts) throws Exception {
        DicomReader r = new DicomReader(new ByteArrayInputStream(bytes), ReadOptions.defaults());
        r.startDataset(ts);
        return r;
    }

    @Test
    void readsExplicitLittleEndianElementsAndStopsBeforePixelData() throws Exception {
        byte[] bytes = hex("""
                1000 1000 504E 0800 5A48 414E 475E 5341
                1000 2000 4C4F 0400 3132 3334
                E07F 1000 4F57 0000 0400 0000 0100 0200""");
        DicomReader r = bare(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dataset ds = r.readDataset(Tag.PixelData);
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("ZHANG^SA");
        assertThat(ds.getString(Tag.PatientID)).isEqualTo("1234");
        assertThat(ds.contains(Tag.PixelData)).isFalse();
        assertThat(r.stoppedBeforeTag()).isTrue();
        assertThat(r.position()).as("positioned at the Pixel Data header").isEqualTo(28);
        Dataset rest = r.readDataset(-1);
        assertThat(rest.getLongs(Tag.PixelData)).containsExactly(1, 2);
    }

    @Test
    void readsImplicitVrWithDictionaryVrs() throws Exception {
        byte[] bytes = hex("2800 1000 02000000 0002  2800 1100 02000000 0001");
        Dataset ds = bare(bytes, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).readDataset(-1);
        assertThat(ds.vrOf(Tag.Rows)).isEqualTo(VR.US);
        assertThat(ds.getInt(Tag.Rows, 0)).isEqualTo(512);
        assertThat(ds.getInt(Tag.Columns, 0)).isEqualTo(256);
    }

    @Test
    void resolvesAmbiguousUsSsByPixelRepresentationInImplicitVr() throws Exception {
        byte[] bytes = hex("2800 0301 02000000 0100  2800 0601 02000000 FFFF");
        Dataset ds = bare(bytes, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).readDataset(-1);
        assertThat(ds.vrOf(Tag.SmallestImagePixelValue)).isEqualTo(VR.SS);
        assertThat(ds.getInt(Tag.SmallestImagePixelValue, 0)).isEqualTo(-1);
    }

    @Test
    void readsBigEndianValuesCorrectly() throws Exception {
        byte[] bytes = hex("0028 0010 5553 0002 0200");
        Dataset ds = bare(bytes, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN).readDataset(-1);
        assertThat(ds.isBigEndian()).isTrue();
        assertThat(ds.getInt(Tag.Rows, 0)).isEqualTo(512);
    }

    @Test
    void readsUndefinedLengthSequencesAndUnAsImplicitSequence() throws Exception {
        // (0008,1140) SQ undefined, one undefined-length item holding (0008,1150) UI "1.2", then (0009,1000) UN
        // with undefined length, which PS3.5 §6.2.2 says is an implicit VR sequence.
        byte[] bytes = hex("""
                0800 4011 5351 0000 FFFFFFFF
                FEFF 00E0 FFFFFFFF  0800 5011 5549 0400 312E 3200  FEFF 0DE0 00000000
                FEFF DDE0 00000000
                0900 1000 4C4F 0400 4143 4D45
                0900 0010 554E 0000 FFFFFFFF
                FEFF 00E0 FFFFFFFF  0800 5011 04000000 312E 3300  FEFF 0DE0 00000000
                FEFF DDE0 00000000""");
        Dataset ds = bare(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).readDataset(-1);
        assertThat(ds.getSequence(Tag.ReferencedImageSequence).get(0).getString(Tag.ReferencedSOPClassUID))
                .isEqualTo("1.2");
        Dataset unItem = ds.getSequence(0x00091000).get(0);
        assertThat(unItem.getString(Tag.ReferencedSOPClassUID)).isEqualTo("1.3");
        assertThat(unItem.parent()).isSameAs(ds);
    }

    @Test
    void readsEncapsulatedPixelDataFragments() throws Exception {
        byte[] bytes = hex("""
                E07F 1000 4F42 0000 FFFFFFFF
                FEFF 00E0 00000000
                FEFF 00E0 04000000 FFD8 FFD9
                FEFF DDE0 00000000""");
        Dataset ds = bare(bytes, TransferSyntax.JPEG_LOSSLESS_SV1).readDataset(-1);
        Fragments f = ds.getFragments(Tag.PixelData);
        assertThat(f.size()).isEqualTo(2);
        assertThat(f.lengthOf(0)).isZero();
        assertThat((byte[]) f.items().get(1)).containsExactly(0xFF, 0xD8, 0xFF, 0xD9);
    }

    @Test
    void corruptLengthOnAStreamIsAParseErrorNotAnAllocation() throws Exception {
        // Claims a 2 GB - 16 value after which only 4 bytes follow; must fail without allocating the claim.
        byte[] bytes = hex("0900 1010 4F42 0000 F0FF FF7F 0102 0304");
        DicomReader r = bare(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThatThrownBy(() -> r.readDataset(-1)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("above the in-memory limit");
        DicomReader small = new DicomReader(new ByteArrayInputStream(hex("0900 1010 4F42 0000 0000 1000 0102 0304")),
                ReadOptions.defaults());
        small.startDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThatThrownBy(() -> small.readDataset(-1)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("unexpected end of data after 4 of 1048576 bytes");
    }

    @Test
    void lengthPastTheEndOfAFileIsCaughtBeforeReading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("short.dcm");
        Files.write(file, hex("1000 1000 504E 4000 5A48"));
        assertThatThrownBy(() -> DicomReader.readFile(file)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("runs past the end of the file");
    }

    @Test
    void nestingBeyondTheCapIsRefused() throws Exception {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        int depth = ReadOptions.DEFAULT_MAX_NESTING_DEPTH + 1;
        for (int i = 0; i < depth; i++) {
            nested.write(hex("0800 4011 5351 0000 FFFFFFFF FEFF 00E0 FFFFFFFF"));
        }
        DicomReader r = bare(nested.toByteArray(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThatThrownBy(() -> r.readDataset(-1)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("nested deeper than 64");
    }

    @Test
    void deflateBombIsStoppedByTheTotalInMemoryLimit() throws Exception {
        Dataset bomb = new Dataset();
        int elements = 10;
        int valueLength = 2 << 20;
        for (int i = 0; i < elements; i++) {
            bomb.setBytes(Tags.of(0x0009, 0x1000 + i), VR.OB, new byte[valueLength]);
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(deflated)) {
            w.writeDataset(bomb, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        }
        assertThat(deflated.size()).as("20 MiB of zeros deflate to little").isLessThan(64 * 1024);
        ReadOptions options = ReadOptions.defaults().withMaxInMemoryValue(4 << 20).withMaxInMemoryTotal(8 << 20);
        DicomReader r = new DicomReader(new ByteArrayInputStream(deflated.toByteArray()), options);
        r.startDataset(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        assertThatThrownBy(() -> r.readDataset(-1)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("exceed the limit of 8388608 bytes");
    }

    @Test
    void invalidVrBytesAreNamed() throws Exception {
        DicomReader r = bare(hex("0800 6000 4353 0200 4354  1000 1000 7A7A 0200 4142"),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThatThrownBy(() -> r.readDataset(-1)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("invalid VR").hasMessageContaining("(0010,0010)");
    }

    @Test
    void largeValuesOfAFileStayInTheFileAsReferences(@TempDir Path dir) throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.42");
        byte[] pixels = new byte[1 << 20];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31);
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        Path file = dir.resolve("big.dcm");
        DicomWriter.writeFile(file, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        DicomFile read = DicomReader.readFile(file);
        BulkData ref = (BulkData) read.dataset().getValue(Tag.PixelData);
        assertThat(ref.length()).isEqualTo(pixels.length);
        assertThat(ref.uri()).isEqualTo(file.toUri());
        try (InputStream in = ref.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pixels);
        }
    }

    @Test
    void fileWithoutPreambleOrMetaIsDetected() throws Exception {
        byte[] implicitBare = hex("0800 1600 1A000000 312E 322E 3834 302E 3130 3030 382E 352E 312E 342E 312E 312E 3700");
        DicomFile f = DicomReader.read(new ByteArrayInputStream(implicitBare));
        assertThat(f.hasPreamble()).isFalse();
        assertThat(f.fileMetaInformation().isEmpty()).isTrue();
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(f.dataset().getString(Tag.SOPClassUID)).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
    }

    @Test
    void metaThatLiesAboutVrEncodingIsOverruledByTheBytes() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.7");
        ds.setString(Tag.PatientID, VR.LO, "P1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            // Meta says explicit, dataset written implicit: what some modalities really send.
            w.writeFileMetaInformation(FileMetaInformation.forDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
            w.writeDataset(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        }
        DicomFile f = DicomReader.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(f.dataset().getString(Tag.PatientID)).isEqualTo("P1");
    }

    @Test
    void emptyInputIsAnEmptyDataset() throws IOException, DicomParseException {
        assertThat(DicomReader.read(new ByteArrayInputStream(new byte[0])).dataset().isEmpty()).isTrue();
    }
}
