package org.hrnode.wado.render;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.storage.blob.BlobStore;

/**
 * Reads one frame of a stored object without reading the others: the header up to Pixel Data is parsed, then only
 * the bytes of the wanted frame are fetched with ranged reads of the blob — an offset computation for native
 * pixels, the Basic Offset Table or a walk over the fragments' item headers (never their data) for encapsulated
 * ones. A viewer asking for frame 700 of a 500 MB multi-frame, or a thumbnail of it, costs one frame of memory.
 * The frame-splitting rules are those of {@link org.hrnode.dicom.codec.EncapsulatedFrames}.
 *
 * <p>Deflated objects cannot be addressed by offset; for them {@link #read} is empty and the caller reads the
 * object whole.
 */
final class StoredFrameReader {

    private static final int READ_BUFFER = 64 * 1024;
    private static final int ITEM = 0xFFFEE000;
    private static final int SEQUENCE_DELIMITER = 0xFFFEE0DD;
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final int ITEM_HEADER = 8;
    private static final int EXPLICIT_LONG_HEADER = 12;
    private static final int IMPLICIT_HEADER = 8;
    private static final int HEAD = 4;
    /** Fragments walked at most: a corrupt object must not keep a request busy forever. */
    private static final int MAX_FRAGMENTS = 1 << 20;

    /** The header (without Pixel Data) and the wanted frame's bytes: compressed, or native little endian. */
    record Frame(Dataset header, TransferSyntax syntax, byte[] bytes) {
    }

    private StoredFrameReader() {
    }

    /**
     * Frame {@code frameNumber} of the blob; empty for deflated objects. {@link Frame#bytes} is null when the
     * object has no Pixel Data.
     *
     */
    static Optional<Frame> read(BlobStore blobs, String key, long size, int frameNumber)
            throws IOException, DicomParseException, PixelDataException, NotRenderableException {
        Dataset header;
        TransferSyntax syntax;
        long pixelData;
        try (InputStream in = new BufferedInputStream(blobs.get(key), READ_BUFFER)) {
            DicomReader reader = new DicomReader(in, size, ReadOptions.defaults());
            syntax = reader.readPart10Header().transferSyntax();
            if (syntax.isDeflated()) {
                return Optional.empty();
            }
            header = reader.readDataset(Tag.PixelData);
            pixelData = reader.stoppedBeforeTag() ? reader.position() : -1;
        }
        if (pixelData < 0) {
            return Optional.of(new Frame(header, syntax, null));
        }
        byte[] element = range(blobs, key, pixelData, EXPLICIT_LONG_HEADER);
        int tag = (u16(element, 0, syntax.isBigEndian()) << 16) | u16(element, 2, syntax.isBigEndian());
        if (tag != Tag.PixelData) {
            return Optional.of(new Frame(header, syntax, null));
        }
        int headerLength = syntax.isImplicitVR() ? IMPLICIT_HEADER : EXPLICIT_LONG_HEADER;
        long length = u32(element, headerLength - 4, syntax.isBigEndian());
        PixelDescription stored = PixelDescription.of(header);
        if (frameNumber > stored.numberOfFrames()) {
            throw new NotRenderableException("frame " + frameNumber + " asked for, the object has "
                    + stored.numberOfFrames(), true);
        }
        long start = pixelData + headerLength;
        if (length != UNDEFINED_LENGTH) {
            return Optional.of(new Frame(header, syntax, nativeFrame(blobs, key, start, length, stored,
                    frameNumber, syntax.isBigEndian() && !isOb(element, syntax))));
        }
        return Optional.of(new Frame(header, syntax, encapsulatedFrame(blobs, key, start, size, stored, frameNumber,
                DecodedFrame.decoderFor(syntax))));
    }

    private static boolean isOb(byte[] element, TransferSyntax syntax) {
        return !syntax.isImplicitVR() && element[4] == 'O' && element[5] == 'B';
    }

    private static byte[] nativeFrame(BlobStore blobs, String key, long start, long length, PixelDescription stored,
            int frameNumber, boolean swap) throws IOException, PixelDataException {
        long frameLength = DecodedFrame.nativeFrameLength(stored);
        long offset = frameLength * (frameNumber - 1);
        if (offset + frameLength > length) {
            throw new PixelDataException("native Pixel Data of " + length + " bytes is too short for frame "
                    + frameNumber);
        }
        byte[] frame = range(blobs, key, start + offset, Math.toIntExact(frameLength));
        if (swap) {
            DecodedFrame.swap(frame, stored.bytesPerSample());
        }
        return frame;
    }

    /** A fragment's place: where its data starts (absolute), how long it is, its first bytes. */
    private record Fragment(long offset, int length, byte[] head) {
    }

    private static byte[] encapsulatedFrame(BlobStore blobs, String key, long start, long size,
            PixelDescription stored, int frameNumber, FrameDecoder decoder) throws IOException, PixelDataException {
        int frames = stored.numberOfFrames();
        List<Fragment> fragments = new ArrayList<>();
        byte[] offsetTable;
        try (InputStream in = new BufferedInputStream(blobs.get(key, start, size - start), READ_BUFFER)) {
            long position = start;
            byte[] item = in.readNBytes(ITEM_HEADER);
            if (item.length < ITEM_HEADER || itemTag(item) != ITEM) {
                throw new PixelDataException("encapsulated Pixel Data does not start with its Basic Offset Table");
            }
            offsetTable = in.readNBytes(Math.toIntExact(u32(item, 4, false)));
            position += ITEM_HEADER + offsetTable.length;
            while (true) {
                item = in.readNBytes(ITEM_HEADER);
                if (item.length < ITEM_HEADER || itemTag(item) == SEQUENCE_DELIMITER) {
                    break;
                }
                if (itemTag(item) != ITEM || fragments.size() >= MAX_FRAGMENTS) {
                    throw new PixelDataException("encapsulated Pixel Data has a malformed fragment at " + position);
                }
                int length = Math.toIntExact(u32(item, 4, false));
                byte[] head = in.readNBytes(Math.min(HEAD, length));
                in.skipNBytes(length - head.length);
                fragments.add(new Fragment(position + ITEM_HEADER, length, head));
                position += ITEM_HEADER + length;
            }
        }
        if (fragments.isEmpty()) {
            throw new PixelDataException("encapsulated Pixel Data has no fragments");
        }
        List<Fragment> frame = fragmentsOf(fragments, offsetTable, frames, frameNumber, decoder, start);
        int total = frame.stream().mapToInt(Fragment::length).sum();
        byte[] bytes = new byte[total];
        int at = 0;
        for (Fragment fragment : frame) {
            byte[] data = range(blobs, key, fragment.offset(), fragment.length());
            System.arraycopy(data, 0, bytes, at, data.length);
            at += data.length;
        }
        return bytes;
    }

    private static List<Fragment> fragmentsOf(List<Fragment> fragments, byte[] offsetTable, int frames,
            int frameNumber, FrameDecoder decoder, long start) throws PixelDataException {
        if (frames == 1) {
            return fragments;
        }
        if (fragments.size() == frames) {
            return List.of(fragments.get(frameNumber - 1));
        }
        List<List<Fragment>> grouped = new ArrayList<>();
        if (offsetTable.length > 0) {
            if (offsetTable.length != frames * Integer.BYTES) {
                throw new PixelDataException("Basic Offset Table has " + offsetTable.length / Integer.BYTES
                        + " entries for " + frames + " frames");
            }
            long first = start + ITEM_HEADER + offsetTable.length;
            int entry = 0;
            for (Fragment fragment : fragments) {
                long relative = fragment.offset() - ITEM_HEADER - first;
                if (entry < frames && relative == FrameLayout.readLittleEndian(offsetTable, entry * 4, 4)) {
                    grouped.add(new ArrayList<>());
                    entry++;
                }
                if (grouped.isEmpty()) {
                    throw new PixelDataException("Basic Offset Table does not point at the first fragment");
                }
                grouped.getLast().add(fragment);
            }
        } else {
            for (Fragment fragment : fragments) {
                if (grouped.isEmpty() || decoder.startsFrame(fragment.head())) {
                    grouped.add(new ArrayList<>());
                }
                grouped.getLast().add(fragment);
            }
        }
        if (grouped.size() != frames) {
            throw new PixelDataException("found " + grouped.size() + " frames in " + fragments.size()
                    + " fragments, Number of Frames says " + frames);
        }
        return grouped.get(frameNumber - 1);
    }

    private static byte[] range(BlobStore blobs, String key, long offset, int length) throws IOException {
        try (InputStream in = blobs.get(key, offset, length)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("stored object " + key + " ends at " + (offset + bytes.length) + ", before "
                        + (offset + length));
            }
            return bytes;
        }
    }

    /** The tag of an item header: encapsulated Pixel Data is always little endian. */
    private static int itemTag(byte[] header) {
        return u16(header, 0, false) << 16 | u16(header, 2, false);
    }

    private static int u16(byte[] b, int offset, boolean bigEndian) {
        return bigEndian ? (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF)
                : (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int offset, boolean bigEndian) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int index = bigEndian ? offset + i : offset + 3 - i;
            value = (value << 8) | (b[index] & 0xFF);
        }
        return value;
    }
}
