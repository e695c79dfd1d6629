package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pydicom's test files (Debian python3-pydicom): each losslessly compressed or big-endian file decodes to the
 * pixels of its uncompressed counterpart; the RGB RLE files, which have no uncompressed counterpart there,
 * decode to what DCMTK's dcmdrle makes of them.
 */
class PydicomLosslessFilesTest {

    @TempDir
    Path temp;

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("MR_small_RLE.dcm", "MR_small.dcm"),
                Arguments.of("MR_small_jp2klossless.dcm", "MR_small.dcm"),
                Arguments.of("MR_small_jpeg_ls_lossless.dcm", "MR_small.dcm"),
                Arguments.of("MR_small_bigendian.dcm", "MR_small.dcm"),
                Arguments.of("MR_small_expb.dcm", "MR_small.dcm"),
                Arguments.of("MR_small_implicit.dcm", "MR_small.dcm"),
                Arguments.of("rtdose_rle.dcm", "rtdose.dcm"),
                Arguments.of("rtdose_rle_1frame.dcm", "rtdose_1frame.dcm"),
                Arguments.of("rtdose_expb.dcm", "rtdose.dcm"),
                Arguments.of("rtdose_expb_1frame.dcm", "rtdose_1frame.dcm"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("pairs")
    void decodesToTheUncompressedCounterpart(String compressed, String uncompressed) throws Exception {
        Path dir = TestData.pydicomTestFiles();
        DecodedPixels expected = DecodedPixels.of(dir.resolve(uncompressed));
        DecodedPixels actual = DecodedPixels.of(dir.resolve(compressed));
        assertThat(actual.description()).isEqualTo(expected.description());
        assertThat(actual.bytes()).isEqualTo(expected.bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SC_rgb_rle.dcm", "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit.dcm",
            "SC_rgb_rle_16bit_2frame.dcm", "SC_rgb_rle_32bit.dcm", "SC_rgb_rle_32bit_2frame.dcm"})
    void rgbRleDecodesAsDcmtkDecodesIt(String name) throws Exception {
        Path source = TestData.pydicomTestFiles().resolve(name);
        Path copy = Files.copy(source, temp.resolve(name));
        DicomFile byDcmtk = DicomReader.readFile(Peers.DCMTK_RLE.decompress(copy));
        assertThat(DecodedPixels.of(source).bytes()).isEqualTo(DecodedPixels.ofNative(byDcmtk.dataset()).bytes());
    }
}
