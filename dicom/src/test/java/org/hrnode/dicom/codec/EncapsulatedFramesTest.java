package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.hrnode.dicom.codec.j2k.Jpeg2000Decoder;
import org.hrnode.dicom.codec.jpegls.CharLsLibrary;
import org.hrnode.dicom.codec.jpegls.JpegLsDecoder;
import org.hrnode.dicom.codec.rle.RleDecoder;
import org.hrnode.dicom.data.Fragments;
import org.junit.jupiter.api.Test;

/** Which fragments make which frame (PS3.5 §A.4), and the fragments we write. */
class EncapsulatedFramesTest {

    private static final HexFormat HEX = HexFormat.of();
    private final FrameDecoder jpegLs = new JpegLsDecoder(CharLsLibrary.get(), true);

    private static Fragments fragments(String offsetTable, String... items) {
        Fragments f = new Fragments();
        f.add(HEX.parseHex(offsetTable));
        for (String item : items) {
            f.add(HEX.parseHex(item));
        }
        return f;
    }

    private static List<String> hex(List<byte[]> frames) {
        return frames.stream().map(HEX::formatHex).toList();
    }

    @Test
    void aSingleFrameIsAllItsFragmentsJoined() throws Exception {
        Fragments f = fragments("", "ffd80102", "0304", "05ffd9");
        assertThat(hex(EncapsulatedFrames.split(f, 1, jpegLs))).containsExactly("ffd80102030405ffd9");
    }

    @Test
    void asManyFragmentsAsFramesIsOneEach() throws Exception {
        Fragments f = fragments("", "aaaa", "bbbb");
        assertThat(hex(EncapsulatedFrames.split(f, 2, new RleDecoder()))).containsExactly("aaaa", "bbbb");
    }

    @Test
    void theBasicOffsetTableGroupsFragments() throws Exception {
        // Frame 1 = fragments of 4 and 2 bytes (items of 12 and 10 bytes): frame 2 starts at offset 22.
        Fragments f = fragments("00000000" + "16000000", "ffd80001", "0203", "ffd80405");
        assertThat(hex(EncapsulatedFrames.split(f, 2, jpegLs))).containsExactly("ffd800010203", "ffd80405");
    }

    @Test
    void framesAreFoundFromLengthsAndJoinedFragmentByFragment() throws Exception {
        byte[][] stored = {HEX.parseHex("ffd80001"), HEX.parseHex("0203"), HEX.parseHex("ffd80405")};
        long[] lengths = {4, 2, 4};
        List<EncapsulatedFrames.FragmentRange> ranges = EncapsulatedFrames.frameRanges(
                HEX.parseHex("00000000" + "16000000"), lengths, 2, (f, n) -> stored[f], jpegLs);
        assertThat(ranges).containsExactly(new EncapsulatedFrames.FragmentRange(0, 2),
                new EncapsulatedFrames.FragmentRange(2, 3));
        List<Integer> read = new java.util.ArrayList<>();
        EncapsulatedFrames.FragmentReader reader = f -> {
            read.add(f);
            return stored[f];
        };
        assertThat(HEX.formatHex(EncapsulatedFrames.join(ranges.get(0), lengths, reader))).isEqualTo("ffd800010203");
        assertThat(HEX.formatHex(EncapsulatedFrames.join(ranges.get(1), lengths, reader))).isEqualTo("ffd80405");
        assertThat(read).as("each fragment read once, in order").containsExactly(0, 1, 2);
    }

    @Test
    void anOffsetTableThatMissesAFragmentStartIsRefused() {
        Fragments f = fragments("00000000" + "15000000", "ffd80001", "0203", "ffd80405");
        assertThatThrownBy(() -> EncapsulatedFrames.split(f, 2, jpegLs))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("does not point at the start");
    }

    @Test
    void withoutOffsetTableJpegFramesStartAtSoi() throws Exception {
        Fragments f = fragments("", "ffd80001", "0203", "ffd80405", "ffd8", "06");
        assertThat(hex(EncapsulatedFrames.split(f, 3, jpegLs)))
                .containsExactly("ffd800010203", "ffd80405", "ffd806");
    }

    @Test
    void withoutOffsetTableJpeg2000FramesStartAtSocSiz() throws Exception {
        Fragments f = fragments("", "ff4fff51aa", "ff4f0000", "ff4fff51bb");
        assertThat(hex(EncapsulatedFrames.split(f, 2, new Jpeg2000Decoder(true))))
                .containsExactly("ff4fff51aaff4f0000", "ff4fff51bb");
    }

    @Test
    void aFrameCountThatDisagreesIsRefused() {
        Fragments f = fragments("", "ffd80001", "0203", "0405");
        assertThatThrownBy(() -> EncapsulatedFrames.split(f, 2, jpegLs))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("Number of Frames says 2");
    }

    @Test
    void writtenFragmentsAreEvenWithAnOffsetTable() throws Exception {
        Fragments f = EncapsulatedFrames.build(List.of(HEX.parseHex("ffd801"), HEX.parseHex("ffd80203")));
        assertThat(HEX.formatHex((byte[]) f.items().get(0))).isEqualTo("00000000" + "0c000000");
        assertThat(HEX.formatHex((byte[]) f.items().get(1))).isEqualTo("ffd80100");
        assertThat(hex(EncapsulatedFrames.split(f, 2, jpegLs))).containsExactly("ffd80100", "ffd80203");
    }
}
