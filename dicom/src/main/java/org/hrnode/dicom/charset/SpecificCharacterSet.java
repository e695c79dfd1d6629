package org.hrnode.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hrnode.dicom.data.VR;

/**
 * The character set of a dataset, from the values of Specific Character Set (0008,0005), that turns the bytes of
 * SH, LO, UC, ST, LT, UT and PN values into strings and back (PS3.5 §6.1, PS3.3 §C.12.1.1.2).
 *
 * <p>Covers the single-byte sets without code extensions ({@code ISO_IR 6, 100, 101, 109, 110, 144, 127, 126,
 * 138, 148, 203, 13, 166}), the multi-byte sets without code extensions ({@code ISO_IR 192}, {@code GB18030},
 * {@code GBK}) and all "ISO 2022 …" terms with escape-sequence switching, including {@code ISO 2022 IR 87, 159,
 * 149, 58}. Bytes that are not valid in the declared set decode to U+FFFD; nothing here throws on bad data.
 *
 * <p>Non-ASCII bytes that no declared set covers, and values labelled Latin-1 by senders that write GBK, are read
 * as the {@link CharsetPolicy} says; {@link #fallbackUsed()} then turns true. How this differs from pydicom is
 * listed in the package documentation.
 *
 * <p>Immutable apart from that set-once flag and safe to share between threads. Make one per dataset (it is
 * cheap) so the flag tells about that dataset: {@link #DEFAULT} is shared by everything that uses it, and so is
 * its flag.
 */
public final class SpecificCharacterSet {

    /** ISO_IR 6 (no (0008,0005)) under {@link CharsetPolicy#DEFAULT}. Its fallback flag is process-wide. */
    public static final SpecificCharacterSet DEFAULT = of(CharsetPolicy.DEFAULT);

    private static final char ASCII_LAST = 0x7F;

    /** What undecodable bytes become. */
    static final char REPLACEMENT = '\uFFFD';

    private final String[] definedTerms;
    private final CharsetPolicy policy;
    private final List<String> unknownTerms;
    private final List<String> notes;
    private final DefinedTerm first;
    private final boolean codeExtensions;
    /** Whether value 1 is UTF-8, GB18030 or GBK, which take no escape sequences. */
    private final boolean standalone;
    private final Iso2022Decoder decoder;
    private final Iso2022Encoder encoder;
    private final Charset policyCharsetInUse;
    private final FallbackFlag fallback = new FallbackFlag();

    private SpecificCharacterSet(CharsetPolicy policy, String[] definedTerms) {
        this.policy = policy;
        this.definedTerms = definedTerms;
        List<String> unknown = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<DefinedTerm> terms = resolveAll(definedTerms, unknown, notes);
        this.unknownTerms = List.copyOf(unknown);
        this.notes = List.copyOf(notes);
        this.first = terms.getFirst();
        this.standalone = first.standaloneCharset() != null;
        this.codeExtensions = terms.size() > 1 || first.isCodeExtension();

        CodeElement initialG0 = first.g0() != null && first.g0().isSingleByte() ? first.g0() : CodeElement.ASCII;
        CodeElement initialG1 = first.g1();
        Charset latin1Override = initialG1 == CodeElement.LATIN1 ? policy.latin1Override().orElse(null) : null;
        Charset undeclared = policy.undeclaredCharset().orElse(null);
        this.policyCharsetInUse = latin1Override != null ? latin1Override : undeclared;
        this.decoder = new Iso2022Decoder(initialG0, initialG1, !standalone, undeclared, latin1Override);
        this.encoder = new Iso2022Encoder(initialG0, initialG1,
                codeExtensions ? designatable(initialG0, initialG1, terms) : List.of());
    }

    /**
     * The character set that the values of (0008,0005) name, read under {@code policy}.
     *
     * @param definedTerms the values as read, in order; empty strings (an empty value 1 means ISO_IR 6), null and
     *                     surrounding spaces are allowed. Unknown terms are listed by {@link #unknownTerms()}: an
     *                     unknown value 1 reads as ISO_IR 6 with the policy's fallback, later ones are ignored.
     */
    public static SpecificCharacterSet of(CharsetPolicy policy, String... definedTerms) {
        Objects.requireNonNull(policy, "policy");
        String[] terms = definedTerms == null ? new String[0] : new String[definedTerms.length];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = definedTerms[i] == null ? "" : definedTerms[i].strip();
        }
        return new SpecificCharacterSet(policy, terms);
    }

    /**
     * Decodes a whole element value: all its values, with the backslashes between them and any padding kept.
     * Never throws on bad bytes; they become U+FFFD or are read as the policy says.
     *
     * @param vr decides where the ISO 2022 state returns to the initial set (PS3.5 §6.1.2.5.3)
     */
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Objects.requireNonNull(vr, "vr");
        if (isAsciiWithoutEscape(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (standalone) {
            return first.decodeStandalone(bytes, offset, length);
        }
        return decoder.decode(bytes, offset, length, ValueDelimiters.of(vr), fallback);
    }

    /**
     * Encodes a whole element value (values joined by backslashes) in the declared character set, with the escape
     * sequences of PS3.5 Annexes H, I and K where code extensions are declared. Characters the declared sets cannot
     * hold become '?' (see {@link #canEncode}). The policy plays no part: what is written conforms to the declared
     * set. No padding is added.
     */
    public byte[] encode(String value, VR vr) {
        Objects.requireNonNull(vr, "vr");
        if (isAscii(value)) {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (standalone) {
            return first.encodeStandalone(value);
        }
        return encoder.encode(value, ValueDelimiters.of(vr));
    }

    /** Whether {@link #encode} can write every character of {@code value}, so that no '?' is substituted. */
    public boolean canEncode(String value) {
        if (isAscii(value)) {
            return true;
        }
        if (standalone) {
            return first.canEncodeStandalone(value);
        }
        return encoder.canEncode(value, ValueDelimiters.MULTI_VALUED);
    }

    /** Whether {@code len} bytes from {@code off} are all 7-bit, i.e. the same in every supported set. */
    public static boolean isAscii(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The values of (0008,0005) this was made from, trimmed; empty if there were none. */
    public String[] definedTerms() {
        return definedTerms.clone();
    }

    /** The values of (0008,0005) that name no known character set. */
    public List<String> unknownTerms() {
        return unknownTerms;
    }

    /** Whether code extensions are declared: an "ISO 2022 …" term, or more than one value. */
    public boolean containsCodeExtensions() {
        return codeExtensions;
    }

    /**
     * The JDK charset of value 1 (US-ASCII for ISO_IR 6, unknown terms or none; EUC-JP, EUC-KR, GB2312 for the
     * ISO 2022 multi-byte sets). It decodes values without escape sequences; the policy is not reflected.
     */
    public Charset primaryCharset() {
        return first.charset();
    }

    public CharsetPolicy policy() {
        return policy;
    }

    /** Whether some decode read bytes as the policy says rather than as declared. Once true, stays true. */
    public boolean fallbackUsed() {
        return fallback.isSet();
    }

    /**
     * One line for dumps and logs, e.g. {@code ISO_IR 100 (decoded as GBK by policy)} or
     * {@code \ISO 2022 IR 87}.
     */
    public String describe() {
        String terms = String.join("\\", definedTerms);
        StringBuilder s = new StringBuilder(definedTerms.length == 0 ? "no (0008,0005), ISO_IR 6"
                : terms.isEmpty() ? "empty (0008,0005), ISO_IR 6" : terms);
        for (String note : notes) {
            s.append(" (").append(note).append(')');
        }
        if (fallbackUsed() && policyCharsetInUse != null) {
            s.append(first == DefinedTerm.ISO_IR_6 || first == DefinedTerm.ISO_2022_IR_6
                    ? " (undeclared non-ASCII decoded as " : " (decoded as ")
                    .append(policyCharsetInUse.name()).append(" by policy)");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static List<DefinedTerm> resolveAll(String[] written, List<String> unknown, List<String> notes) {
        List<DefinedTerm> terms = new ArrayList<>();
        for (int i = 0; i < written.length; i++) {
            DefinedTerm.Resolution r = DefinedTerm.resolve(written[i]);
            if (!r.known()) {
                unknown.add(written[i]);
                notes.add(i == 0 ? "unknown term '" + written[i] + "' read as ISO_IR 6"
                        : "unknown term '" + written[i] + "' ignored");
                if (i == 0) {
                    terms.add(DefinedTerm.ISO_IR_6);
                }
                continue;
            }
            if (r.corrected()) {
                notes.add("'" + r.written() + "' read as " + r.term().term());
            }
            if (i > 0 && terms.getFirst().standaloneCharset() != null) {
                notes.add(terms.getFirst().term() + " allows no code extensions, '" + r.written() + "' ignored");
            } else if (i > 0 && r.term().standaloneCharset() != null) {
                notes.add("'" + r.written() + "' cannot be a code extension, ignored");
            } else {
                terms.add(r.term());
            }
        }
        if (terms.isEmpty()) {
            terms.add(DefinedTerm.ISO_IR_6);
        }
        return terms;
    }

    private static List<CodeElement> designatable(CodeElement g0, CodeElement g1, List<DefinedTerm> terms) {
        Set<CodeElement> elements = new LinkedHashSet<>();
        elements.add(g0);
        if (g1 != null) {
            elements.add(g1);
        }
        for (DefinedTerm t : terms) {
            if (t.g0() != null) {
                elements.add(t.g0());
            }
            if (t.g1() != null) {
                elements.add(t.g1());
            }
        }
        return List.copyOf(elements);
    }

    private static boolean isAsciiWithoutEscape(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0 || b[i] == CodeElement.Escape.ESC) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > ASCII_LAST) {
                return false;
            }
        }
        return true;
    }
}
