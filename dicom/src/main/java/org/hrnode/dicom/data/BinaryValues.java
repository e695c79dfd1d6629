package org.hrnode.dicom.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decoding and encoding of binary values (US, SS, UL, SL, UV, SV, FL, FD, OW, OL, OV, OF, OD, AT) in either byte
 * order. VarHandles read straight from the array without a ByteBuffer per call, which keeps the lazy accessors of
 * {@link Dataset} allocation-free.
 */
public final class BinaryValues {

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BinaryValues() {
    }

    /** Number of whole values of {@code vr} in {@code length} bytes; a trailing partial value is ignored. */
    public static int count(VR vr, int length) {
        int size = vr.bytesPerValue();
        return size == 0 ? 0 : length / size;
    }

    public static int u16(byte[] b, int off, boolean bigEndian) {
        return (short) (bigEndian ? SHORT_BE.get(b, off) : SHORT_LE.get(b, off)) & 0xFFFF;
    }

    public static int s16(byte[] b, int off, boolean bigEndian) {
        return (short) (bigEndian ? SHORT_BE.get(b, off) : SHORT_LE.get(b, off));
    }

    public static int s32(byte[] b, int off, boolean bigEndian) {
        return (int) (bigEndian ? INT_BE.get(b, off) : INT_LE.get(b, off));
    }

    public static long s64(byte[] b, int off, boolean bigEndian) {
        return (long) (bigEndian ? LONG_BE.get(b, off) : LONG_LE.get(b, off));
    }

    public static void putU16(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            SHORT_BE.set(b, off, (short) v);
        } else {
            SHORT_LE.set(b, off, (short) v);
        }
    }

    public static void putS32(byte[] b, int off, int v, boolean bigEndian) {
        if (bigEndian) {
            INT_BE.set(b, off, v);
        } else {
            INT_LE.set(b, off, v);
        }
    }

    public static void putS64(byte[] b, int off, long v, boolean bigEndian) {
        if (bigEndian) {
            LONG_BE.set(b, off, v);
        } else {
            LONG_LE.set(b, off, v);
        }
    }

    /**
     * Value {@code index} of a binary integer VR as a long: unsigned VRs (US, UL, OW, OL) zero-extended, signed ones
     * sign-extended. UV and OV values above 2^63 come back negative, as Java has no unsigned long.
     */
    public static long integerAt(VR vr, byte[] b, int index, boolean bigEndian) {
        int off = index * vr.bytesPerValue();
        return switch (vr.bytesPerValue()) {
            case 1 -> b[off] & 0xFF;
            case 2 -> vr.isSigned() ? s16(b, off, bigEndian) : u16(b, off, bigEndian);
            case 4 -> vr.isSigned() ? s32(b, off, bigEndian) : s32(b, off, bigEndian) & 0xFFFF_FFFFL;
            case 8 -> s64(b, off, bigEndian);
            default -> throw new IllegalArgumentException(vr + " has no binary integer values");
        };
    }

    /** Value {@code index} of FL, FD, OF or OD. */
    public static double floatAt(VR vr, byte[] b, int index, boolean bigEndian) {
        int off = index * vr.bytesPerValue();
        return vr.bytesPerValue() == Float.BYTES
                ? Float.intBitsToFloat(s32(b, off, bigEndian))
                : Double.longBitsToDouble(s64(b, off, bigEndian));
    }

    /** Value {@code index} of AT: group in the high half, element in the low. */
    public static int tagAt(byte[] b, int index, boolean bigEndian) {
        int off = index * 4;
        return (u16(b, off, bigEndian) << 16) | u16(b, off + 2, bigEndian);
    }

    /**
     * Value {@code index} of a binary numeric VR as text: integers in decimal, floating point numbers as a DS would
     * hold them, tags as eight hexadecimal digits.
     */
    public static String format(VR vr, byte[] b, int index, boolean bigEndian) {
        return switch (vr.kind()) {
            case TAG -> Tags.toHex(tagAt(b, index, bigEndian));
            case FLOAT -> DecimalStrings.format(floatAt(vr, b, index, bigEndian));
            default -> Long.toString(integerAt(vr, b, index, bigEndian));
        };
    }

    /** Encodes integers as {@code vr} values. */
    public static byte[] encodeIntegers(VR vr, long[] values, boolean bigEndian) {
        int size = vr.bytesPerValue();
        byte[] b = new byte[values.length * size];
        for (int i = 0; i < values.length; i++) {
            int off = i * size;
            switch (size) {
                case 1 -> b[off] = (byte) values[i];
                case 2 -> putU16(b, off, (int) values[i], bigEndian);
                case 4 -> putS32(b, off, (int) values[i], bigEndian);
                case 8 -> putS64(b, off, values[i], bigEndian);
                default -> throw new IllegalArgumentException(vr + " cannot hold binary integers");
            }
        }
        return b;
    }

    /** Encodes floating point numbers as FL/OF (narrowed to float) or FD/OD values. */
    public static byte[] encodeFloats(VR vr, double[] values, boolean bigEndian) {
        int size = vr.bytesPerValue();
        byte[] b = new byte[values.length * size];
        for (int i = 0; i < values.length; i++) {
            if (size == Float.BYTES) {
                putS32(b, i * size, Float.floatToRawIntBits((float) values[i]), bigEndian);
            } else {
                putS64(b, i * size, Double.doubleToRawLongBits(values[i]), bigEndian);
            }
        }
        return b;
    }

    /** Encodes attribute tags as AT values. */
    public static byte[] encodeTags(int[] tags, boolean bigEndian) {
        byte[] b = new byte[tags.length * 4];
        for (int i = 0; i < tags.length; i++) {
            putU16(b, i * 4, tags[i] >>> 16, bigEndian);
            putU16(b, i * 4 + 2, tags[i] & 0xFFFF, bigEndian);
        }
        return b;
    }

    /**
     * Reverses the byte order of each {@code vr} value in place; the step from one byte order to the other. OB and
     * UN are opaque and unchanged; AT swaps its group and element halves separately.
     */
    public static void swapInPlace(VR vr, byte[] b, int length) {
        int size = vr == VR.AT ? 2 : vr.bytesPerValue();
        if (size <= 1) {
            return;
        }
        int whole = length - length % size;
        for (int off = 0; off < whole; off += size) {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                byte t = b[off + i];
                b[off + i] = b[off + j];
                b[off + j] = t;
            }
        }
    }
}
