package org.hrnode.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes values of the single-byte and ISO 2022 character sets: tracks which code element is in G0 and G1 as
 * escape sequences designate them (PS3.5 §6.1.2.5, Annexes H, I and K) and returns to the initial elements at each
 * value delimiter. Each stretch of bytes between state changes (a run) is decoded with the JDK charset of the
 * elements in force.
 *
 * <p>Hand-written because no JDK charset switches among these sets or knows DICOM's delimiter reset. Immutable;
 * one instance serves every thread.
 *
 * <p>The delimiter reset only matters when the state differs from the initial one, so runs in the initial state
 * are never cut at delimiters. That keeps undeclared GBK intact: its second bytes include 0x5C, the backslash.
 */
final class Iso2022Decoder {

    private static final int GR_FIRST = 0x80;
    /** First and last byte of a two-byte GL code (0x21-0x7E); space, DEL and controls stand alone. */
    private static final int GL_94_FIRST = 0x21;
    private static final int GL_94_LAST = 0x7E;

    private final CodeElement initialG0;
    private final CodeElement initialG1;
    private final boolean escapesAllowed;
    private final Charset undeclared;
    private final Charset latin1Override;

    /**
     * @param initialG0      the element in G0 at the start of each value and after each delimiter; single-byte
     * @param initialG1      the element in G1 then, or null if none
     * @param escapesAllowed whether escape sequences are interpreted (false for UTF-8, GB18030, GBK)
     * @param undeclared     charset for GR bytes while nothing is in G1, or null for U+FFFD
     * @param latin1Override charset tried first for runs read as Latin-1, or null
     */
    Iso2022Decoder(CodeElement initialG0, CodeElement initialG1, boolean escapesAllowed,
                   Charset undeclared, Charset latin1Override) {
        if (!initialG0.isSingleByte()) {
            throw new IllegalArgumentException("initial G0 must be single-byte: " + initialG0);
        }
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.escapesAllowed = escapesAllowed;
        this.undeclared = undeclared;
        this.latin1Override = latin1Override;
    }

    String decode(byte[] b, int off, int len, ValueDelimiters delimiters, FallbackFlag fallback) {
        StringBuilder out = new StringBuilder(len);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        int end = off + len;
        int runStart = off;
        int i = off;
        while (i < end) {
            int v = b[i] & 0xFF;
            if (v == CodeElement.Escape.ESC && escapesAllowed) {
                CodeElement designated = CodeElement.designatedAt(b, i, end);
                if (designated != null) {
                    decodeRun(b, runStart, i, g0, g1, out, fallback);
                    if (designated.register() == CodeElement.Register.G0) {
                        g0 = designated;
                    } else {
                        g1 = designated;
                    }
                    i += designated.escapeLength();
                    runStart = i;
                    continue;
                }
            } else if ((g0 != initialG0 || g1 != initialG1) && delimiters.resetsAt(v)
                    && (g0.isSingleByte() || ValueDelimiters.isControl(v))) {
                decodeRun(b, runStart, i, g0, g1, out, fallback);
                g0 = initialG0;
                g1 = initialG1;
                runStart = i;
            }
            i++;
        }
        decodeRun(b, runStart, end, g0, g1, out, fallback);
        return out.toString();
    }

    private void decodeRun(byte[] b, int from, int to, CodeElement g0, CodeElement g1, StringBuilder out,
                           FallbackFlag fallback) {
        if (from == to) {
            return;
        }
        if (g0.isSingleByte()) {
            decodeWholeRun(b, from, to, g1, out, fallback);
            return;
        }
        int i = from;
        while (i < to) {
            int v = b[i] & 0xFF;
            int j = i + 1;
            if (v >= GR_FIRST) {
                while (j < to && (b[j] & 0xFF) >= GR_FIRST) {
                    j++;
                }
                decodeWholeRun(b, i, j, g1, out, fallback);
            } else if (v >= GL_94_FIRST && v <= GL_94_LAST) {
                while (j < to && (b[j] & 0xFF) >= GL_94_FIRST && (b[j] & 0xFF) <= GL_94_LAST) {
                    j++;
                }
                g0.decodeGlPairs(b, i, j, out);
            } else {
                out.append((char) v);
            }
            i = j;
        }
    }

    /** A run whose GL bytes are ASCII: every G1 charset here reads GL as ASCII, so one JDK decode does it all. */
    private void decodeWholeRun(byte[] b, int from, int to, CodeElement g1, StringBuilder out,
                                FallbackFlag fallback) {
        if (SpecificCharacterSet.isAscii(b, from, to - from)) {
            out.append(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        } else if (g1 == null) {
            decodeUndeclared(b, from, to, out, fallback);
        } else if (g1 == CodeElement.LATIN1 && latin1Override != null) {
            String overridden = decodeStrictly(b, from, to, latin1Override);
            if (overridden != null) {
                fallback.set();
                out.append(overridden);
            } else {
                out.append(g1.decode(b, from, to));
            }
        } else {
            out.append(g1.decode(b, from, to));
        }
    }

    private void decodeUndeclared(byte[] b, int from, int to, StringBuilder out, FallbackFlag fallback) {
        if (undeclared != null) {
            fallback.set();
            out.append(new String(b, from, to - from, undeclared));
            return;
        }
        for (int i = from; i < to; i++) {
            out.append(b[i] >= 0 ? (char) b[i] : SpecificCharacterSet.REPLACEMENT);
        }
    }

    private static String decodeStrictly(byte[] b, int from, int to, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
