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
        byte[] offsetTable = items.getFirst();
        List<byte[]> data = items.subList(1, items.size());
        if (data.isEmpty()) {
            throw new PixelDataException("encapsulated Pixel Data has no fragments");
        }
        List<List<byte[]>> grouped;
        if (numberOfFrames == 1) {
            grouped = List.of(data);
        } else if (data.size() == numberOfFrames) {
            grouped = data.stream().map(List::of).toList();
        } else if (offsetTable.length > 0) {
            grouped = byOffsetTable(offsetTable, data, numberOfFrames);
        } else {
            grouped = byFrameStart(data, decoder);
        }
        if (grouped.size() != numberOfFrames) {
            throw new PixelDataException("found " + grouped.size() + " frames in " + data.size()
                    + " fragments, Number of Frames says " + numberOfFrames);
        }
        List<byte[]> frames = new ArrayList<>(grouped.size());
        for (List<byte[]> group : grouped) {
            frames.add(concatenate(group));
        }
        return frames;
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

    private static List<List<byte[]>> byOffsetTable(byte[] table, List<byte[]> data, int numberOfFrames)
            throws PixelDataException {
        if (table.length != numberOfFrames * OFFSET_ENTRY) {
            throw new PixelDataException("Basic Offset Table has " + table.length / OFFSET_ENTRY
                    + " entries for " + numberOfFrames + " frames");
        }
        List<List<byte[]>> frames = new ArrayList<>();
        long position = 0;
        int entry = 0;
        for (byte[] fragment : data) {
            long nextStart = entry < numberOfFrames
                    ? FrameLayout.readLittleEndian(table, entry * OFFSET_ENTRY, OFFSET_ENTRY) : -1;
            if (position == nextStart) {
                frames.add(new ArrayList<>());
                entry++;
            } else if (frames.isEmpty() || nextStart >= 0 && position > nextStart) {
                throw new PixelDataException("Basic Offset Table entry " + entry + " (" + nextStart
                        + ") does not point at the start of a fragment");
            }
            frames.getLast().add(fragment);
            position += ITEM_HEADER_LENGTH + fragment.length;
        }
        return frames;
    }

    private static List<List<byte[]>> byFrameStart(List<byte[]> data, FrameDecoder decoder) {
        List<List<byte[]>> frames = new ArrayList<>();
        for (byte[] fragment : data) {
            byte[] head = Arrays.copyOf(fragment, Math.min(HEAD_LENGTH, fragment.length));
            if (frames.isEmpty() || decoder.startsFrame(head)) {
                frames.add(new ArrayList<>());
            }
            frames.getLast().add(fragment);
        }
        return frames;
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
