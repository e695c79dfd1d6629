package org.hrnode.dicom.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.text.DumpFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per bug {@link ParserFuzzTest} found, each with the minimized input that triggered it as golden bytes. */
class FuzzRegressionTest {

    private static final int EXTREME_DOUBLES_TAG = 0x0023_1070;
    private static final String[] EXTREME_DOUBLES = {"2.06122305E-229", "2.122134961E-314", "3.233986612E-309",
        "9.8944298376E+73", "4.0839015874E+93", "5.894260801E-308", "4.934671896E-314", "5.977302732E-309"};
    /** Formatting a double now costs a few hundred bytes; it cost tens of kilobytes. */
    private static final long MAX_ALLOCATION_PER_FORMATTED_VALUE = 4 * 1024;

    /** File Meta Information with only (0002,0010) Transfer Syntax UID = Deflated Explicit VR Little Endian. */
    private static final String DEFLATED_META = "0200 1000 5549 1600"
            + hex("1.2.840.10008.1.2.1.99");

    /**
     * Found from pydicom's image_dfl.dcm cut short: the inflater's EOFException ("Unexpected end of ZLIB input
     * stream") escaped as an I/O error instead of a parse error, so callers treated a truncated upload as a disk
     * failure.
     */
    @Test
    void truncatedDeflatedDatasetIsAParseError() {
        byte[] input = bytes(DEFLATED_META
                // raw deflate of (0008,0020) DA "20240229", cut after 8 of its 18 bytes
                + "e3 60 50 60 70 71 e4 60");
        assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(input)))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("deflated dataset is corrupt or truncated");
    }

    /** The same bug through the inflater's other complaint: a ZipException for bytes that are not deflate data. */
    @Test
    void corruptDeflatedDatasetIsAParseError() {
        byte[] input = bytes(DEFLATED_META
                + "ff ff ff ff"); // block type 3, which deflate does not have
        assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(input)))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("deflated dataset is corrupt or truncated");
    }

    /**
     * Found by the file-versus-memory differential (a VR swapped to UR on Pixel Data of a DICOMDIR test image):
     * Pixel Data was left in the file as a bulk data reference whatever its VR, so a text VR read back as no text
     * from a file while the same bytes read from memory gave the text.
     */
    @Test
    void textValuesAreNeverLeftInTheFileAsReferences(@TempDir Path dir) throws Exception {
        byte[] input = bytes("e07f 1000 5552 0000 04000000" // (7FE0,0010) UR, 4 bytes
                + hex("abcd"));
        Path file = Files.write(dir.resolve("pixel-data-as-ur.dcm"), input);
        ReadOptions byReference = ReadOptions.defaults().withBulkDataSource(file.toUri()).withBulkDataThreshold(2);

        var dataset = DicomReader.readFile(file, byReference).dataset();

        assertThat(dataset.getText(Tag.PixelData)).isEqualTo("abcd");
        assertThat(dataset.getText(Tag.PixelData))
                .isEqualTo(DicomReader.read(new ByteArrayInputStream(input)).dataset().getText(Tag.PixelData));
    }

    /**
     * Found by the allocation cap (729 MB allocated for a 39 KB input): a length mutation made CT pixels an FD value,
     * and formatting each tiny or huge double expanded it exactly to hundreds of digits; the dump formatted every
     * value though it shows sixteen. These are the first eight of those doubles.
     */
    @Test
    void formattingExtremeDoublesAllocatesLittle() throws Exception {
        byte[] input = bytes("2300 7010 4644 4000" // (0023,1070) FD, 64 bytes
                + "96b3c94123007410 534c040001000000 23007d1053530200 000025001000 4c4f"
                + "0c0047454d535f53 4552535f30312500 061053530200 0000 25000710534c0400");
        DicomFile file = DicomReader.read(new ByteArrayInputStream(input));

        DumpFormatter.format(file); // first use loads classes and tables; that is not what is measured

        long before = AllocationMeter.allocatedByCurrentThread();
        String[] values = file.dataset().getStrings(EXTREME_DOUBLES_TAG);
        String dump = DumpFormatter.format(file);
        long allocated = AllocationMeter.allocatedByCurrentThread() - before;

        assertThat(values).containsExactly(EXTREME_DOUBLES);
        assertThat(dump).contains(String.join("\\", EXTREME_DOUBLES));
        assertThat(allocated).isLessThan(MAX_ALLOCATION_PER_FORMATTED_VALUE * values.length * 2);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
