package org.hrnode.dicom.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.dict.Tag;

/**
 * The Value Field of encapsulated Pixel Data as PS3.5 Table A.4-1 lays it out: the Basic Offset Table item, one
 * item per fragment (each with its 8-byte header, padded to even length), and the closing Sequence Delimitation
 * Item. PS3.18 F.2.7 puts exactly that, base64-encoded, into {@code InlineBinary}; this class streams it out of
 * {@link Fragments} and parses it back.
 */
public final class EncapsulatedValueField {

    private static final int ITEM_HEADER_LENGTH = 8;
    private static final long UNDEFINED_LENGTH = 0xFFFF_FFFFL;
    private static final int FIRST_BYTES = 4;
    private static final byte[] ITEM_TAG_LITTLE_ENDIAN = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0};

    private EncapsulatedValueField() {
    }

    /** Length in bytes of the Value Field {@link #open} streams. */
    public static long length(Fragments fragments) {
        long total = ITEM_HEADER_LENGTH; // the Sequence Delimitation Item
        for (int i = 0; i < fragments.size(); i++) {
            long length = fragments.lengthOf(i);
            total += ITEM_HEADER_LENGTH + length + (length & 1);
        }
        return total;
    }

    /** The Value Field as a stream; fragments held as {@link BulkData} are opened only when reached. */
    public static InputStream open(Fragments fragments) {
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            long length = fragments.lengthOf(i);
            parts.add(header(Tag.Item, length + (length & 1)));
            parts.add(fragments.items().get(i));
            if ((length & 1) != 0) {
                parts.add(new byte[1]);
            }
        }
        parts.add(header(Tag.SequenceDelimitationItem, 0));
        Iterator<Object> it = parts.iterator();
        // Each part is opened when the sequence reaches it, so at most one bulk data source is open at a time.
        return new SequenceInputStream(new Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return switch (it.next()) {
                    case byte[] b -> new ByteArrayInputStream(b);
                    case BulkData bd -> new DeferredBulkDataStream(bd);
                    default -> throw new IllegalStateException("fragment of unexpected type");
                };
            }
        });
    }

    private static byte[] header(int tag, long length) {
        byte[] h = new byte[ITEM_HEADER_LENGTH];
        BinaryValues.putU16(h, 0, tag >>> 16, false);
        BinaryValues.putU16(h, 2, tag & 0xFFFF, false);
        BinaryValues.putS32(h, 4, (int) length, false);
        return h;
    }

    /** Whether {@code value} begins like an encapsulated Value Field: with an item tag. */
    static boolean looksEncapsulated(byte[] value) {
        return value.length >= ITEM_HEADER_LENGTH
                && Arrays.equals(value, 0, FIRST_BYTES, ITEM_TAG_LITTLE_ENDIAN, 0, FIRST_BYTES);
    }

    /**
     * The fragments of a Value Field, or null unless it is a well-formed run of defined-length items that fills it
     * exactly, optionally closed by a Sequence Delimitation Item (pydicom leaves that out).
     */
    static Fragments parse(byte[] value) {
        Fragments fragments = new Fragments();
        int pos = 0;
        while (pos < value.length) {
            if (value.length - pos < ITEM_HEADER_LENGTH) {
                return null;
            }
            int tag = (BinaryValues.u16(value, pos, false) << 16) | BinaryValues.u16(value, pos + 2, false);
            long length = BinaryValues.s32(value, pos + FIRST_BYTES, false) & 0xFFFF_FFFFL;
            pos += ITEM_HEADER_LENGTH;
            if (tag == Tag.SequenceDelimitationItem) {
                return length == 0 && pos == value.length && fragments.size() > 0 ? fragments : null;
            }
            if (tag != Tag.Item || length == UNDEFINED_LENGTH || length > value.length - pos) {
                return null;
            }
            fragments.add(Arrays.copyOfRange(value, pos, pos + (int) length));
            pos += (int) length;
        }
        return fragments.size() > 0 ? fragments : null;
    }

    /** Opens its bulk data on first read, and reports a source that ends early. */
    private static final class DeferredBulkDataStream extends InputStream {
        private final BulkData bulkData;
        private InputStream in;
        private long remaining;

        DeferredBulkDataStream(BulkData bulkData) {
            this.bulkData = bulkData;
            this.remaining = bulkData.length();
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = bulkData.openStream();
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in().read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("bulk data at " + bulkData.uri() + " ended " + remaining + " bytes early");
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
