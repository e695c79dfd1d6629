package org.hrnode.dicom.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Fragments;

/**
 * Splits encapsulated Pixel Data (PS3.5 §A.4) into frames and builds it from frames. A frame may span several
 * fragments; which fragments belong together is read, in order of trust, from: one frame in all; as many
 * fragments as frames; the Basic Offset Table; the codec's frame-start marker (JPEG SOI, JPEG 2000 SOC).
 */
public final class EncapsulatedFrames {

    private static final int ITEM_HEADER_LENGTH = 8;
    private static final int OFFSET_ENTRY = Integer.BYTES;
    /** Basic Offset Table entries are unsigned 32-bit. */
    private static final long MAX_OFFSET = 0xFFFFFFFFL;
    /** Bytes of a fragment a codec needs to recognise the start of a frame. */
    private static final int HEAD_LENGTH = 4;

    private EncapsulatedFrames() {
    }

    /** The compressed frames, each the concatenation of its fragments. */
    public static List<byte[]> split(Fragments fragments, int numberOfFrames, FrameDecoder decoder)
            throws PixelDataException {
        List<byte[]> items = readAll(fragments);
        if (items.isEmpty()) {
            throw new PixelDataException("encapsulated Pixel Data has no Basic Offset Table item");
        }
        List<byte[]> data = items.subList(1, items.size());
        long[] lengths = data.stream().mapToLong(b -> b.length).toArray();
        List<FragmentRange> ranges;
        try {
            ranges = frameRanges(items.getFirst(), lengths, numberOfFrames, (fragment, length) ->
                    Arrays.copyOf(data.get(fragment), Math.min(length, data.get(fragment).length)), decoder);
        } catch (IOException unreachable) {
            throw new IllegalStateException("fragments in memory cannot fail to read", unreachable);
        }
        List<byte[]> frames = new ArrayList<>(ranges.size());
        for (FragmentRange range : ranges) {
            frames.add(concatenate(data.subList(range.first(), range.end())));
        }
        return frames;
    }

    /** Fragments {@code [first, end)} (counted from 0, after the Basic Offset Table) make one frame. */
    public record FragmentRange(int first, int end) {
    }

    /** Reads one fragment (counted from 0, after the Basic Offset Table) from wherever the caller keeps it. */
    @FunctionalInterface
    public interface FragmentReader {
        byte[] read(int fragment) throws IOException;
    }

    /**
     * One frame: the fragments of {@code range}, each read on its own through {@code reader} and joined, for callers
     * that keep the fragments in a blob and hold one frame at a time.
     *
     * @param fragmentLengths the lengths {@link #frameRanges} was given
     */
    public static byte[] join(FragmentRange range, long[] fragmentLengths, FragmentReader reader) throws IOException {
        if (range.end() - range.first() == 1) {
            return reader.read(range.first());
        }
        long total = 0;
        for (int f = range.first(); f < range.end(); f++) {
            total += fragmentLengths[f];
        }
        byte[] frame = new byte[Math.toIntExact(total)];
        int at = 0;
        for (int f = range.first(); f < range.end(); f++) {
            byte[] fragment = reader.read(f);
            System.arraycopy(fragment, 0, frame, at, fragment.length);
            at += fragment.length;
        }
        return frame;
    }

    /** The first bytes of a fragment, for objects whose frames are found by their start markers. */
    @FunctionalInterface
    public interface FragmentHeads {
        byte[] head(int fragment, int length) throws IOException;
    }

    /**
     * Which fragments make each frame, from the fragments' lengths alone (and, only for several frames with an empty
     * offset table and more fragments than frames, their first bytes): what {@link #split} does, for callers that
     * keep the fragments where they are (in the blob store) and read one frame at a time.
     *
     * @param offsetTable     the Basic Offset Table item's value (may be empty)
     * @param fragmentLengths the lengths of the fragments after it, in order
     */
    public static List<FragmentRange> frameRanges(byte[] offsetTable, long[] fragmentLengths, int numberOfFrames,
            FragmentHeads heads, FrameDecoder decoder) throws PixelDataException, IOException {
        int count = fragmentLengths.length;
        if (count == 0) {
            throw new PixelDataException("encapsulated Pixel Data has no fragments");
        }
        List<FragmentRange> ranges;
        if (numberOfFrames == 1) {
            ranges = List.of(new FragmentRange(0, count));
        } else if (count == numberOfFrames) {
            ranges = new ArrayList<>(count);
            for (int f = 0; f < count; f++) {
                ranges.add(new FragmentRange(f, f + 1));
            }
        } else if (offsetTable.length > 0) {
            ranges = byOffsetTable(offsetTable, fragmentLengths, numberOfFrames);
        } else {
            ranges = byFrameStart(count, heads, decoder);
        }
        if (ranges.size() != numberOfFrames) {
            throw new PixelDataException("found " + ranges.size() + " frames in " + count
                    + " fragments, Number of Frames says " + numberOfFrames);
        }
        return ranges;
    }

    /** One fragment a frame, each padded to even length, with a Basic Offset Table naming where each begins. */
    public static Fragments build(List<byte[]> frames) {
        Fragments fragments = new Fragments();
        byte[] offsetTable = new byte[frames.size() * OFFSET_ENTRY];
        long offset = 0;
        List<byte[]> padded = new ArrayList<>(frames.size());
        for (int f = 0; f < frames.size(); f++) {
            byte[] frame = frames.get(f);
            byte[] even = (frame.length & 1) == 0 ? frame : Arrays.copyOf(frame, frame.length + 1);
            FrameLayout.writeLittleEndian(offsetTable, f * OFFSET_ENTRY, OFFSET_ENTRY, offset);
            offset += ITEM_HEADER_LENGTH + even.length;
            padded.add(even);
        }
        // Offsets are 32-bit: past 4 GiB the table cannot be right, and an empty one is allowed (PS3.5 §A.4).
        fragments.add(offset > MAX_OFFSET ? new byte[0] : offsetTable);
        padded.forEach(fragments::add);
        return fragments;
    }

    private static List<byte[]> readAll(Fragments fragments) throws PixelDataException {
        List<byte[]> items = new ArrayList<>(fragments.size());
        for (Object item : fragments.items()) {
            try {
                items.add(item instanceof byte[] b ? b : ((BulkData) item).readAll());
            } catch (IOException e) {
                throw new PixelDataException("cannot read a fragment of Pixel Data: " + e.getMessage(), e);
            }
        }
        return items;
    }

    private static List<FragmentRange> byOffsetTable(byte[] table, long[] lengths, int numberOfFrames)
            throws PixelDataException {
        if (table.length != numberOfFrames * OFFSET_ENTRY) {
            throw new PixelDataException("Basic Offset Table has " + table.length / OFFSET_ENTRY
                    + " entries for " + numberOfFrames + " frames");
        }
        List<Integer> starts = new ArrayList<>();
        long position = 0;
        int entry = 0;
        for (int i = 0; i < lengths.length; i++) {
            long nextStart = entry < numberOfFrames
                    ? FrameLayout.readLittleEndian(table, entry * OFFSET_ENTRY, OFFSET_ENTRY) : -1;
            if (position == nextStart) {
                starts.add(i);
                entry++;
            } else if (starts.isEmpty() || nextStart >= 0 && position > nextStart) {
                throw new PixelDataException("Basic Offset Table entry " + entry + " (" + nextStart
                        + ") does not point at the start of a fragment");
            }
            position += ITEM_HEADER_LENGTH + lengths[i];
        }
        return rangesFrom(starts, lengths.length);
    }

    private static List<FragmentRange> byFrameStart(int count, FragmentHeads heads, FrameDecoder decoder)
            throws IOException {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (starts.isEmpty() || decoder.startsFrame(heads.head(i, HEAD_LENGTH))) {
                starts.add(i);
            }
        }
        return rangesFrom(starts, count);
    }

    private static List<FragmentRange> rangesFrom(List<Integer> starts, int count) {
        List<FragmentRange> ranges = new ArrayList<>(starts.size());
        for (int f = 0; f < starts.size(); f++) {
            ranges.add(new FragmentRange(starts.get(f), f + 1 < starts.size() ? starts.get(f + 1) : count));
        }
        return ranges;
    }

    private static byte[] concatenate(List<byte[]> group) {
        if (group.size() == 1) {
            return group.getFirst();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        group.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
