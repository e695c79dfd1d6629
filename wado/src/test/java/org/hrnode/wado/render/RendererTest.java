package org.hrnode.wado.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.Photometric;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The renderer against an independent reference: pydicom + numpy compute the expected 8-bit image of each real file
 * (from its uncompressed original), and our PNG of the losslessly compressed file must match it.
 */
class RendererTest {

    private final Renderer renderer = new Renderer();

    static Stream<Arguments> greyScaleImages() {
        return Stream.of(
                // signed 16-bit CT, object window 35/350 (WG04 CT2), JPEG-LS lossless
                Arguments.of("wg04/JLSL/CT2_JLSL", "wg04/REF/CT2_UNC.zst"),
                // CT without a window: the frame's min..max, rescale intercept -1024
                Arguments.of("wg04/JLSL/CT1_JLSL", "wg04/REF/CT1_UNC.zst"),
                // MONOCHROME1 radiograph, 10 bits, J2K lossless
                Arguments.of("wg04/J2KR/RG3_J2KR", "wg04/REF/RG3_UNC.zst"),
                // MR with Rescale Slope 9.57 and Intercept -19595, negative window center
                Arguments.of("wg04/JLSL/MR4_JLSL", "wg04/REF/MR4_UNC.zst"),
                // MR with a fractional slope, RLE
                Arguments.of("wg04/RLE/MR2_RLE", "wg04/REF/MR2_UNC.zst"),
                // 1024x256 NM, signed, no window, JPEG lossless
                Arguments.of("wg04/JPLL/NM1_JPLL", "wg04/REF/NM1_UNC.zst"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("greyScaleImages")
    void greyScaleRenderingMatchesPydicomReference(String compressed, String original) throws Exception {
        Path data = TestData.sharedData();
        DicomFile file = read(data.resolve(compressed));
        requireDecoder(file);

        BufferedImage rendered = Images.decode(renderer.render(file.dataset(), file.transferSyntax(), png(), false));
        byte[] expected = PythonReference.pixels(data.resolve(original), null);

        byte[] actual = Images.samples(rendered);
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(Images.maxAbsoluteDifference(actual, expected)).as("largest difference").isLessThanOrEqualTo(1);
        assertThat(Images.meanAbsoluteDifference(actual, expected)).as("mean difference").isLessThan(0.01);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pydicomFiles")
    void uncompressedPydicomFilesMatchTheReference(String name) throws Exception {
        Path path = TestData.pydicomTestFiles().resolve(name);
        DicomFile file = read(path);

        byte[] actual = Images.samples(Images.decode(renderer.render(file.dataset(), file.transferSyntax(), png(),
                false)));

        byte[] expected = PythonReference.pixels(path, null);
        assertThat(actual).hasSameSizeAs(expected);
        // YBR_FULL_422 goes through two YCbCr→RGB implementations that round differently.
        assertThat(Images.maxAbsoluteDifference(actual, expected)).isLessThanOrEqualTo(2);
        assertThat(Images.meanAbsoluteDifference(actual, expected)).isLessThan(0.5);
    }

    static Stream<String> pydicomFiles() {
        return Stream.of("CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm", "SC_rgb_small_odd.dcm",
                "SC_ybr_full_422_uncompressed.dcm", "SC_rgb_rle_16bit.dcm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestedWindows")
    void requestedWindowMatchesReference(Window window) throws Exception {
        Path data = TestData.sharedData();
        DicomFile file = read(data.resolve("wg04/JLSL/CT2_JLSL"));
        requireDecoder(file);

        byte[] actual = Images.samples(Images.decode(renderer.render(file.dataset(), file.transferSyntax(),
                png().withWindow(window), false)));

        byte[] expected = PythonReference.pixels(data.resolve("wg04/REF/CT2_UNC.zst"), window);
        assertThat(Images.maxAbsoluteDifference(actual, expected)).isLessThanOrEqualTo(1);
        assertThat(Images.meanAbsoluteDifference(actual, expected)).isLessThan(0.01);
    }

    static Stream<Window> requestedWindows() {
        return Stream.of(new Window(40, 400, VoiFunction.LINEAR), new Window(-600, 1500, VoiFunction.LINEAR_EXACT),
                new Window(300, 1200, VoiFunction.SIGMOID), new Window(0, 1, VoiFunction.LINEAR));
    }

    @Test
    void twelveBitLossyJpegIsNotRenderableWithAReason() throws Exception {
        DicomFile file = read(TestData.sharedData().resolve("wg04/JPLY/MR1_JPLY"));
        assertThat(file.transferSyntax()).isEqualTo(TransferSyntax.JPEG_EXTENDED_12BIT);

        assertThatThrownBy(() -> renderer.render(file.dataset(), file.transferSyntax(), png(), false))
                .isInstanceOfSatisfying(NotRenderableException.class, e -> {
                    assertThat(e.isBadRequest()).isFalse();
                    assertThat(e.getMessage()).contains("12-bit lossy JPEG");
                });
    }

    @Test
    void baselineJpegColourMatchesDcmtksDecode() throws Exception {
        ExternalTool.require("dcmdjpeg");
        Path path = TestData.pydicomTestFiles().resolve("SC_rgb_jpeg_dcmtk.dcm");
        DicomFile file = read(path);
        assertThat(file.transferSyntax()).isEqualTo(TransferSyntax.JPEG_BASELINE_8BIT);

        BufferedImage rendered = Images.decode(renderer.render(file.dataset(), file.transferSyntax(), png(), false));

        assertThat(rendered.getRaster().getNumBands()).isEqualTo(3);
        byte[] expected = PythonReference.pixels(path, null);
        assertThat(Images.meanAbsoluteDifference(Images.samples(rendered), expected)).isLessThan(2);
    }

    @Test
    void theWindowChangesTheImage() throws Exception {
        DicomFile file = read(TestData.pydicomTestFiles().resolve("CT_small.dcm"));

        byte[] soft = Images.samples(Images.decode(renderer.render(file.dataset(), file.transferSyntax(),
                png().withWindow(new Window(40, 400, VoiFunction.LINEAR)), false)));
        byte[] bone = Images.samples(Images.decode(renderer.render(file.dataset(), file.transferSyntax(),
                png().withWindow(new Window(500, 2000, VoiFunction.LINEAR)), false)));

        assertThat(Images.meanAbsoluteDifference(soft, bone)).isGreaterThan(10);
    }

    @Test
    void monochrome1IsTheInverseOfTheSamePixelsAsMonochrome2() throws Exception {
        DicomFile file = read(TestData.sharedData().resolve("wg04/RLE/RG3_RLE"));
        assertThat(file.dataset().getString(Tag.PhotometricInterpretation)).isEqualTo(Photometric.MONOCHROME1);
        RenderRequest request = png();

        byte[] inverted = Images.samples(Images.decode(renderer.render(file.dataset(), file.transferSyntax(),
                request, false)));
        file.dataset().setString(Tag.PhotometricInterpretation, VR.CS, Photometric.MONOCHROME2);
        byte[] plain = Images.samples(Images.decode(renderer.render(file.dataset(), file.transferSyntax(),
                request, false)));

        for (int i = 0; i < plain.length; i++) {
            assertThat((plain[i] & 0xFF) + (inverted[i] & 0xFF)).isEqualTo(255);
        }
    }

    @Test
    void colourJpeg2000MatchesTheUncompressedOriginal() throws Exception {
        Path data = TestData.sharedData();
        DicomFile file = read(data.resolve("wg04/J2KR/US1_J2KR"));
        requireDecoder(file);

        BufferedImage rendered = Images.decode(renderer.render(file.dataset(), file.transferSyntax(), png(), false));

        assertThat(rendered.getRaster().getNumBands()).isEqualTo(3);
        byte[] expected = PythonReference.pixels(data.resolve("wg04/REF/US1_UNC.zst"), null);
        assertThat(Images.maxAbsoluteDifference(Images.samples(rendered), expected)).isZero();
    }

    @Test
    void viewportFitsTheBoxKeepingTheAspectRatio() throws Exception {
        DicomFile file = read(TestData.sharedData().resolve("wg04/RLE/RG2_RLE"));
        assertThat(file.dataset().getInt(Tag.Rows, 0)).isEqualTo(2140);
        assertThat(file.dataset().getInt(Tag.Columns, 0)).isEqualTo(1760);

        BufferedImage fitted = Images.decode(renderer.render(file.dataset(), file.transferSyntax(),
                RenderRequest.defaults().withViewport(Viewport.fitting(256, 256)), false));
        BufferedImage wide = Images.decode(renderer.render(file.dataset(), file.transferSyntax(),
                RenderRequest.defaults().withViewport(Viewport.fitting(1000, 100)), false));

        assertThat(fitted.getHeight()).isEqualTo(256);
        assertThat(fitted.getWidth()).isEqualTo(Math.round(1760 * 256 / 2140f));
        assertThat(wide.getHeight()).isEqualTo(100);
        assertThat(wide.getWidth()).isEqualTo(Math.round(1760 * 100 / 2140f));
    }

    @Test
    void viewportSourceRegionShowsThatRegionOnly() throws Exception {
        DicomFile file = read(TestData.pydicomTestFiles().resolve("CT_small.dcm"));
        byte[] whole = Images.samples(Images.decode(renderer.render(file.dataset(), file.transferSyntax(), png(),
                false)));

        BufferedImage region = Images.decode(renderer.render(file.dataset(), file.transferSyntax(),
                png().withViewport(new Viewport(32, 16, new Rectangle(64, 32, 32, 16))), false));

        assertThat(region.getWidth()).isEqualTo(32);
        assertThat(region.getHeight()).isEqualTo(16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                assertThat(region.getRaster().getSample(x, y, 0)).isEqualTo(whole[(32 + y) * 128 + 64 + x] & 0xFF);
            }
        }
    }

    @Test
    void jpegQualityChangesTheSize() throws Exception {
        DicomFile file = read(TestData.pydicomTestFiles().resolve("CT_small.dcm"));

        byte[] low = renderer.render(file.dataset(), file.transferSyntax(), RenderRequest.defaults().withQuality(10),
                false);
        byte[] high = renderer.render(file.dataset(), file.transferSyntax(),
                RenderRequest.defaults().withQuality(100), false);

        assertThat(low).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(low.length).isLessThan(high.length / 2);
    }

    @Test
    void theHrMarkIsDrawnInTheUpperRightCornerOnly() throws Exception {
        DicomFile file = read(TestData.pydicomTestFiles().resolve("CT_small.dcm"));
        RenderRequest request = png().withViewport(Viewport.fitting(512, 512));

        BufferedImage plain = Images.decode(renderer.render(file.dataset(), file.transferSyntax(), request, false));
        BufferedImage marked = Images.decode(renderer.render(file.dataset(), file.transferSyntax(), request, true));

        Rectangle changed = changedArea(plain, marked);
        assertThat(changed.isEmpty()).as("the mark changes pixels").isFalse();
        assertThat(changed.x).as("left edge of the mark").isGreaterThan(512 / 2);
        assertThat(changed.y + changed.height).as("bottom edge of the mark").isLessThan(512 / 4);
        assertThat(512 - (changed.x + changed.width)).as("right margin").isBetween(1, 30);
        assertThat(changed.y).as("top margin").isBetween(1, 30);
        assertThat(changed.height).as("readable height").isGreaterThanOrEqualTo(30);
    }

    @Test
    void theHrMarkShowsOnBlackAndOnWhiteImages() throws Exception {
        for (int value : new int[] {0, 4095}) {
            Dataset flat = flatImage(value);

            BufferedImage marked = Images.decode(renderer.render(flat, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    png().withWindow(new Window(2048, 4096, VoiFunction.LINEAR)), true));

            int darkest = 255;
            int brightest = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 100; x < 256; x++) {
                    darkest = Math.min(darkest, Images.grey(marked, x, y));
                    brightest = Math.max(brightest, Images.grey(marked, x, y));
                }
            }
            assertThat(brightest).as("white letters on background " + value).isGreaterThan(240);
            assertThat(darkest).as("black outline on background " + value).isLessThan(15);
            assertThat(Images.grey(marked, 10, 200)).as("untouched elsewhere").isEqualTo(value == 0 ? 0 : 255);
        }
    }

    @Test
    void thumbnailsCarryALegibleMark() throws Exception {
        DicomFile file = read(TestData.pydicomTestFiles().resolve("MR_small.dcm"));
        RenderRequest thumbnail = png().withViewport(Viewport.fitting(128, 128));

        BufferedImage plain = Images.decode(renderer.render(file.dataset(), file.transferSyntax(), thumbnail, false));
        BufferedImage marked = Images.decode(renderer.render(file.dataset(), file.transferSyntax(), thumbnail, true));

        Rectangle changed = changedArea(plain, marked);
        assertThat(changed.height).isGreaterThanOrEqualTo(12);
        assertThat(changed.x).isGreaterThan(128 / 3);
    }

    @Test
    void aFramePastTheLastIsABadRequest() throws Exception {
        DicomFile file = read(TestData.pydicomTestFiles().resolve("CT_small.dcm"));

        assertThatThrownBy(() -> renderer.render(file.dataset(), file.transferSyntax(),
                RenderRequest.defaults().withFrame(2), false))
                .isInstanceOfSatisfying(NotRenderableException.class, e -> {
                    assertThat(e.isBadRequest()).isTrue();
                    assertThat(e.getMessage()).contains("frame 2", "has 1");
                });
    }

    @Test
    void anObjectWithoutPixelDataIsNotRenderable() throws Exception {
        DicomFile report = read(TestData.pydicomTestFiles().resolve("test-SR.dcm"));

        assertThatThrownBy(() -> renderer.render(report.dataset(), report.transferSyntax(),
                RenderRequest.defaults(), false))
                .isInstanceOfSatisfying(NotRenderableException.class, e -> {
                    assertThat(e.isBadRequest()).isFalse();
                    assertThat(e.getMessage()).contains("no Pixel Data");
                });
    }

    @Test
    void framesOfAMultiFrameObjectDiffer() throws Exception {
        DicomFile file = read(TestData.pydicomTestFiles().resolve("SC_rgb_rle_2frame.dcm"));

        byte[] first = Images.samples(Images.decode(renderer.render(file.dataset(), file.transferSyntax(), png(),
                false)));
        byte[] second = Images.samples(Images.decode(renderer.render(file.dataset(), file.transferSyntax(),
                png().withFrame(2), false)));

        assertThat(first).isNotEqualTo(second);
    }

    static Rectangle changedArea(BufferedImage a, BufferedImage b) {
        Rectangle changed = new Rectangle();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (Images.grey(a, x, y) != Images.grey(b, x, y)) {
                    changed = changed.isEmpty() ? new Rectangle(x, y, 1, 1) : changed.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return changed;
    }

    private static Dataset flatImage(int value) {
        Dataset d = new Dataset();
        d.setInts(Tag.Rows, VR.US, 256);
        d.setInts(Tag.Columns, VR.US, 256);
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.setInts(Tag.BitsStored, VR.US, 12);
        d.setInts(Tag.HighBit, VR.US, 11);
        d.setInts(Tag.PixelRepresentation, VR.US, 0);
        d.setString(Tag.PhotometricInterpretation, VR.CS, Photometric.MONOCHROME2);
        byte[] pixels = new byte[256 * 256 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) value;
            pixels[i + 1] = (byte) (value >> 8);
        }
        d.set(Tag.PixelData, VR.OW, pixels);
        return d;
    }

    private static RenderRequest png() {
        return RenderRequest.defaults().withFormat(OutputFormat.PNG);
    }

    private static DicomFile read(Path path) throws Exception {
        return DicomReader.readFile(path);
    }

    private static void requireDecoder(DicomFile file) {
        TestData.require(Codecs.isAvailable(file.transferSyntax()), Codecs.unavailableReason(file.transferSyntax()));
    }
}
