package org.hrnode.wado.retrieve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.EncapsulatedFrames;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.NativeFrames;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/**
 * The frames of one stored image (PS3.18 §10.4.1.1.4), each read on its own: a native frame is one ranged read at
 * its offset in Pixel Data; a compressed frame is the fragments that make it (one per frame, as the Basic Offset
 * Table says, or all for a single frame), each a ranged read. Only an encapsulated object with several frames, an
 * empty offset table and more fragments than frames is read whole to find where frames start.
 */
final class Frames {

    private final StoredObject object;
    private final PixelDescription description;
    private final Object pixelData;

    private Frames(StoredObject object, PixelDescription description, Object pixelData) {
        this.object = object;
        this.description = description;
        this.pixelData = pixelData;
    }

    /** The frames of {@code object}; 404 when it has no Pixel Data. */
    static Frames of(StoredObject object) throws IOException {
        Object pixelData = object.dataset().getValue(Tag.PixelData);
        if (pixelData == null) {
            throw WadoErrors.notFound("instance " + object.ref().sopInstanceUid() + " has no Pixel Data, so no frames");
        }
        try {
            return new Frames(object, PixelDescription.of(object.dataset()), pixelData);
        } catch (PixelDataException e) {
            throw new IOException("the image attributes of instance " + object.ref().sopInstanceUid()
                    + " do not describe its Pixel Data: " + e.getMessage(), e);
        }
    }

    int count() {
        return description.numberOfFrames();
    }

    TransferSyntax storedSyntax() {
        return object.transferSyntax();
    }

    boolean isEncapsulated() {
        return pixelData instanceof Fragments;
    }

    /** Frame {@code number} (from 1) as stored: the compressed bitstream, or the native bytes. */
    byte[] stored(int number) throws IOException, PixelDataException {
        if (pixelData instanceof Fragments fragments) {
            return encapsulated(fragments, number);
        }
        long frameLength = description.frameLength();
        boolean byteAligned = (long) description.samplesPerFrame() * description.bitsAllocated() % Byte.SIZE == 0;
        if (!byteAligned || object.dataset().isBigEndian()) {
            return nativeByCodec(number);
        }
        return object.readAll(pixelData, (number - 1) * frameLength, Math.toIntExact(frameLength));
    }

    /** Frame {@code number} uncompressed, little endian, in the layout the decoder gives (RGB for J2K colour). */
    byte[] uncompressed(int number) throws IOException, PixelDataException {
        byte[] stored = stored(number);
        if (!isEncapsulated()) {
            return stored;
        }
        return decoder().decode(stored, description);
    }

    /** Whether {@link #uncompressed} can work here. */
    boolean canDecode() {
        return !isEncapsulated() || object.ref().pixelsDecodableHere() && Codecs.decoderFor(storedSyntax()).isPresent();
    }

    private FrameDecoder decoder() throws PixelDataException {
        return Codecs.registry().requireDecoder(storedSyntax());
    }

    private byte[] nativeByCodec(int number) throws IOException, PixelDataException {
        Dataset copy = new Dataset(object.dataset().isBigEndian());
        copy.set(Tag.PixelData, object.dataset().vrOf(Tag.PixelData), object.readAll(pixelData, 0,
                Math.toIntExact(StoredObject.lengthOf(pixelData))));
        return NativeFrames.read(copy, description).get(number - 1);
    }

    private byte[] encapsulated(Fragments fragments, int number) throws IOException, PixelDataException {
        List<Object> items = fragments.items();
        int fragmentCount = items.size() - 1;
        if (fragmentCount < 1) {
            throw new PixelDataException("encapsulated Pixel Data has no fragments");
        }
        int frames = count();
        if (frames == 1) {
            return join(items.subList(1, items.size()));
        }
        if (fragmentCount == frames) {
            return join(List.of(items.get(number)));
        }
        Object offsetTable = items.getFirst();
        long tableLength = StoredObject.lengthOf(offsetTable);
        if (tableLength == (long) frames * Integer.BYTES) {
            byte[] table = object.readAll(offsetTable, 0, (int) tableLength);
            long start = BinaryValues.integerAt(VR.UL, table, number - 1, false);
            long end = number < frames ? BinaryValues.integerAt(VR.UL, table, number, false) : Long.MAX_VALUE;
            List<Object> frame = new ArrayList<>();
            long position = 0;
            for (Object item : items.subList(1, items.size())) {
                if (position >= start && position < end) {
                    frame.add(item);
                }
                position += 8 + StoredObject.lengthOf(item);
            }
            if (frame.isEmpty()) {
                throw new PixelDataException("the Basic Offset Table points frame " + number + " at no fragment");
            }
            return join(frame);
        }
        Fragments loaded = new Fragments();
        for (Object item : items) {
            loaded.add(object.readAll(item, 0, Math.toIntExact(StoredObject.lengthOf(item))));
        }
        return EncapsulatedFrames.split(loaded, frames, decoder()).get(number - 1);
    }

    private byte[] join(List<Object> items) throws IOException {
        long total = 0;
        for (Object item : items) {
            total += StoredObject.lengthOf(item);
        }
        byte[] out = new byte[Math.toIntExact(total)];
        int at = 0;
        for (Object item : items) {
            int length = (int) StoredObject.lengthOf(item);
            System.arraycopy(object.readAll(item, 0, length), 0, out, at, length);
            at += length;
        }
        return out;
    }
}
