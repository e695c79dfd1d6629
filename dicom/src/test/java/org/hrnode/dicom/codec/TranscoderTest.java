package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.hrnode.dicom.codec.jpegls.CharLsLibrary;
import org.hrnode.dicom.codec.rle.RleEncoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transcoder's promises: exact or refused, attributes consistent with the stream, lossy marking kept. */
class TranscoderTest {

    private static final TransferSyntax NATIVE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final List<TransferSyntax> LOSSLESS_TARGETS = List.of(TransferSyntax.JPEG_LS_LOSSLESS,
            TransferSyntax.JPEG_2000_LOSSLESS, TransferSyntax.RLE_LOSSLESS);

    private final Transcoder transcoder = Transcoder.standard();

    static Stream<Arguments> images() {
        List<PixelDescription> images = List.of(
                SyntheticImages.describe(17, 23, 1, 16, 12, true, 0, 1),
                SyntheticImages.describe(16, 9, 1, 16, 16, true, 0, 3),
                SyntheticImages.describe(5, 7, 1, 16, 8, false, 0, 1),
                SyntheticImages.describe(33, 65, 1, 8, 8, false, 0, 2),
                SyntheticImages.describe(12, 11, 3, 8, 8, false, 1, 2),
                SyntheticImages.describe(3, 3, 3, 16, 10, false, 0, 1));
        return images.stream().flatMap(d -> LOSSLESS_TARGETS.stream().map(ts -> Arguments.of(d, ts)));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("images")
    void encodingAndDecodingBackGivesTheSamePixels(PixelDescription d, TransferSyntax target) throws Exception {
        Dataset source = SyntheticImages.dataset(d);
        Dataset encoded = transcoder.transcode(source, NATIVE, target);
        assertThat(encoded.getFragments(Tag.PixelData).size()).isEqualTo(d.numberOfFrames() + 1);
        assertThat(encoded.getString(Tag.LossyImageCompression)).isEqualTo("00");
        Dataset back = transcoder.transcode(encoded, target, NATIVE);
        DecodedPixels expected = DecodedPixels.ofNative(source);
        DecodedPixels actual = DecodedPixels.ofNative(back);
        assertThat(actual.description()).isEqualTo(expected.description());
        assertThat(actual.bytes()).isEqualTo(expected.bytes());
        assertThat(source.getFragments(Tag.PixelData)).as("the source is untouched").isNull();
    }

    @Test
    void rgbFollowsEachSyntaxRules() throws Exception {
        Dataset rgbPlanar = SyntheticImages.dataset(SyntheticImages.describe(8, 8, 3, 8, 8, false, 1, 1));
        Dataset j2k = transcoder.transcode(rgbPlanar, NATIVE, TransferSyntax.JPEG_2000_LOSSLESS);
        assertThat(j2k.getString(Tag.PhotometricInterpretation)).isEqualTo(Photometric.YBR_RCT);
        assertThat(j2k.getInt(Tag.PlanarConfiguration, -1)).isZero();
        Dataset jls = transcoder.transcode(rgbPlanar, NATIVE, TransferSyntax.JPEG_LS_LOSSLESS);
        assertThat(jls.getString(Tag.PhotometricInterpretation)).isEqualTo(Photometric.RGB);
        assertThat(jls.getInt(Tag.PlanarConfiguration, -1)).isZero();
        Dataset rle = transcoder.transcode(rgbPlanar, NATIVE, TransferSyntax.RLE_LOSSLESS);
        assertThat(rle.getInt(Tag.PlanarConfiguration, -1)).isEqualTo(1);

        Dataset decoded = transcoder.transcode(j2k, TransferSyntax.JPEG_2000_LOSSLESS, NATIVE);
        assertThat(decoded.getString(Tag.PhotometricInterpretation)).isEqualTo(Photometric.RGB);
        assertThat(decoded.getInt(Tag.PlanarConfiguration, -1)).isZero();
    }

    @Test
    void lossyImageCompressionOnceSetStaysSet() throws Exception {
        Dataset source = SyntheticImages.dataset(SyntheticImages.describe(4, 4, 1, 8, 8, false, 0, 1));
        source.setString(Tag.LossyImageCompression, VR.CS, "01");
        Dataset encoded = transcoder.transcode(source, NATIVE, TransferSyntax.RLE_LOSSLESS);
        assertThat(encoded.getString(Tag.LossyImageCompression)).isEqualTo("01");
    }

    @Test
    void bitsAboveHighBitAreNeverDroppedSilently() throws Exception {
        PixelDescription d = SyntheticImages.describe(2, 2, 1, 16, 12, false, 0, 1);
        byte[] dirty = {0x34, 0x12, (byte) 0xFF, 0x0F, 0x00, (byte) 0x80, 0x01, 0x00};
        Dataset source = SyntheticImages.dataset(d, List.of(dirty));
        for (TransferSyntax ts : List.of(TransferSyntax.JPEG_LS_LOSSLESS, TransferSyntax.JPEG_2000_LOSSLESS)) {
            assertThatThrownBy(() -> transcoder.transcode(source, NATIVE, ts))
                    .isInstanceOf(PixelDataException.class).hasMessageContaining("above High Bit");
        }
        Dataset rle = transcoder.transcode(source, NATIVE, TransferSyntax.RLE_LOSSLESS);
        Dataset back = transcoder.transcode(rle, TransferSyntax.RLE_LOSSLESS, NATIVE);
        assertThat(back.getBytes(Tag.PixelData)).isEqualTo(dirty);
    }

    @Test
    void anEncoderThatIsNotExactIsCaughtBeforeAnythingIsStored() throws Exception {
        CodecRegistry registry = new CodecRegistry(CharLsLibrary.get());
        RleEncoder honest = new RleEncoder();
        registry.replaceEncoder(new FrameEncoder() {
            @Override
            public TransferSyntax transferSyntax() {
                return TransferSyntax.RLE_LOSSLESS;
            }

            @Override
            public PixelDescription encodedDescription(PixelDescription raw) throws PixelDataException {
                return honest.encodedDescription(raw);
            }

            @Override
            public byte[] encode(byte[] rawFrame, PixelDescription raw) throws PixelDataException {
                byte[] altered = rawFrame.clone();
                altered[altered.length - 1] ^= 1;
                return honest.encode(altered, raw);
            }
        });
        Dataset source = SyntheticImages.dataset(SyntheticImages.describe(4, 4, 1, 8, 8, false, 0, 1));
        assertThatThrownBy(() -> new Transcoder(registry).transcode(source, NATIVE, TransferSyntax.RLE_LOSSLESS))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("does not decode to the original");
    }

    @Test
    void lossyTargetsAreRefused() {
        Dataset source = SyntheticImages.dataset(SyntheticImages.describe(4, 4, 1, 8, 8, false, 0, 1));
        for (TransferSyntax lossy : List.of(TransferSyntax.JPEG_LS_NEAR_LOSSLESS, TransferSyntax.JPEG_2000,
                TransferSyntax.JPEG_BASELINE_8BIT)) {
            assertThatThrownBy(() -> Codecs.encoderFor(lossy)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lossless transfer syntaxes only");
            assertThatThrownBy(() -> transcoder.transcode(source, NATIVE, lossy))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void losslessJpegIsDecodedButNeverWritten() {
        assertThat(Codecs.decoderFor(TransferSyntax.JPEG_LOSSLESS_SV1)).isPresent();
        assertThat(Codecs.encoderFor(TransferSyntax.JPEG_LOSSLESS_SV1)).isEmpty();
    }
}
