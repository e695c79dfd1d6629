package org.hrnode.dicom.charset;

import java.nio.charset.CharsetEncoder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes values into the single-byte and ISO 2022 character sets, choosing escape sequences the way the examples
 * of PS3.5 Annexes H, I and K do (and dcm4che and pydicom with them):
 * <ul>
 *   <li>a value the initial elements can hold is written without any escape sequence;</li>
 *   <li>otherwise the value is cut at its delimiters, and each piece (a PN component, a line of text) is written
 *       with the first declared element that can hold all of it, its escape sequence placed just before the first
 *       character that needs it (so "1.第一行" keeps "1." before the escape, as in Annex K);</li>
 *   <li>a piece no single element can hold is written character by character, each with the element in force if
 *       it can, else the first declared one that can; characters none can hold become '?';</li>
 *   <li>G1 characters are written only while G0 holds a single-byte set, as in every example of Annex H:
 *       decoders that read a JIS X 0208 run as a whole (pydicom, Python's iso2022_jp) do not expect GR bytes
 *       inside it;</li>
 *   <li>the initial elements are designated again before every delimiter and at the end of the value
 *       (PS3.5 §6.1.2.5.3); a G1 that was initially empty is left to the implicit reset, as Annex I shows.</li>
 * </ul>
 * Hand-written because the JDK's ISO-2022 encoders know neither DICOM's set of elements nor its delimiters.
 * Immutable; each call keeps its own state.
 */
final class Iso2022Encoder {

    /** Written for a character no declared element can hold, as the JDK's encoders do. */
    private static final byte REPLACEMENT = '?';
    /** Longest encoding of one character by any element (EUC-JP JIS X 0212 takes 3 bytes before trimming). */
    private static final int MAX_CHAR_BYTES = 4;

    private final CodeElement initialG0;
    private final CodeElement initialG1;
    private final List<CodeElement> designatable;

    /**
     * @param designatable the elements escape sequences may designate, in the order of the defined terms; empty
     *                     where code extensions are not allowed
     */
    Iso2022Encoder(CodeElement initialG0, CodeElement initialG1, List<CodeElement> designatable) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.designatable = List.copyOf(designatable);
    }

    byte[] encode(String value, ValueDelimiters delimiters) {
        Session session = new Session(value.length());
        session.encode(value, delimiters);
        return session.out.toByteArray();
    }

    /** Whether {@link #encode} would write every character of {@code value} without replacing it. */
    boolean canEncode(String value, ValueDelimiters delimiters) {
        Session session = new Session(value.length());
        session.encode(value, delimiters);
        return !session.replaced;
    }

    /** The state of one encode call: elements in force, output, and the JDK encoders it has needed. */
    private final class Session {
        private final ByteSink out;
        private final Map<CodeElement, CharsetEncoder> encoders = new EnumMap<>(CodeElement.class);
        private final byte[] scratch = new byte[MAX_CHAR_BYTES];
        private CodeElement g0 = initialG0;
        private CodeElement g1 = initialG1;
        private boolean replaced;

        Session(int length) {
            out = new ByteSink(length * 2);
        }

        void encode(String value, ValueDelimiters delimiters) {
            int i = 0;
            int n = value.length();
            while (i < n) {
                char c = value.charAt(i);
                if (delimiters.resetsAt(c)) {
                    restoreInitial();
                    out.write(c);
                    i++;
                    continue;
                }
                int end = i;
                while (end < n && !delimiters.resetsAt(value.charAt(end))) {
                    end++;
                }
                encodePiece(value, i, end);
                i = end;
            }
            restoreInitial();
        }

        private void encodePiece(String value, int from, int to) {
            CodeElement preferred = null;
            if (!fits(value, from, to, g0, g1)) {
                for (CodeElement e : designatable) {
                    boolean isG0 = e.register() == CodeElement.Register.G0;
                    if (fits(value, from, to, isG0 ? e : g0, isG0 ? g1 : e)) {
                        preferred = e;
                        break;
                    }
                }
            }
            for (int i = from; i < to; ) {
                int cp = value.codePointAt(i);
                i += Character.charCount(cp);
                if (emit(cp, g0) || (g1 != null && designateAndEmit(g1, cp))
                        || (preferred != null && designateAndEmit(preferred, cp))
                        || designateFirstThatHolds(cp)) {
                    continue;
                }
                replaced = true;
                if (!g0.isSingleByte()) {
                    designate(initialG0);
                }
                out.write(REPLACEMENT);
            }
        }

        private boolean designateFirstThatHolds(int cp) {
            for (CodeElement e : designatable) {
                if (e != g0 && e != g1 && designateAndEmit(e, cp)) {
                    return true;
                }
            }
            return false;
        }

        private boolean fits(String value, int from, int to, CodeElement t0, CodeElement t1) {
            for (int i = from; i < to; ) {
                int cp = value.codePointAt(i);
                i += Character.charCount(cp);
                if (encodeInto(cp, t0) == 0 && encodeInto(cp, t1) == 0) {
                    return false;
                }
            }
            return true;
        }

        private boolean emit(int cp, CodeElement element) {
            int n = encodeInto(cp, element);
            out.write(scratch, 0, n);
            return n > 0;
        }

        private boolean designateAndEmit(CodeElement element, int cp) {
            int n = encodeInto(cp, element);
            if (n == 0) {
                return false;
            }
            if (element.register() == CodeElement.Register.G1 && !g0.isSingleByte()) {
                designate(initialG0);
            }
            designate(element);
            out.write(scratch, 0, n);
            return true;
        }

        private void designate(CodeElement element) {
            if (element.register() == CodeElement.Register.G0) {
                if (g0 != element) {
                    element.writeEscape(out);
                    g0 = element;
                }
            } else if (g1 != element) {
                element.writeEscape(out);
                g1 = element;
            }
        }

        private void restoreInitial() {
            if (g0 != initialG0) {
                initialG0.writeEscape(out);
                g0 = initialG0;
            }
            if (g1 != initialG1) {
                if (initialG1 != null) {
                    initialG1.writeEscape(out);
                }
                g1 = initialG1;
            }
        }

        private int encodeInto(int cp, CodeElement element) {
            if (element == null) {
                return 0;
            }
            CharsetEncoder encoder = encoders.computeIfAbsent(element, e -> e.charset().newEncoder());
            return element.encode(cp, encoder, scratch);
        }
    }
}
