package org.hrnode.dicom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;

/**
 * Finds the first difference between two datasets as a readable path ("(0008,1140)[0]/(0008,1150): values
 * differ"), comparing what a reader of the file would see: bulk data by content, binary values across byte orders,
 * an odd-length value equal to its padded form, group lengths ignored (writers drop them).
 */
public final class DatasetDiff {

    private DatasetDiff() {
    }

    /** Null when equal, else where and how they differ. */
    public static String firstDifference(Dataset a, Dataset b) {
        return diff(a, b, "");
    }

    private static String diff(Dataset a, Dataset b, String path) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < a.size() && Tags.isGroupLength(a.tagAt(i))) {
                i++;
            }
            while (j < b.size() && Tags.isGroupLength(b.tagAt(j))) {
                j++;
            }
            if (i == a.size() || j == b.size()) {
                if (i == a.size() && j == b.size()) {
                    return null;
                }
                int tag = i < a.size() ? a.tagAt(i) : b.tagAt(j);
                return path + Tags.toString(tag) + ": only in " + (i < a.size() ? "first" : "second");
            }
            int ta = a.tagAt(i);
            int tb = b.tagAt(j);
            if (ta != tb) {
                int missing = Integer.compareUnsigned(ta, tb) < 0 ? ta : tb;
                return path + Tags.toString(missing) + ": only in " + (missing == ta ? "first" : "second");
            }
            String here = path + Tags.toString(ta);
            if (a.vrAt(i) != b.vrAt(j)) {
                return here + ": VR " + a.vrAt(i) + " vs " + b.vrAt(j);
            }
            String d = valueDiff(a, i, b, j, here);
            if (d != null) {
                return d;
            }
            i++;
            j++;
        }
    }

    private static String valueDiff(Dataset a, int i, Dataset b, int j, String here) {
        Object va = a.valueAt(i);
        Object vb = b.valueAt(j);
        VR vr = a.vrAt(i);
        if (va instanceof Sequence sa && vb instanceof Sequence sb) {
            if (sa.size() != sb.size()) {
                return here + ": " + sa.size() + " vs " + sb.size() + " items";
            }
            for (int k = 0; k < sa.size(); k++) {
                String d = diff(sa.get(k), sb.get(k), here + "[" + k + "]/");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (va instanceof Fragments fa && vb instanceof Fragments fb) {
            if (fa.size() != fb.size()) {
                return here + ": " + fa.size() + " vs " + fb.size() + " fragments";
            }
            for (int k = 0; k < fa.size(); k++) {
                if (!paddedEqual(bytes(fa.items().get(k)), bytes(fb.items().get(k)), (byte) 0)) {
                    return here + ": fragment " + k + " differs";
                }
            }
            return null;
        }
        if (vr.isCharacterString()) {
            String[] x = a.getStrings(a.tagAt(i));
            String[] y = b.getStrings(b.tagAt(j));
            return Arrays.equals(x, y) ? null
                    : here + ": " + Arrays.toString(x) + " vs " + Arrays.toString(y);
        }
        if (va instanceof Sequence || vb instanceof Sequence || va instanceof Fragments || vb instanceof Fragments) {
            return here + ": " + va.getClass().getSimpleName() + " vs " + vb.getClass().getSimpleName();
        }
        byte[] x = littleEndian(bytes(va), vr, a.isBigEndian());
        byte[] y = littleEndian(bytes(vb), vr, b.isBigEndian());
        return paddedEqual(x, y, vr.paddingByte()) ? null
                : here + ": binary values differ (" + x.length + " vs " + y.length + " bytes)";
    }

    private static byte[] bytes(Object value) {
        try {
            return switch (value) {
                case byte[] b -> b;
                case BulkData bd -> bd.readAll();
                default -> throw new IllegalArgumentException("not a binary value: " + value);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] littleEndian(byte[] b, VR vr, boolean bigEndian) {
        if (!bigEndian) {
            return b;
        }
        byte[] c = b.clone();
        BinaryValues.swapInPlace(vr, c, c.length);
        return c;
    }

    private static boolean paddedEqual(byte[] x, byte[] y, byte pad) {
        if (x.length == y.length) {
            return Arrays.equals(x, y);
        }
        byte[] shorter = x.length < y.length ? x : y;
        byte[] longer = x.length < y.length ? y : x;
        return longer.length == shorter.length + 1 && (shorter.length & 1) == 1
                && longer[shorter.length] == pad && Arrays.equals(shorter, 0, shorter.length, longer, 0,
                        shorter.length);
    }
}
