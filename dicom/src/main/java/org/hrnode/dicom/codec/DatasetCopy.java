package org.hrnode.dicom.codec;

import java.io.IOException;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.dict.Tag;

/**
 * A little-endian copy of a dataset that can be changed without touching the original. Sequences and their items
 * are copied (an item belongs to one dataset); byte[] values are shared when no swap is needed, since values are
 * never modified in place. A big-endian source (retired Explicit VR Big Endian) has its binary values swapped, so
 * that transcoded pixel data, which is always little endian, sits in a dataset of the same byte order.
 */
final class DatasetCopy {

    private DatasetCopy() {
    }

    /** A little-endian copy of {@code source} without its Pixel Data, which the caller sets. */
    static Dataset littleEndianWithoutPixelData(Dataset source) throws PixelDataException {
        Dataset copy = new Dataset(false, source.size());
        copy.setCharsetPolicy(source.charsetPolicy());
        copyInto(source, copy, source.isBigEndian(), true);
        return copy;
    }

    /** A copy in the source's own byte order, Pixel Data included. */
    static Dataset of(Dataset source) throws PixelDataException {
        Dataset copy = new Dataset(source.isBigEndian(), source.size());
        copy.setCharsetPolicy(source.charsetPolicy());
        copyInto(source, copy, false, false);
        return copy;
    }

    private static void copyInto(Dataset source, Dataset target, boolean swap, boolean dropPixelData)
            throws PixelDataException {
        for (int i = 0; i < source.size(); i++) {
            int tag = source.tagAt(i);
            if (dropPixelData && tag == Tag.PixelData) {
                continue;
            }
            Object value = source.valueAt(i);
            if (value instanceof Sequence sequence) {
                Sequence copied = target.newSequence(tag);
                target.set(tag, source.vrAt(i), copied);
                for (Dataset item : sequence) {
                    copyInto(item, copied.addNewItem(), swap, false);
                }
            } else if (swap && value instanceof byte[] bytes) {
                byte[] swapped = bytes.clone();
                BinaryValues.swapInPlace(source.vrAt(i), swapped, swapped.length);
                target.set(tag, source.vrAt(i), swapped);
            } else if (swap && value instanceof BulkData bulk) {
                target.set(tag, source.vrAt(i), swappedInMemory(bulk, source, i));
            } else {
                target.set(tag, source.vrAt(i), value);
            }
        }
    }

    private static byte[] swappedInMemory(BulkData bulk, Dataset source, int index) throws PixelDataException {
        try {
            byte[] bytes = bulk.readAll();
            BinaryValues.swapInPlace(source.vrAt(index), bytes, bytes.length);
            return bytes;
        } catch (IOException e) {
            throw new PixelDataException("cannot read a big-endian value to swap it: " + e.getMessage(), e);
        }
    }
}
