package org.hrnode.dicom.data;

import java.util.Arrays;
import java.util.Objects;
import org.hrnode.dicom.charset.CharsetPolicy;
import org.hrnode.dicom.charset.SpecificCharacterSet;
import org.hrnode.dicom.dict.ElementDictionary;
import org.hrnode.dicom.dict.Tag;

/**
 * A DICOM dataset (or sequence item), kept compact: tags, VRs and values in three parallel arrays sorted by tag,
 * found by binary search, with an append fast path for parsers that deliver elements in order.
 *
 * <p>Values stay as they came: the raw bytes of the element in this dataset's byte order, decoded lazily on access
 * with the dataset's Specific Character Set (inherited from the enclosing dataset for items). Values set by
 * program as text are kept as {@code String} and encoded when written. Other value types are {@link Sequence},
 * {@link Fragments} (encapsulated pixel data) and {@link BulkData} (a reference to bytes left in the source).
 *
 * <p>Not thread-safe for mutation; a dataset that is no longer modified may be read from several threads.
 */
public final class Dataset {

    private static final int INITIAL_CAPACITY = 16;
    private static final byte[] EMPTY = {};

    private final boolean bigEndian;
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private Dataset parent;
    private CharsetPolicy charsetPolicy;
    private SpecificCharacterSet charset;

    /** An empty little-endian dataset. */
    public Dataset() {
        this(false);
    }

    /** An empty dataset whose binary values are in big-endian order (as read from Explicit VR Big Endian). */
    public Dataset(boolean bigEndian) {
        this(bigEndian, INITIAL_CAPACITY);
    }

    public Dataset(boolean bigEndian, int capacity) {
        this.bigEndian = bigEndian;
        int c = Math.max(1, capacity);
        this.tags = new int[c];
        this.vrs = new VR[c];
        this.values = new Object[c];
    }

    // ---- structure ------------------------------------------------------------------------------------------

    public boolean isBigEndian() {
        return bigEndian;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Tag of the {@code i}-th element in tag order. */
    public int tagAt(int i) {
        Objects.checkIndex(i, size);
        return tags[i];
    }

    public VR vrAt(int i) {
        Objects.checkIndex(i, size);
        return vrs[i];
    }

    /** Raw value of the {@code i}-th element: byte[], String, Sequence, Fragments or BulkData. */
    public Object valueAt(int i) {
        Objects.checkIndex(i, size);
        return values[i];
    }

    /** The dataset enclosing this item, or null for a top-level dataset. */
    public Dataset parent() {
        return parent;
    }

    void setParent(Dataset parent) {
        this.parent = parent;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** Whether the element is present with a non-empty value. */
    public boolean hasValue(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        return switch (values[i]) {
            case byte[] b -> b.length > 0;
            case String s -> !s.isEmpty();
            case Sequence sq -> !sq.isEmpty();
            case Fragments f -> f.size() > 0;
            case BulkData bd -> bd.length() > 0;
            default -> false;
        };
    }

    /** VR of the element, or null if absent. */
    public VR vrOf(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : vrs[i];
    }

    /** Raw value of the element (see {@link #valueAt}), or null if absent. */
    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : values[i];
    }

    private int indexOf(int tag) {
        // Unsigned comparison: item tags FFFE,xxxx and private groups above 7FFF sort last, as on the wire.
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            return -size - 1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    // ---- mutation -------------------------------------------------------------------------------------------

    /**
     * Sets an element, replacing any existing one with the same tag. {@code value} is byte[] (raw, this dataset's
     * byte order), String (text, encoded on write), Sequence, Fragments, BulkData, or null for an empty value.
     */
    public void set(int tag, VR vr, Object value) {
        Objects.requireNonNull(vr, "vr");
        Object v = value == null ? EMPTY : value;
        if (!(v instanceof byte[] || v instanceof String || v instanceof Sequence || v instanceof Fragments
                || v instanceof BulkData)) {
            throw new IllegalArgumentException("unsupported value type " + v.getClass().getName());
        }
        if (v instanceof Sequence sq && sq.parent() != this) {
            throw new IllegalArgumentException("sequence belongs to another dataset; use newSequence()");
        }
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = v;
        } else {
            insert(-i - 1, tag, vr, v);
        }
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
    }

    private void insert(int at, int tag, VR vr, Object value) {
        if (size == tags.length) {
            int capacity = size + (size >> 1) + 1;
            tags = Arrays.copyOf(tags, capacity);
            vrs = Arrays.copyOf(vrs, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(vrs, at, vrs, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
        }
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    public void setBytes(int tag, VR vr, byte[] value) {
        set(tag, vr, value);
    }

    /** Sets a character-string element from values, joined with backslashes. */
    public void setString(int tag, VR vr, String... values) {
        if (!vr.isCharacterString()) {
            throw new IllegalArgumentException(Tags.toString(tag) + ": " + vr + " is not a character-string VR");
        }
        set(tag, vr, StringValues.join(values));
    }

    /** Sets integers as a binary VR (US, SS, UL, SL, UV, SV, OW, OL, OV, OB) or as IS text. */
    public void setInts(int tag, VR vr, long... ints) {
        if (vr == VR.IS) {
            set(tag, vr, StringValues.join(Arrays.stream(ints).mapToObj(Long::toString).toArray(String[]::new)));
        } else if (vr.kind() == VR.Kind.INTEGER || vr == VR.OB) {
            set(tag, vr, BinaryValues.encodeIntegers(vr, ints, bigEndian));
        } else {
            throw new IllegalArgumentException(Tags.toString(tag) + ": " + vr + " cannot hold integers");
        }
    }

    /** Sets numbers as FL, FD, OF, OD or DS text. */
    public void setDoubles(int tag, VR vr, double... doubles) {
        if (vr == VR.DS) {
            set(tag, vr, StringValues.join(Arrays.stream(doubles).mapToObj(DecimalStrings::format).toArray(String[]::new)));
        } else if (vr.kind() == VR.Kind.FLOAT) {
            set(tag, vr, BinaryValues.encodeFloats(vr, doubles, bigEndian));
        } else {
            throw new IllegalArgumentException(Tags.toString(tag) + ": " + vr + " cannot hold floating point numbers");
        }
    }

    /** Sets an AT element. */
    public void setTags(int tag, int... tagValues) {
        set(tag, VR.AT, BinaryValues.encodeTags(tagValues, bigEndian));
    }

    /** Creates an empty sequence element (replacing any existing element) and returns it for adding items. */
    public Sequence newSequence(int tag) {
        Sequence sq = new Sequence(this);
        set(tag, VR.SQ, sq);
        return sq;
    }

    /** Removes the element; returns whether it was present. */
    public boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        vrs[size] = null;
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return true;
    }

    // ---- character set --------------------------------------------------------------------------------------

    /** The policy for undeclared or mislabelled character sets; inherited from the enclosing dataset. */
    public CharsetPolicy charsetPolicy() {
        for (Dataset d = this; d != null; d = d.parent) {
            if (d.charsetPolicy != null) {
                return d.charsetPolicy;
            }
        }
        return CharsetPolicy.DEFAULT;
    }

    public void setCharsetPolicy(CharsetPolicy policy) {
        this.charsetPolicy = policy;
        this.charset = null;
    }

    /**
     * The character set of this dataset's text values: from its own (0008,0005), else the enclosing dataset's
     * (PS3.5 §7.5.3), else the default repertoire under the charset policy.
     */
    public SpecificCharacterSet specificCharacterSet() {
        SpecificCharacterSet cs = charset;
        if (cs == null) {
            int i = indexOf(Tag.SpecificCharacterSet);
            if (i >= 0) {
                cs = SpecificCharacterSet.of(charsetPolicy(), rawStrings(i, SpecificCharacterSet.DEFAULT));
            } else if (parent != null) {
                cs = parent.specificCharacterSet();
            } else {
                cs = SpecificCharacterSet.of(charsetPolicy());
            }
            charset = cs;
        }
        return cs;
    }

    // ---- typed access -------------------------------------------------------------------------------------

    /** Raw bytes of the element as held (this dataset's byte order), or null if absent or not held as bytes. */
    public byte[] getBytes(int tag) {
        return getValue(tag) instanceof byte[] b ? b : null;
    }

    public Sequence getSequence(int tag) {
        return getValue(tag) instanceof Sequence sq ? sq : null;
    }

    /** The first item of a sequence, or null. */
    public Dataset getItem(int tag) {
        Sequence sq = getSequence(tag);
        return sq == null || sq.isEmpty() ? null : sq.get(0);
    }

    public Fragments getFragments(int tag) {
        return getValue(tag) instanceof Fragments f ? f : null;
    }

    /** The whole decoded text of a character-string element (all values, backslashes kept), or null. */
    public String getText(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : decodedText(i, specificCharacterSet());
    }

    private String decodedText(int i, SpecificCharacterSet cs) {
        return switch (values[i]) {
            case String s -> s;
            // Every string VR goes through the character set, not only those PS3.5 allows it for: senders put
            // GB18030 bytes in CS values too (Patient's Sex 男), and the decoder passes ASCII straight through.
            case byte[] b -> cs.decode(b, 0, b.length, vrs[i]);
            default -> null;
        };
    }

    private String[] rawStrings(int i, SpecificCharacterSet cs) {
        String text = decodedText(i, cs);
        return text == null ? new String[0] : StringValues.split(vrs[i], text);
    }

    /**
     * The values of an element as strings: character strings split and trimmed; binary numbers and tags formatted.
     * Empty array if the element is absent or empty.
     */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return new String[0];
        }
        VR vr = vrs[i];
        if (vr.isCharacterString()) {
            return rawStrings(i, specificCharacterSet());
        }
        if (values[i] instanceof byte[] b && vr.isBinaryNumeric()) {
            String[] out = new String[BinaryValues.count(vr, b.length)];
            for (int k = 0; k < out.length; k++) {
                out[k] = BinaryValues.format(vr, b, k, bigEndian);
            }
            return out;
        }
        return new String[0];
    }

    /** The first value as a string, or null if absent or empty. */
    public String getString(int tag) {
        String[] v = getStrings(tag);
        return v.length == 0 ? null : v[0];
    }

    public String getString(int tag, String defaultValue) {
        String v = getString(tag);
        return v == null ? defaultValue : v;
    }

    /** The first value of a PN element, parsed into component groups and components, or null. */
    public PersonName getPersonName(int tag) {
        String v = getString(tag);
        return v == null ? null : PersonName.parse(v);
    }

    /**
     * Integer values of a binary integer VR or IS. Throws {@link NumberFormatException} for IS text that is not a
     * number and {@link IllegalStateException} for elements that hold no integers.
     */
    public long[] getLongs(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return new long[0];
        }
        VR vr = vrs[i];
        if (vr == VR.IS || vr == VR.DS) {
            return Arrays.stream(rawStrings(i, specificCharacterSet()))
                    .mapToLong(s -> vr == VR.IS ? StringValues.parseIntegerString(s)
                            : (long) StringValues.parseDecimalString(s))
                    .toArray();
        }
        if (values[i] instanceof byte[] b && (vr.kind() == VR.Kind.INTEGER || vr == VR.OB)) {
            long[] out = new long[BinaryValues.count(vr, b.length)];
            for (int k = 0; k < out.length; k++) {
                out[k] = BinaryValues.integerAt(vr, b, k, bigEndian);
            }
            return out;
        }
        throw new IllegalStateException(Tags.toString(tag) + " " + vr + " holds no integer values");
    }

    /** The first integer value, or {@code defaultValue} if the element is absent or empty. */
    public int getInt(int tag, int defaultValue) {
        long[] v = getLongs(tag);
        return v.length == 0 ? defaultValue : (int) v[0];
    }

    /** Floating point values of FL, FD, OF, OD, DS, IS or binary integer VRs. */
    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return new double[0];
        }
        VR vr = vrs[i];
        if (vr == VR.DS || vr == VR.IS) {
            return Arrays.stream(rawStrings(i, specificCharacterSet()))
                    .mapToDouble(StringValues::parseDecimalString).toArray();
        }
        if (values[i] instanceof byte[] b && vr.kind() == VR.Kind.FLOAT) {
            double[] out = new double[BinaryValues.count(vr, b.length)];
            for (int k = 0; k < out.length; k++) {
                out[k] = BinaryValues.floatAt(vr, b, k, bigEndian);
            }
            return out;
        }
        return Arrays.stream(getLongs(tag)).asDoubleStream().toArray();
    }

    public double getDouble(int tag, double defaultValue) {
        double[] v = getDoubles(tag);
        return v.length == 0 ? defaultValue : v[0];
    }

    /** AT values. */
    public int[] getTags(int tag) {
        byte[] b = getBytes(tag);
        if (b == null || vrOf(tag) != VR.AT) {
            return new int[0];
        }
        int[] out = new int[b.length / 4];
        for (int k = 0; k < out.length; k++) {
            out[k] = BinaryValues.tagAt(b, k, bigEndian);
        }
        return out;
    }

    // ---- private elements -----------------------------------------------------------------------------------

    /**
     * The private creator of a private data element (gggg,xxee): the value of (gggg,00xx), or null if the block was
     * not reserved.
     */
    public String privateCreatorOf(int tag) {
        if (!Tags.isPrivateData(tag)) {
            return null;
        }
        return getString(Tags.creatorOf(tag));
    }

    /**
     * The actual tag of private element {@code elementLow} (low byte, 00–FF) of {@code creator} in odd group
     * {@code group}, or -1 if this dataset reserves no block for that creator.
     */
    public int privateTag(String creator, int group, int elementLow) {
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = Tags.of(group, block);
            if (creator.equals(getString(creatorTag))) {
                return Tags.of(group, (block << 8) | (elementLow & 0xFF));
            }
        }
        return -1;
    }

    /**
     * Like {@link #privateTag} but reserves the first free block for the creator when none is reserved yet, as a
     * writer of private elements must (PS3.5 §7.8.1).
     */
    public int reservePrivateTag(String creator, int group, int elementLow) {
        int existing = privateTag(creator, group, elementLow);
        if (existing >= 0) {
            return existing;
        }
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = Tags.of(group, block);
            if (!contains(creatorTag)) {
                setString(creatorTag, VR.LO, creator);
                return Tags.of(group, (block << 8) | (elementLow & 0xFF));
            }
        }
        throw new IllegalStateException("no free private block in group " + Integer.toHexString(group));
    }

    /** VR the dictionary gives a tag, used where the encoding carries none. */
    public static VR dictionaryVR(int tag) {
        return ElementDictionary.vrOf(tag);
    }

    // ---- equality -------------------------------------------------------------------------------------------

    /**
     * Same tags, VRs and values. Text compares by decoded value (a String set by program equals the bytes that
     * encode it), binary values by content in their own byte order, bulk data by reference.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Dataset other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != other.tags[i] || vrs[i] != other.vrs[i] || !valueEquals(i, other)) {
                return false;
            }
        }
        return true;
    }

    private boolean valueEquals(int i, Dataset other) {
        Object a = values[i];
        Object b = other.values[i];
        if (a instanceof String || b instanceof String) {
            return Arrays.equals(rawStrings(i, specificCharacterSet()),
                    other.rawStrings(i, other.specificCharacterSet()));
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            if (bigEndian == other.bigEndian || vrs[i].bytesPerValue() <= 1 && vrs[i] != VR.AT) {
                return Arrays.equals(x, y);
            }
            byte[] swapped = x.clone();
            BinaryValues.swapInPlace(vrs[i], swapped, swapped.length);
            return Arrays.equals(swapped, y);
        }
        if (a instanceof Sequence x && b instanceof Sequence y) {
            return x.items().equals(y.items());
        }
        if (a instanceof Fragments x && b instanceof Fragments y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int k = 0; k < x.size(); k++) {
                Object fx = x.items().get(k);
                Object fy = y.items().get(k);
                if (fx instanceof byte[] bx && fy instanceof byte[] by ? !Arrays.equals(bx, by) : !fx.equals(fy)) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + tags[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "Dataset[" + size + " elements" + (bigEndian ? ", big endian" : "") + "]";
    }
}
