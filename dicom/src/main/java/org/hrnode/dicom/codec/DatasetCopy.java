package org.hrnode.dicom.codec;

import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;

/**
 * A copy of a dataset that can be changed without touching the original: sequences and their items are copied
 * (an item belongs to one dataset), values are shared, since byte[] values are never modified in place.
 */
final class DatasetCopy {

    private DatasetCopy() {
    }

    static Dataset of(Dataset source) {
        Dataset copy = new Dataset(source.isBigEndian(), source.size());
        copy.setCharsetPolicy(source.charsetPolicy());
        copyInto(source, copy);
        return copy;
    }

    private static void copyInto(Dataset source, Dataset target) {
        for (int i = 0; i < source.size(); i++) {
            int tag = source.tagAt(i);
            if (source.valueAt(i) instanceof Sequence sequence) {
                Sequence copied = target.newSequence(tag);
                target.set(tag, source.vrAt(i), copied);
                for (Dataset item : sequence) {
                    copyInto(item, copied.addNewItem());
                }
            } else {
                target.set(tag, source.vrAt(i), source.valueAt(i));
            }
        }
    }
}
