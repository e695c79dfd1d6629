package org.hrnode.dicom.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.StringValues;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.oracle.Normalised.Digest;
import org.hrnode.dicom.oracle.Normalised.Element;
import org.hrnode.dicom.oracle.Normalised.ScalarKind;
import org.hrnode.dicom.oracle.Normalised.Value;

/**
 * Our {@link Dataset} in the {@link Normalised} shape pydicom's report is mapped to, through the public accessors a
 * user of the reader would call: text through {@link Dataset#getStrings} (decoded with the dataset's character set),
 * numbers from the raw bytes in the dataset's byte order, bulk data read back from the file it refers to.
 */
public final class DatasetNormaliser {

    private static final int DIGEST_BUFFER = 64 * 1024;

    private DatasetNormaliser() {
    }

    public static List<Element> elements(Dataset ds) {
        List<Element> out = new ArrayList<>(ds.size());
        for (int i = 0; i < ds.size(); i++) {
            out.add(new Element(ds.tagAt(i), ds.vrAt(i).name(), value(ds, i)));
        }
        return out;
    }

    private static Value value(Dataset ds, int i) {
        VR vr = ds.vrAt(i);
        return switch (ds.valueAt(i)) {
            case Sequence sq -> items(sq);
            case Fragments f -> fragments(f);
            case BulkData bd -> new Value.Bytes(digest(bd));
            case byte[] b when !vr.isCharacterString() -> binary(vr, b, ds.isBigEndian());
            default -> strings(ds, ds.tagAt(i), vr);
        };
    }

    private static Value items(Sequence sq) {
        List<List<Element>> items = new ArrayList<>(sq.size());
        for (Dataset item : sq) {
            items.add(elements(item));
        }
        return new Value.Items(items);
    }

    private static Value fragments(Fragments f) {
        List<Digest> items = new ArrayList<>(f.size());
        for (Object item : f.items()) {
            items.add(item instanceof BulkData bd ? digest(bd) : digest((byte[]) item));
        }
        return new Value.Fragments(items);
    }

    /** Binary numbers VR by VR as pydicom converts them; OW, OL, OF and the like stay bytes, as in pydicom. */
    private static Value binary(VR vr, byte[] b, boolean bigEndian) {
        int count = BinaryValues.count(vr, b.length);
        List<String> values = new ArrayList<>(count);
        ScalarKind kind;
        switch (vr) {
            case US, SS, UL, SL, SV -> {
                kind = ScalarKind.INTEGER;
                for (int k = 0; k < count; k++) {
                    values.add(Long.toString(BinaryValues.integerAt(vr, b, k, bigEndian)));
                }
            }
            case UV -> {
                kind = ScalarKind.INTEGER;
                for (int k = 0; k < count; k++) {
                    values.add(Long.toUnsignedString(BinaryValues.integerAt(vr, b, k, bigEndian)));
                }
            }
            case FL, FD -> {
                kind = ScalarKind.FLOAT;
                for (int k = 0; k < count; k++) {
                    values.add(Double.toString(BinaryValues.floatAt(vr, b, k, bigEndian)));
                }
            }
            case AT -> {
                kind = ScalarKind.TAG;
                for (int k = 0; k < count; k++) {
                    values.add(Tags.toString(BinaryValues.tagAt(b, k, bigEndian)));
                }
            }
            default -> {
                return new Value.Bytes(digest(b));
            }
        }
        return new Value.Scalars(kind, values);
    }

    /** Character strings as {@link Dataset#getStrings} gives them; IS in canonical integer form where it parses. */
    private static Value strings(Dataset ds, int tag, VR vr) {
        List<String> values = List.of(ds.getStrings(tag));
        return switch (vr.kind()) {
            case DECIMAL_STRING -> new Value.Scalars(ScalarKind.DECIMAL, values);
            case INTEGER_STRING -> new Value.Scalars(ScalarKind.INTEGER,
                    values.stream().map(DatasetNormaliser::integerText).toList());
            default -> new Value.Scalars(ScalarKind.TEXT, values);
        };
    }

    /** An IS value as our parser reads it, or as written when it does not parse (so the comparison shows it). */
    private static String integerText(String value) {
        if (value.isEmpty()) {
            return value;
        }
        try {
            return Long.toString(StringValues.parseIntegerString(value));
        } catch (NumberFormatException notAnInteger) {
            return value;
        }
    }

    static Digest digest(byte[] b) {
        MessageDigest sha = sha256();
        sha.update(b);
        return new Digest(b.length, HexFormat.of().formatHex(sha.digest()));
    }

    private static Digest digest(BulkData bd) {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[DIGEST_BUFFER];
        long total = 0;
        try (InputStream in = bd.openStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bulk data " + bd, e);
        }
        return new Digest(total, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
