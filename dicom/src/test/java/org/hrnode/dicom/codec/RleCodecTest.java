package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.hrnode.dicom.codec.rle.RleDecoder;
import org.hrnode.dicom.codec.rle.RleEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our RLE Lossless codec against PS3.5 Annex G: golden bytes, every layout it must hold, and corrupt input. */
class RleCodecTest {

    private final RleEncoder encoder = new RleEncoder();
    private final RleDecoder decoder = new RleDecoder();

    @Test
    void segmentsHoldTheMostSignificantBytesFirstAndRowsAreCodedSeparately() throws Exception {
        PixelDescription d = SyntheticImages.describe(2, 2, 1, 16, 16, false, 0, 1);
        byte[] frame = HexFormat.of().parseHex("0201" + "0403" + "0201" + "0201");
        byte[] encoded = encoder.encode(frame, d);
        String header = "02000000" + "40000000" + "46000000" + "00".repeat(4 * 13);
        // High bytes 01 03 | 01 01 and low bytes 02 04 | 02 02: each row a literal of two (header byte 01).
        String segments = "010103" + "010101" + "010204" + "010202";
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(header + segments);
        assertThat(decoder.decode(encoded, d)).isEqualTo(frame);
    }

    @Test
    void longRunsAndLongLiteralsSplitAt128() throws Exception {
        PixelDescription d = SyntheticImages.describe(2, 300, 1, 8, 8, false, 0, 1);
        byte[] frame = new byte[600];
        Arrays.fill(frame, 0, 300, (byte) 7);
        for (int i = 300; i < 600; i++) {
            frame[i] = (byte) i;
        }
        byte[] encoded = encoder.encode(frame, d);
        // Row 0: runs of 128, 128, 44 (header -127, -127, -43); row 1: literals of 128, 128, 44.
        byte[] segment = Arrays.copyOfRange(encoded, 64, encoded.length);
        assertThat(segment[0]).isEqualTo((byte) -127);
        assertThat(segment[2]).isEqualTo((byte) -127);
        assertThat(segment[4]).isEqualTo((byte) -43);
        assertThat(segment[6]).isEqualTo((byte) 127);
        assertThat(decoder.decode(encoded, d)).isEqualTo(frame);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(8, 16, 32).flatMap(bits -> Stream.of(1, 3).flatMap(samples -> Stream.of(0, 1)
                .filter(planar -> samples > 1 || planar == 0)
                .map(planar -> Arguments.of(bits, samples, planar))));
    }

    @ParameterizedTest(name = "{0} bits, {1} samples, planar {2}")
    @MethodSource("layouts")
    void everyLayoutRoundTripsWithOddSizes(int bits, int samples, int planar) throws Exception {
        PixelDescription raw = SyntheticImages.describe(7, 131, samples, bits, bits, false, planar, 1);
        byte[] frame = SyntheticImages.frame(raw, 0);
        PixelDescription encoded = encoder.encodedDescription(raw);
        assertThat(encoded.planarConfiguration()).isEqualTo(samples > 1 ? 1 : 0);
        byte[] compressed = encoder.encode(frame, raw);
        assertThat(compressed.length % 2).as("even segments").isZero();
        assertThat(decoder.decode(compressed, encoded))
                .isEqualTo(FrameLayout.withPlanarConfiguration(frame, raw, encoded.planarConfiguration()));
        assertThat(decoder.decode(compressed, encoded.withPlanarConfiguration(0)))
                .as("a sender's Planar Configuration 0 is honoured")
                .isEqualTo(FrameLayout.withPlanarConfiguration(frame, raw, 0));
    }

    @Test
    void bitsAboveHighBitSurviveBecauseRleCodesWholeBytes() throws Exception {
        PixelDescription d = SyntheticImages.describe(1, 2, 1, 16, 12, false, 0, 1);
        byte[] frame = HexFormat.of().parseHex("ff0f" + "34f2");
        assertThat(decoder.decode(encoder.encode(frame, d), d)).isEqualTo(frame);
    }

    @Test
    void moreThanFifteenSegmentsAreRefused() throws Exception {
        assertThat(encoder.encodedDescription(SyntheticImages.describe(2, 2, 1, 64, 64, false, 0, 1))).isNotNull();
        PixelDescription rgb64 = SyntheticImages.describe(2, 2, 3, 64, 64, false, 0, 1);
        assertThatThrownBy(() -> encoder.encodedDescription(rgb64)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("at most 15 segments");
        PixelDescription rgba32 = new PixelDescription(2, 2, 4, 32, 32, 31, 0, 0, "ARGB", 1);
        assertThatThrownBy(() -> encoder.encode(new byte[64], rgba32)).isInstanceOf(PixelDataException.class);
    }

    @Test
    void corruptFramesAreReportedNotGuessed() throws Exception {
        PixelDescription d = SyntheticImages.describe(4, 4, 1, 16, 16, false, 0, 1);
        byte[] good = encoder.encode(SyntheticImages.frame(d, 0), d);

        byte[] wrongCount = good.clone();
        wrongCount[0] = 3;
        assertThatThrownBy(() -> decoder.decode(wrongCount, d)).hasMessageContaining("declares 3 segments");

        byte[] offsetPastEnd = good.clone();
        offsetPastEnd[8] = (byte) 0xFF;
        offsetPastEnd[9] = (byte) 0xFF;
        assertThatThrownBy(() -> decoder.decode(offsetPastEnd, d)).hasMessageContaining("lies outside");

        byte[] truncated = Arrays.copyOf(good, good.length - 6);
        assertThatThrownBy(() -> decoder.decode(truncated, d)).hasMessageContaining("decodes to");

        assertThatThrownBy(() -> decoder.decode(new byte[10], d)).hasMessageContaining("64-byte header");
    }

    @Test
    void paddingAfterAFullSegmentIsIgnored() throws Exception {
        PixelDescription d = SyntheticImages.describe(3, 3, 1, 8, 8, false, 0, 1);
        byte[] frame = SyntheticImages.frame(d, 0);
        byte[] encoded = encoder.encode(frame, d);
        byte[] padded = Arrays.copyOf(encoded, encoded.length + 4);
        assertThat(decoder.decode(padded, d)).isEqualTo(frame);
    }
}
