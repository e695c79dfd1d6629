package org.hrnode.dicom.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.io.DicomWriter;

/**
 * Encodes a little-endian dataset as Explicit VR Big Endian, which {@link DicomWriter} deliberately does not write
 * (the syntax is retired) but the reader must still parse; only the fuzz corpus needs it. Sequences get undefined
 * lengths; encapsulated pixel data is not supported (it never occurs in this syntax).
 */
final class BigEndianSeedEncoder {

    private static final int PREAMBLE_LENGTH = 128;
    private static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);
    private static final int UNDEFINED_LENGTH = 0xFFFF_FFFF;
    private static final int ITEM = 0xFFFE_E000;
    private static final int ITEM_DELIMITATION = 0xFFFE_E00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFE_E0DD;
    private static final int FILE_META_GROUP = 0x0002;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private BigEndianSeedEncoder() {
    }

    /** Preamble, little-endian meta (as PS3.10 requires for every syntax), then the dataset in big endian. */
    static byte[] part10(Dataset dataset, Dataset meta) {
        BigEndianSeedEncoder e = new BigEndianSeedEncoder();
        e.out.writeBytes(new byte[PREAMBLE_LENGTH]);
        e.out.writeBytes(DICM);
        try (DicomWriter w = new DicomWriter(e.out)) {
            w.writeFileMetaInformation(meta);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        e.dataset(dataset);
        return e.out.toByteArray();
    }

    private void dataset(Dataset ds) {
        for (int i = 0; i < ds.size(); i++) {
            if (Tags.group(ds.tagAt(i)) == FILE_META_GROUP) {
                continue;
            }
            element(ds, i);
        }
    }

    private void element(Dataset ds, int i) {
        int tag = ds.tagAt(i);
        VR vr = ds.vrAt(i);
        if (ds.valueAt(i) instanceof Sequence sq) {
            header(tag, vr, UNDEFINED_LENGTH);
            for (Dataset item : sq) {
                itemHeader(ITEM, UNDEFINED_LENGTH);
                dataset(item);
                itemHeader(ITEM_DELIMITATION, 0);
            }
            itemHeader(SEQUENCE_DELIMITATION, 0);
            return;
        }
        byte[] value = switch (ds.valueAt(i)) {
            case String s -> s.getBytes(StandardCharsets.UTF_8);
            case byte[] b -> swapped(vr, b);
            default -> throw new IllegalArgumentException("cannot encode " + ds.valueAt(i).getClass() + " as seed");
        };
        boolean odd = (value.length & 1) != 0;
        header(tag, vr, value.length + (odd ? 1 : 0));
        out.writeBytes(value);
        if (odd) {
            out.write(vr.paddingByte());
        }
    }

    private static byte[] swapped(VR vr, byte[] littleEndian) {
        byte[] b = littleEndian.clone();
        if (vr == VR.AT || vr.bytesPerValue() > 1) {
            BinaryValues.swapInPlace(vr, b, b.length);
        }
        return b;
    }

    private void header(int tag, VR vr, int length) {
        out.writeBytes(ByteEdits.u16(Tags.group(tag), true));
        out.writeBytes(ByteEdits.u16(Tags.element(tag), true));
        out.writeBytes(ByteEdits.u16(vr.code(), true));
        if (vr.hasLongExplicitHeader()) {
            out.writeBytes(new byte[Short.BYTES]);
            out.writeBytes(ByteEdits.u32(length, true));
        } else {
            out.writeBytes(ByteEdits.u16(length, true));
        }
    }

    private void itemHeader(int tag, int length) {
        out.writeBytes(ByteEdits.u16(Tags.group(tag), true));
        out.writeBytes(ByteEdits.u16(Tags.element(tag), true));
        out.writeBytes(ByteEdits.u32(length, true));
    }
}
