package org.hrnode.dicom.fuzz;

import java.util.Arrays;

/** Copy-on-edit operations on byte arrays; every mutation builds its result from these. */
final class ByteEdits {

    private ByteEdits() {
    }

    static byte[] insert(byte[] input, int at, byte[] inserted) {
        byte[] out = new byte[input.length + inserted.length];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(input, at, out, at + inserted.length, input.length - at);
        return out;
    }

    static byte[] delete(byte[] input, int at, int count) {
        int n = Math.min(count, input.length - at);
        byte[] out = new byte[input.length - n];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(input, at + n, out, at, input.length - at - n);
        return out;
    }

    /** Writes {@code patch} over {@code input} from {@code at}, growing the array if the patch runs past its end. */
    static byte[] overwrite(byte[] input, int at, byte[] patch) {
        byte[] out = Arrays.copyOf(input, Math.max(input.length, at + patch.length));
        System.arraycopy(patch, 0, out, at, patch.length);
        return out;
    }

    static byte[] u16(int value, boolean bigEndian) {
        return bigEndian ? new byte[] {(byte) (value >>> 8), (byte) value}
                : new byte[] {(byte) value, (byte) (value >>> 8)};
    }

    static byte[] u32(int value, boolean bigEndian) {
        return bigEndian
                ? new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}
                : new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }
}
