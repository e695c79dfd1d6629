package org.hrnode.dicom.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/**
 * Writes Part 10 files and bare datasets in Implicit VR Little Endian, Explicit VR Little Endian and Deflated
 * Explicit VR Little Endian (and the encapsulated syntaxes, which are Explicit VR Little Endian around the
 * fragments). Big Endian is read-only: it was retired from PS3.5 and no peer needs it written.
 *
 * <p>Values are written as held: raw bytes unchanged (byte-swapped when the dataset was big endian), text encoded
 * with the dataset's Specific Character Set, {@link BulkData} streamed from its source. Group length elements are
 * dropped (retired, and stale after any change) except the File Meta Information Group Length, which is computed.
 */
public final class DicomWriter implements Closeable {

    private static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);
    private static final int PREAMBLE_LENGTH = 128;
    private static final int UNDEFINED_LENGTH = -1;
    private static final int MAX_SHORT_LENGTH = 0xFFFF;
    private static final int ITEM_HEADER_LENGTH = 8;
    private static final int COPY_BUFFER = 64 * 1024;
    private static final int FILE_META_GROUP = 0x0002;

    private OutputStream out;
    private final WriteOptions options;
    private final byte[] header = new byte[12];
    private Deflater deflater;

    public DicomWriter(OutputStream out, WriteOptions options) {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, COPY_BUFFER);
        this.options = options;
    }

    public DicomWriter(OutputStream out) {
        this(out, WriteOptions.defaults());
    }

    /** Writes {@code dataset} as a Part 10 file in {@code ts}, with meta built from the dataset. */
    public static void writeFile(Path file, Dataset dataset, TransferSyntax ts) throws IOException {
        try (DicomWriter w = new DicomWriter(Files.newOutputStream(file))) {
            w.writePart10(FileMetaInformation.forDataset(dataset, ts), dataset);
        }
    }

    /** Preamble, "DICM", the meta group and the dataset in the transfer syntax the meta names. */
    public void writePart10(Dataset fileMetaInformation, Dataset dataset) throws IOException {
        String tsUid = fileMetaInformation.getString(Tag.TransferSyntaxUID);
        if (tsUid == null) {
            throw new IllegalArgumentException("File Meta Information lacks Transfer Syntax UID");
        }
        out.write(new byte[PREAMBLE_LENGTH]);
        out.write(DICM);
        writeFileMetaInformation(fileMetaInformation);
        writeDataset(dataset, TransferSyntax.orDefault(tsUid));
    }

    /** The meta group in Explicit VR Little Endian, preceded by its computed group length. */
    public void writeFileMetaInformation(Dataset meta) throws IOException {
        long groupLength = 0;
        for (int i = 0; i < meta.size(); i++) {
            int tag = meta.tagAt(i);
            if (Tags.group(tag) == FILE_META_GROUP && !Tags.isGroupLength(tag)) {
                groupLength += encodedLength(meta, i, true, false);
            }
        }
        writeHeader(Tag.FileMetaInformationGroupLength, VR.UL, 4, true, false);
        BinaryValues.putS32(header, 0, (int) groupLength, false);
        out.write(header, 0, 4);
        for (int i = 0; i < meta.size(); i++) {
            int tag = meta.tagAt(i);
            if (Tags.group(tag) == FILE_META_GROUP && !Tags.isGroupLength(tag)) {
                writeElement(meta, i, true);
            }
        }
    }

    /** The dataset alone, in {@code ts}; File Meta Information and group lengths in it are skipped. */
    public void writeDataset(Dataset dataset, TransferSyntax ts) throws IOException {
        if (ts.isBigEndian()) {
            throw new IllegalArgumentException("writing Explicit VR Big Endian is not supported (retired syntax)");
        }
        if (ts.isDeflated()) {
            out.flush();
            deflater = new Deflater(options.deflateLevel(), true);
            out = new BufferedOutputStream(new DeflaterOutputStream(out, deflater, COPY_BUFFER), COPY_BUFFER);
        }
        boolean explicit = !ts.isImplicitVR();
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            if (Tags.group(tag) != FILE_META_GROUP && !Tags.isGroupLength(tag)) {
                writeElement(dataset, i, explicit);
            }
        }
        out.flush();
    }

    /** Finishes a deflated stream if one was started; closes the underlying stream. */
    @Override
    public void close() throws IOException {
        try (OutputStream o = out) {
            o.flush();
        } finally {
            if (deflater != null) {
                deflater.end();
            }
        }
    }

    // ---- elements -------------------------------------------------------------------------------------------

    private void writeElement(Dataset ds, int i, boolean explicit) throws IOException {
        int tag = ds.tagAt(i);
        VR vr = ds.vrAt(i);
        switch (ds.valueAt(i)) {
            case Sequence sq -> writeSequence(ds, tag, sq, explicit);
            case Fragments f -> writeFragments(tag, vr, f, explicit);
            case BulkData bd -> {
                long padded = bd.length() + (bd.length() & 1);
                writeHeader(tag, vr, padded, explicit, true);
                copyBulkData(bd, vr, ds.isBigEndian());
                if ((bd.length() & 1) != 0) {
                    out.write(vr.paddingByte());
                }
            }
            default -> {
                byte[] value = encodedValue(ds, i);
                writeHeader(tag, vr, value.length + (value.length & 1), explicit, true);
                out.write(value);
                if ((value.length & 1) != 0) {
                    out.write(vr.paddingByte());
                }
            }
        }
    }

    /** Value bytes in little-endian order, unpadded. */
    private static byte[] encodedValue(Dataset ds, int i) {
        VR vr = ds.vrAt(i);
        return switch (ds.valueAt(i)) {
            case String s -> ds.specificCharacterSet().encode(s, vr);
            case byte[] b when ds.isBigEndian() && needsSwap(vr) -> {
                byte[] swapped = b.clone();
                BinaryValues.swapInPlace(vr, swapped, swapped.length);
                yield swapped;
            }
            case byte[] b -> b;
            default -> throw new IllegalStateException("not a simple value at " + Tags.toString(ds.tagAt(i)));
        };
    }

    private static boolean needsSwap(VR vr) {
        return vr == VR.AT || vr.bytesPerValue() > 1;
    }

    private void writeSequence(Dataset ds, int tag, Sequence sq, boolean explicit) throws IOException {
        boolean undefined = options.undefinedSequenceLength();
        writeHeader(tag, VR.SQ, undefined ? UNDEFINED_LENGTH : sequenceContentLength(sq, explicit), explicit, true);
        for (Dataset item : sq) {
            writeItemHeader(Tag.Item, undefined ? UNDEFINED_LENGTH : datasetLength(item, explicit));
            for (int k = 0; k < item.size(); k++) {
                if (!Tags.isGroupLength(item.tagAt(k))) {
                    writeElement(item, k, explicit);
                }
            }
            if (undefined) {
                writeItemHeader(Tag.ItemDelimitationItem, 0);
            }
        }
        if (undefined) {
            writeItemHeader(Tag.SequenceDelimitationItem, 0);
        }
    }

    private void writeFragments(int tag, VR vr, Fragments fragments, boolean explicit) throws IOException {
        writeHeader(tag, vr, UNDEFINED_LENGTH, explicit, true);
        for (Object fragment : fragments.items()) {
            switch (fragment) {
                case byte[] b -> {
                    writeItemHeader(Tag.Item, b.length + (b.length & 1));
                    out.write(b);
                    if ((b.length & 1) != 0) {
                        out.write(0);
                    }
                }
                case BulkData bd -> {
                    writeItemHeader(Tag.Item, bd.length() + (bd.length() & 1));
                    copyBulkData(bd, VR.OB, false);
                    if ((bd.length() & 1) != 0) {
                        out.write(0);
                    }
                }
                default -> throw new IllegalStateException("fragment of unexpected type " + fragment.getClass());
            }
        }
        writeItemHeader(Tag.SequenceDelimitationItem, 0);
    }

    private void copyBulkData(BulkData bd, VR vr, boolean sourceBigEndian) throws IOException {
        boolean swap = sourceBigEndian && needsSwap(vr);
        try (InputStream in = bd.openStream()) {
            byte[] buf = new byte[COPY_BUFFER];
            long left = bd.length();
            int carry = 0;
            while (left > 0) {
                int n = in.read(buf, carry, (int) Math.min(buf.length - carry, left));
                if (n < 0) {
                    throw new IOException("bulk data source " + bd.uri() + " ended " + left + " bytes early");
                }
                left -= n;
                int available = carry + n;
                // Swap only whole values; a partial one waits for the rest of its bytes.
                int whole = swap ? available - available % swapUnit(vr) : available;
                if (swap) {
                    BinaryValues.swapInPlace(vr, buf, whole);
                }
                out.write(buf, 0, left == 0 ? available : whole);
                carry = left == 0 ? 0 : available - whole;
                System.arraycopy(buf, whole, buf, 0, carry);
            }
        }
    }

    private static int swapUnit(VR vr) {
        return vr == VR.AT ? 2 : vr.bytesPerValue();
    }

    private void writeHeader(int tag, VR vr, long length, boolean explicit, boolean allowLongAsUN)
            throws IOException {
        BinaryValues.putU16(header, 0, Tags.group(tag), false);
        BinaryValues.putU16(header, 2, Tags.element(tag), false);
        if (!explicit) {
            BinaryValues.putS32(header, 4, (int) length, false);
            out.write(header, 0, 8);
            return;
        }
        VR onWire = vr;
        if (!vr.hasLongExplicitHeader() && length > MAX_SHORT_LENGTH) {
            if (!allowLongAsUN) {
                throw new IOException(Tags.toString(tag) + " value too long for " + vr);
            }
            onWire = VR.UN; // PS3.5 §6.2.2: a value too long for its VR's 16-bit length travels as UN
        }
        header[4] = (byte) (onWire.code() >> 8);
        header[5] = (byte) onWire.code();
        if (onWire.hasLongExplicitHeader()) {
            header[6] = 0;
            header[7] = 0;
            BinaryValues.putS32(header, 8, (int) length, false);
            out.write(header, 0, 12);
        } else {
            BinaryValues.putU16(header, 6, (int) length, false);
            out.write(header, 0, 8);
        }
    }

    private void writeItemHeader(int tag, long length) throws IOException {
        BinaryValues.putU16(header, 0, Tags.group(tag), false);
        BinaryValues.putU16(header, 2, Tags.element(tag), false);
        BinaryValues.putS32(header, 4, (int) length, false);
        out.write(header, 0, ITEM_HEADER_LENGTH);
    }

    // ---- lengths, for defined-length sequences and the meta group length -------------------------------------

    private long datasetLength(Dataset ds, boolean explicit) {
        long total = 0;
        for (int k = 0; k < ds.size(); k++) {
            if (!Tags.isGroupLength(ds.tagAt(k))) {
                total += encodedLength(ds, k, explicit, true);
            }
        }
        return total;
    }

    private long sequenceContentLength(Sequence sq, boolean explicit) {
        boolean undefined = options.undefinedSequenceLength();
        long total = 0;
        for (Dataset item : sq) {
            total += ITEM_HEADER_LENGTH + datasetLength(item, explicit) + (undefined ? ITEM_HEADER_LENGTH : 0);
        }
        return total + (undefined ? ITEM_HEADER_LENGTH : 0);
    }

    private long encodedLength(Dataset ds, int i, boolean explicit, boolean allowLongAsUN) {
        VR vr = ds.vrAt(i);
        long valueLength = switch (ds.valueAt(i)) {
            case Sequence sq -> sequenceContentLength(sq, explicit);
            case Fragments f -> {
                long sum = ITEM_HEADER_LENGTH; // sequence delimiter
                for (int k = 0; k < f.size(); k++) {
                    long len = f.lengthOf(k);
                    sum += ITEM_HEADER_LENGTH + len + (len & 1);
                }
                yield sum;
            }
            case BulkData bd -> bd.length() + (bd.length() & 1);
            default -> {
                int len = encodedValue(ds, i).length;
                yield len + (len & 1);
            }
        };
        if (!explicit) {
            return 8 + valueLength;
        }
        boolean longHeader = vr.hasLongExplicitHeader() || allowLongAsUN && valueLength > MAX_SHORT_LENGTH;
        return (longHeader ? 12 : 8) + valueLength;
    }
}
