package org.hrnode.dicom.net.pdu;

import java.nio.charset.StandardCharsets;

/** Big-endian reads and the text rules of PDU fields. */
final class Bytes {

    private Bytes() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }

    static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    /**
     * A UID or name field: bytes kept one-to-one (ISO 8859-1) so that odd peer bytes survive a round trip; trailing
     * NUL and space padding, which some implementations add although PS3.8 says not to, removed.
     */
    static String text(byte[] b, int off, int len) {
        int end = off + len;
        while (end > off && (b[end - 1] == 0 || b[end - 1] == ' ')) {
            end--;
        }
        return new String(b, off, end - off, StandardCharsets.ISO_8859_1);
    }

    /** An AE title field: leading and trailing spaces are not significant (PS3.8 §9.3.2). */
    static String aeTitle(byte[] b, int off, int len) {
        return text(b, off, len).strip();
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
