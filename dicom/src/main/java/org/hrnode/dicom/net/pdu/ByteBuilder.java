package org.hrnode.dicom.net.pdu;

import java.util.Arrays;

/** A growable big-endian byte buffer for encoding PDUs, with back-patching of length fields. */
final class ByteBuilder {

    private static final int INITIAL_CAPACITY = 256;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    void writeU16(int v) {
        write(v >>> 8);
        write(v);
    }

    void writeU32(long v) {
        writeU16((int) (v >>> 16) & 0xFFFF);
        writeU16((int) v & 0xFFFF);
    }

    /** Writes text one byte per character (see {@link Bytes#text}). */
    void writeText(String s) {
        write(Bytes.latin1(s));
    }

    /** Writes {@code s} space-padded to {@code width} bytes (AE titles). */
    void writePadded(String s, int width) {
        byte[] b = Bytes.latin1(s);
        if (b.length > width) {
            throw new IllegalArgumentException("'" + s + "' is longer than " + width + " bytes");
        }
        write(b);
        for (int i = b.length; i < width; i++) {
            write(' ');
        }
    }

    void zeros(int n) {
        ensure(n);
        size += n;
    }

    void putU16At(int at, int v) {
        bytes[at] = (byte) (v >>> 8);
        bytes[at + 1] = (byte) v;
    }

    void putU32At(int at, long v) {
        putU16At(at, (int) (v >>> 16) & 0xFFFF);
        putU16At(at + 2, (int) v & 0xFFFF);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
