package org.hrnode.wado.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.EncapsulatedFrames;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.wado.testing.StoredStudies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading one frame by ranged reads gives exactly what decoding the whole object gives, for every layout: native
 * little and big endian, multi-frame native (15-frame RT dose), RLE with one fragment a frame, JPEG-LS and J2K
 * single frames, 2-frame 16-bit RGB JPEG-LS with a Basic Offset Table, and with an empty table and two fragments a frame.
 */
class StoredFrameReaderTest {

    static Stream<String> pydicomFiles() {
        return Stream.of("MR_small.dcm", "MR_small_bigendian.dcm", "MR_small_implicit.dcm", "rtdose.dcm",
                "rtdose_expb.dcm", "rtdose_rle.dcm", "SC_rgb_rle_2frame.dcm", "SC_ybr_full_422_uncompressed.dcm",
                "MR_small_jpeg_ls_lossless.dcm", "JPEG2000.dcm", "SC_rgb_jpeg_dcmtk.dcm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pydicomFiles")
    void everyFrameReadAloneEqualsTheFrameOfTheWholeObject(String name) throws Exception {
        Path path = TestData.pydicomTestFiles().resolve(name);
        StoredStudies stored = new StoredStudies();
        StoredInstanceRef ref = stored.add(path);

        assertFramesMatch(stored, ref, DicomReader.readFile(path));
    }

    @Test
    void multiFrameJpegLsWithAndWithoutAnOffsetTable() throws Exception {
        TestData.require(Codecs.isAvailable(TransferSyntax.JPEG_LS_LOSSLESS), "CharLS (libcharls2)");
        DicomFile dose = DicomReader.readFile(TestData.pydicomTestFiles().resolve("SC_rgb_rle_16bit_2frame.dcm"));
        Dataset withTable = Transcoder.standard().transcode(dose.dataset(), dose.transferSyntax(),
                TransferSyntax.JPEG_LS_LOSSLESS);
        Dataset withoutTable = Transcoder.standard().transcode(dose.dataset(), dose.transferSyntax(),
                TransferSyntax.JPEG_LS_LOSSLESS);
        withoutTable.set(Tag.PixelData, VR.OB, twoFragmentsAFrameWithoutTable(withTable));

        for (Dataset dataset : List.of(withTable, withoutTable)) {
            StoredStudies stored = new StoredStudies();
            StoredInstanceRef ref = stored.add(dataset, TransferSyntax.JPEG_LS_LOSSLESS);
            assertFramesMatch(stored, ref, new DicomFile(new Dataset(), dataset, TransferSyntax.JPEG_LS_LOSSLESS,
                    true));
        }
    }

    @Test
    void deflatedObjectsAreLeftToTheWholeRead() throws Exception {
        StoredStudies stored = new StoredStudies();
        StoredInstanceRef ref = stored.add(TestData.pydicomTestFiles().resolve("image_dfl.dcm"));

        assertThat(StoredFrameReader.read(stored.blobs(), ref.blobKey(), ref.size(), 1)).isEmpty();
    }

    @Test
    void anObjectWithoutPixelDataHasNoFrame() throws Exception {
        StoredStudies stored = new StoredStudies();
        StoredInstanceRef ref = stored.add(TestData.pydicomTestFiles().resolve("test-SR.dcm"));

        Optional<StoredFrameReader.Frame> frame = StoredFrameReader.read(stored.blobs(), ref.blobKey(), ref.size(),
                1);

        assertThat(frame).hasValueSatisfying(f -> assertThat(f.bytes()).isNull());
    }

    private static void assertFramesMatch(StoredStudies stored, StoredInstanceRef ref, DicomFile whole)
            throws Exception {
        int frames = whole.dataset().getInt(Tag.NumberOfFrames, 1);
        for (int f = 1; f <= frames; f++) {
            StoredFrameReader.Frame alone = StoredFrameReader.read(stored.blobs(), ref.blobKey(), ref.size(), f)
                    .orElseThrow();
            assertThat(alone.header().contains(Tag.PixelData)).isFalse();

            DecodedFrame fromRanges = DecodedFrame.of(alone.header(), alone.syntax(), f, alone.bytes());
            DecodedFrame fromWhole = DecodedFrame.of(whole.dataset(), whole.transferSyntax(), f);

            assertThat(fromRanges.description()).as("frame " + f).isEqualTo(fromWhole.description());
            assertThat(Arrays.equals(fromRanges.samples(), fromWhole.samples())).as("frame " + f + " samples")
                    .isTrue();
        }
    }

    /** Each frame cut in two fragments, and no Basic Offset Table: frames are found by their JPEG-LS SOI marker. */
    private static Fragments twoFragmentsAFrameWithoutTable(Dataset encoded) throws Exception {
        List<byte[]> frames = EncapsulatedFrames.split(encoded.getFragments(Tag.PixelData),
                encoded.getInt(Tag.NumberOfFrames, 1), DecodedFrame.decoderFor(TransferSyntax.JPEG_LS_LOSSLESS));
        Fragments fragments = new Fragments();
        fragments.add(new byte[0]);
        for (byte[] frame : frames) {
            int half = (frame.length / 2) & ~1;
            fragments.add(Arrays.copyOfRange(frame, 0, half));
            byte[] rest = Arrays.copyOfRange(frame, half, frame.length + (frame.length - half) % 2);
            fragments.add(rest);
        }
        return fragments;
    }
}
