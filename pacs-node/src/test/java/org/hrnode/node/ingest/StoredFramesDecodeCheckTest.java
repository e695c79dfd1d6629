package org.hrnode.node.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.hrnode.storage.testing.RecordingBlobStore;
import org.junit.jupiter.api.Test;

/**
 * The ingest decode check of lossless compressed objects: multi-frame objects are proven frame by frame with ranged
 * reads of the stored blob, never holding more than one frame's fragments; a frame that does not decode refuses the
 * object whichever frame it is.
 */
class StoredFramesDecodeCheckTest {

    private static final String KEY = "blob-under-test";
    private static final int OFFSET_ENTRY = Integer.BYTES;

    private static DicomFile pydicom(String name) throws Exception {
        return DicomReader.read(Files.newInputStream(TestData.pydicomTestFiles().resolve(name)));
    }

    private static byte[] part10(Dataset dataset, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(out)) {
            writer.writePart10(FileMetaInformation.create(dataset.getString(Tag.SOPClassUID),
                    dataset.getString(Tag.SOPInstanceUID), ts.uid()), dataset);
        }
        return out.toByteArray();
    }

    private static RecordingBlobStore stored(byte[] object) throws IOException {
        InMemoryBlobStore memory = new InMemoryBlobStore();
        memory.put(KEY, new ByteArrayInputStream(object));
        return new RecordingBlobStore(memory);
    }

    private static boolean check(RecordingBlobStore blobs, byte[] object, TransferSyntax ts) throws Exception {
        return new StoredFramesDecodeCheck(blobs, ReadOptions.defaults()).decodesEveryFrame(KEY, object.length, ts);
    }

    @Test
    void aMultiFrameObjectIsDecodedFrameByFrameFromRangedReads() throws Exception {
        DicomFile rle = pydicom("rtdose_rle.dcm");
        byte[] object = part10(rle.dataset(), rle.transferSyntax());
        Fragments fragments = rle.dataset().getFragments(Tag.PixelData);
        long largest = 0;
        for (int i = 1; i < fragments.size(); i++) {
            largest = Math.max(largest, fragments.lengthOf(i));
        }
        long largestFragment = largest;
        RecordingBlobStore blobs = stored(object);

        assertThat(check(blobs, object, rle.transferSyntax())).isTrue();

        assertThat(rle.dataset().getInt(Tag.NumberOfFrames, 0)).isEqualTo(15);
        assertThat(blobs.rangedReads()).as("one ranged read per fragment (one fragment a frame here)").hasSize(15);
        assertThat(blobs.rangedReads().stream().mapToLong(Long::longValue).sum()).as("each read once")
                .isEqualTo(IntStream.range(1, fragments.size()).mapToLong(fragments::lengthOf).sum());
        assertThat(blobs.rangedReads()).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(largestFragment));
        assertThat(blobs.wholeReadsOf(KEY)).as("the header pass, then the referenced pass").isEqualTo(2);
    }

    @Test
    void framesSpanningSeveralFragmentsAreGroupedByTheOffsetTable() throws Exception {
        assertThat(Codecs.encoderFor(TransferSyntax.JPEG_LS_LOSSLESS)).as("CharLS (libcharls2) installed").isPresent();
        int frames = 6;
        Dataset jls = Transcoder.standard().transcode(multiFrameCt(frames), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.JPEG_LS_LOSSLESS);
        jls.set(Tag.PixelData, VR.OB, inHalves(jls.getFragments(Tag.PixelData)));
        byte[] object = part10(jls, TransferSyntax.JPEG_LS_LOSSLESS);
        RecordingBlobStore blobs = stored(object);

        assertThat(check(blobs, object, TransferSyntax.JPEG_LS_LOSSLESS)).isTrue();
        assertThat(blobs.rangedReads()).as("the offset table, then two fragments a frame, each read on its own")
                .hasSize(1 + 2 * frames);
    }

    /** pydicom's CT_small (128×128, 16 bits) as a multi-frame image: its frame repeated, shifted a little each time. */
    private static Dataset multiFrameCt(int frames) throws Exception {
        DicomFile ct = pydicom("CT_small.dcm");
        Dataset dataset = ct.transferSyntax().equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN) ? ct.dataset()
                : Transcoder.standard().transcode(ct.dataset(), ct.transferSyntax(),
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] frame = dataset.getBytes(Tag.PixelData);
        byte[] all = new byte[frame.length * frames];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < frame.length; i++) {
                all[f * frame.length + i] = frame[(i + 2 * f) % frame.length];
            }
        }
        dataset.set(Tag.PixelData, VR.OW, all);
        dataset.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        return dataset;
    }

    @Test
    void aFrameThatDoesNotDecodeRefusesTheObjectWhicheverFrameItIs() throws Exception {
        DicomFile rle = pydicom("rtdose_rle.dcm");
        Fragments original = rle.dataset().getFragments(Tag.PixelData);
        Fragments broken = new Fragments();
        for (int i = 0; i < original.size(); i++) {
            byte[] item = (byte[]) original.items().get(i);
            // frame 12 claims 7 RLE segments for 32-bit single-sample pixels (4 expected)
            broken.add(i == 12 ? withSegmentCount(item, 7) : item);
        }
        rle.dataset().set(Tag.PixelData, VR.OB, broken);
        byte[] object = part10(rle.dataset(), rle.transferSyntax());
        RecordingBlobStore blobs = stored(object);

        assertThatThrownBy(() -> check(blobs, object, rle.transferSyntax())).isInstanceOf(PixelDataException.class);
        assertThat(blobs.rangedReads()).as("frames 1-12 read before the bad one").hasSize(12);
    }

    @Test
    void anObjectIngestStillHoldsIsCheckedFromMemoryWithoutReadingTheBlob() throws Exception {
        DicomFile rle = pydicom("rtdose_rle.dcm");
        byte[] object = part10(rle.dataset(), rle.transferSyntax());
        RecordingBlobStore blobs = stored(object);
        StoredFramesDecodeCheck check = new StoredFramesDecodeCheck(blobs, ReadOptions.defaults());

        assertThat(check.decodesEveryFrame(KEY, object.length, rle.transferSyntax(),
                Optional.of(new ByteArrayInputStream(object)))).isTrue();
        assertThat(blobs.wholeReadsOf(KEY)).isZero();
        assertThat(blobs.rangedReads()).isEmpty();

        Fragments original = rle.dataset().getFragments(Tag.PixelData);
        Fragments broken = new Fragments();
        for (int i = 0; i < original.size(); i++) {
            byte[] item = (byte[]) original.items().get(i);
            broken.add(i == 9 ? withSegmentCount(item, 7) : item);
        }
        rle.dataset().set(Tag.PixelData, VR.OB, broken);
        byte[] bad = part10(rle.dataset(), rle.transferSyntax());
        assertThatThrownBy(() -> check.decodesEveryFrame(KEY, bad.length, rle.transferSyntax(),
                Optional.of(new ByteArrayInputStream(bad)))).isInstanceOf(PixelDataException.class);
    }

    @Test
    void aSingleFrameObjectIsCheckedInOnePass() throws Exception {
        DicomFile rle = pydicom("rtdose_rle_1frame.dcm");
        byte[] object = part10(rle.dataset(), rle.transferSyntax());
        RecordingBlobStore blobs = stored(object);

        assertThat(check(blobs, object, rle.transferSyntax())).isTrue();
        assertThat(blobs.wholeReadsOf(KEY)).isEqualTo(1);
        assertThat(blobs.rangedReads()).isEmpty();
    }

    @Test
    void anUncompressedObjectNeedsNoDecoding() throws Exception {
        DicomFile ct = pydicom("CT_small.dcm");
        byte[] object = part10(ct.dataset(), ct.transferSyntax());
        RecordingBlobStore blobs = stored(object);
        assertThat(check(blobs, object, ct.transferSyntax())).isTrue();
        assertThat(blobs.wholeReadsOf(KEY)).isZero();
    }

    /** Each frame's fragment cut in two, with a Basic Offset Table pointing at every first half. */
    private static Fragments inHalves(Fragments oneEach) {
        List<byte[]> halves = new ArrayList<>();
        for (int i = 1; i < oneEach.size(); i++) {
            byte[] frame = (byte[]) oneEach.items().get(i);
            int cut = frame.length / 2 & ~1;
            halves.add(Arrays.copyOfRange(frame, 0, cut));
            halves.add(Arrays.copyOfRange(frame, cut, frame.length));
        }
        byte[] table = new byte[halves.size() / 2 * OFFSET_ENTRY];
        long offset = 0;
        for (int i = 0; i < halves.size(); i++) {
            if (i % 2 == 0) {
                int at = i / 2 * OFFSET_ENTRY;
                for (int b = 0; b < OFFSET_ENTRY; b++) {
                    table[at + b] = (byte) (offset >>> (8 * b));
                }
            }
            offset += 8 + halves.get(i).length;
        }
        Fragments fragments = new Fragments();
        fragments.add(table);
        halves.forEach(fragments::add);
        return fragments;
    }

    /** An RLE frame whose header (PS3.5 §G.5: the number of segments, little endian) says {@code count}. */
    private static byte[] withSegmentCount(byte[] frame, int count) {
        byte[] copy = frame.clone();
        copy[0] = (byte) count;
        copy[1] = 0;
        copy[2] = 0;
        copy[3] = 0;
        return copy;
    }
}
