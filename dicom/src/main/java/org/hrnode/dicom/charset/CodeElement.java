package org.hrnode.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A graphic character set that an ISO 2022 escape sequence designates to G0 or G1 (PS3.3 Tables C.12-3 and
 * C.12-4), with the bytes that designate it and how its codes map to characters.
 *
 * <p>The JDK has no ISO 2022 decoder that switches between these sets the way DICOM does (its ISO-2022-JP knows
 * neither JIS X 0201 Katakana in G1 nor the reset at value delimiters), so the switching is written by hand in
 * {@link Iso2022Decoder} and {@link Iso2022Encoder}. The code tables themselves are the JDK's: a 94×94 set in G0
 * (JIS X 0208, JIS X 0212) is decoded through EUC-JP by setting the high bit of each byte, the G1 sets through the
 * matching EUC or ISO 8859 charset.
 */
enum CodeElement {
    /** ISO-IR 6, ASCII. */
    ASCII(Register.G0, Width.SINGLE, StandardCharsets.US_ASCII, escape(Escape.G0_94, 'B')),
    /**
     * ISO-IR 14, JIS X 0201 Romaji. Read as ASCII (05/12 as backslash, not yen) because 05/12 still delimits
     * values, and because pydicom does the same.
     */
    JIS_X0201_ROMAN(Register.G0, Width.SINGLE, StandardCharsets.US_ASCII, escape(Escape.G0_94, 'J')),
    /**
     * ISO-IR 13, JIS X 0201 Katakana, read through Shift_JIS like pydicom does: its single bytes are exactly
     * JIS X 0201, and Japanese senders that write Shift_JIS kanji under {@code ISO_IR 13} stay readable.
     */
    JIS_X0201_KATAKANA(Register.G1, Width.SINGLE, "Shift_JIS", escape(Escape.G1_94, 'I'),
            new CodePointFixup('\u2014', '\u2015')),
    LATIN1(Register.G1, Width.SINGLE, StandardCharsets.ISO_8859_1, escape(Escape.G1_96, 'A')),
    LATIN2(Register.G1, Width.SINGLE, "ISO-8859-2", escape(Escape.G1_96, 'B')),
    LATIN3(Register.G1, Width.SINGLE, "ISO-8859-3", escape(Escape.G1_96, 'C')),
    LATIN4(Register.G1, Width.SINGLE, "ISO-8859-4", escape(Escape.G1_96, 'D')),
    CYRILLIC(Register.G1, Width.SINGLE, "ISO-8859-5", escape(Escape.G1_96, 'L')),
    ARABIC(Register.G1, Width.SINGLE, "ISO-8859-6", escape(Escape.G1_96, 'G')),
    GREEK(Register.G1, Width.SINGLE, "ISO-8859-7", escape(Escape.G1_96, 'F')),
    HEBREW(Register.G1, Width.SINGLE, "ISO-8859-8", escape(Escape.G1_96, 'H')),
    LATIN5(Register.G1, Width.SINGLE, "ISO-8859-9", escape(Escape.G1_96, 'M')),
    LATIN9(Register.G1, Width.SINGLE, "ISO-8859-15", escape(Escape.G1_96, 'b')),
    THAI(Register.G1, Width.SINGLE, "TIS-620", escape(Escape.G1_96, 'T')),
    /** ISO-IR 87, JIS X 0208 kanji in G0; 0x213D is U+2015 as in Python, not the JDK's U+2014. */
    JIS_X0208(Register.G0, Width.DOUBLE, "EUC-JP", escape(Escape.MULTI_BYTE, 'B'),
            new CodePointFixup('\u2014', '\u2015')),
    /** ISO-IR 159, JIS X 0212 supplementary kanji in G0, EUC-JP code set 3; 0x2237 is '~' as in Python. */
    JIS_X0212(Register.G0, Width.DOUBLE, "EUC-JP", escape(Escape.MULTI_BYTE, Escape.G0_94, 'D'),
            new CodePointFixup('\uFF5E', '~')),
    /** ISO-IR 149, KS X 1001 Hangul and Hanja in G1, read as EUC-KR. */
    KS_X1001(Register.G1, Width.DOUBLE, "EUC-KR", escape(Escape.MULTI_BYTE, Escape.G1_94, 'C')),
    /** ISO-IR 58, GB 2312 in G1, read as EUC-CN. */
    GB2312(Register.G1, Width.DOUBLE, "GB2312", escape(Escape.MULTI_BYTE, Escape.G1_94, 'A'));

    /** Which of the two graphic sets an escape sequence replaces. */
    enum Register { G0, G1 }

    /** Bytes per character. */
    enum Width { SINGLE, DOUBLE }

    /** The bytes of ISO 2022 escape sequences (ISO/IEC 2022 §13, PS3.5 §6.1.2.5). */
    static final class Escape {
        static final byte ESC = 0x1B;
        /** Designates a 94-character set to G0. */
        static final byte G0_94 = '(';
        /** Designates a 94-character set to G1. */
        static final byte G1_94 = ')';
        /** Designates a 96-character set to G1. */
        static final byte G1_96 = '-';
        /** Marks a multi-byte set; alone before the final byte it means G0 ({@code ESC $ B}). */
        static final byte MULTI_BYTE = '$';

        private Escape() {
        }
    }

    /** The high bit that moves a GL byte to GR, as EUC encodings store JIS and KS/GB codes. */
    private static final int HIGH_BIT = 0x80;
    /** EUC-JP's single shift 3, which introduces a JIS X 0212 character. */
    private static final byte EUC_JP_SS3 = (byte) 0x8F;
    /** The C1 control area, 0x80-0x9F. */
    private static final int C1_FIRST = 0x80;
    private static final int C1_LAST = 0x9F;
    /** Smallest byte of a 94-character set in GR (0xA1); 0xA0 and 0xFF are not part of it. */
    private static final int GR_94_FIRST = 0xA1;
    private static final int GR_94_LAST = 0xFE;
    /** Room for the JDK's encoding of one code point by any of these charsets. */
    private static final int MAX_JDK_BYTES = 8;

    private final Register register;
    private final Width width;
    private final Charset charset;
    private final byte[] escapeSequence;
    private final CodePointFixup fixup;

    CodeElement(Register register, Width width, String charset, byte[] escapeSequence) {
        this(register, width, Charset.forName(charset), escapeSequence, null);
    }

    CodeElement(Register register, Width width, Charset charset, byte[] escapeSequence) {
        this(register, width, charset, escapeSequence, null);
    }

    CodeElement(Register register, Width width, String charset, byte[] escapeSequence, CodePointFixup fixup) {
        this(register, width, Charset.forName(charset), escapeSequence, fixup);
    }

    CodeElement(Register register, Width width, Charset charset, byte[] escapeSequence, CodePointFixup fixup) {
        this.register = register;
        this.width = width;
        this.charset = charset;
        this.escapeSequence = escapeSequence;
        this.fixup = fixup;
    }

    private static byte[] escape(byte intermediate, char finalByte) {
        return new byte[] {Escape.ESC, intermediate, (byte) finalByte};
    }

    private static byte[] escape(byte first, byte second, char finalByte) {
        return new byte[] {Escape.ESC, first, second, (byte) finalByte};
    }

    Register register() {
        return register;
    }

    /** Whether each character takes one byte, so ASCII delimiters can be recognized byte by byte. */
    boolean isSingleByte() {
        return width == Width.SINGLE;
    }

    Charset charset() {
        return charset;
    }

    int escapeLength() {
        return escapeSequence.length;
    }

    void writeEscape(ByteSink out) {
        out.write(escapeSequence);
    }

    /** The element whose escape sequence starts at {@code b[at]}, or null if the bytes there designate none. */
    static CodeElement designatedAt(byte[] b, int at, int end) {
        for (CodeElement element : values()) {
            byte[] esc = element.escapeSequence;
            if (end - at >= esc.length && Arrays.equals(b, at, at + esc.length, esc, 0, esc.length)) {
                return element;
            }
        }
        return null;
    }

    /** Decodes bytes held by a G1 element (or a whole single-byte run, whose GL half every such charset reads as ASCII). */
    String decode(byte[] b, int from, int to) {
        String decoded = new String(b, from, to - from, charset);
        if (this == THAI) {
            decoded = keepC1Controls(decoded, b, from);
        }
        return fixup == null ? decoded : fixup.fromJdk(decoded);
    }

    /**
     * The JDK's TIS-620 maps nothing to 0x80-0x9F, where ISO 8859 and Python's TIS-620 have the C1 controls; read
     * them as C1 too. TIS-620 gives one character per byte, so positions line up.
     */
    private static String keepC1Controls(String decoded, byte[] b, int from) {
        if (decoded.indexOf(SpecificCharacterSet.REPLACEMENT) < 0) {
            return decoded;
        }
        char[] chars = decoded.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            int v = b[from + i] & 0xFF;
            if (v >= C1_FIRST && v <= C1_LAST) {
                chars[i] = (char) v;
            }
        }
        return new String(chars);
    }

    /**
     * Decodes GL bytes 0x21-0x7E of a 94×94 set in G0, two per character, by moving them to GR for EUC-JP. An odd
     * byte left over at the end becomes U+FFFD.
     */
    void decodeGlPairs(byte[] b, int from, int to, StringBuilder out) {
        boolean supplementary = this == JIS_X0212;
        int pairs = (to - from) / 2;
        byte[] euc = new byte[pairs * (supplementary ? 3 : 2)];
        int e = 0;
        for (int i = 0; i < pairs; i++) {
            if (supplementary) {
                euc[e++] = EUC_JP_SS3;
            }
            euc[e++] = (byte) (b[from + 2 * i] | HIGH_BIT);
            euc[e++] = (byte) (b[from + 2 * i + 1] | HIGH_BIT);
        }
        String decoded = new String(euc, charset);
        out.append(fixup == null ? decoded : fixup.fromJdk(decoded));
        if ((to - from) % 2 != 0) {
            out.append(SpecificCharacterSet.REPLACEMENT);
        }
    }

    /**
     * Encodes one code point as this element's bytes (without escape sequence) into {@code out}; returns the
     * number of bytes, or 0 if the element cannot represent it.
     *
     * @param encoder an encoder of {@link #charset()} owned by the caller (encoders are not thread-safe)
     */
    int encode(int codePoint, CharsetEncoder encoder, byte[] out) {
        if (charset == StandardCharsets.US_ASCII) {
            if (codePoint >= HIGH_BIT) {
                return 0;
            }
            out[0] = (byte) codePoint;
            return 1;
        }
        int jdkCodePoint = fixup == null ? codePoint : fixup.toJdk(codePoint);
        if (jdkCodePoint < HIGH_BIT) {
            return 0;
        }
        byte[] bytes = jdkEncode(jdkCodePoint, encoder);
        if (bytes == null) {
            return 0;
        }
        return switch (this) {
            case JIS_X0208 -> bytes.length == 2 && isGr94(bytes[0]) && isGr94(bytes[1])
                    ? toGl(bytes, 0, out) : 0;
            case JIS_X0212 -> bytes.length == 3 && bytes[0] == EUC_JP_SS3 && isGr94(bytes[1]) && isGr94(bytes[2])
                    ? toGl(bytes, 1, out) : 0;
            default -> {
                int expected = width == Width.SINGLE ? 1 : 2;
                if (bytes.length != expected || (bytes[0] & HIGH_BIT) == 0
                        || (width == Width.DOUBLE && !(isGr94(bytes[0]) && isGr94(bytes[1])))) {
                    yield 0;
                }
                System.arraycopy(bytes, 0, out, 0, expected);
                yield expected;
            }
        };
    }

    private static boolean isGr94(byte b) {
        int v = b & 0xFF;
        return v >= GR_94_FIRST && v <= GR_94_LAST;
    }

    private static int toGl(byte[] euc, int from, byte[] out) {
        out[0] = (byte) (euc[from] & ~HIGH_BIT);
        out[1] = (byte) (euc[from + 1] & ~HIGH_BIT);
        return 2;
    }

    private static byte[] jdkEncode(int codePoint, CharsetEncoder encoder) {
        encoder.reset();
        ByteBuffer bytes = ByteBuffer.allocate(MAX_JDK_BYTES);
        CoderResult result = encoder.encode(CharBuffer.wrap(Character.toChars(codePoint)), bytes, true);
        if (result.isError() || result.isOverflow() || encoder.flush(bytes).isError()) {
            return null;
        }
        byte[] encoded = new byte[bytes.position()];
        bytes.flip().get(encoded);
        return encoded;
    }
}
