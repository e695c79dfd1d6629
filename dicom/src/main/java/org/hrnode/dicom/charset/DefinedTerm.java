package org.hrnode.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Defined Terms of Specific Character Set (0008,0005), PS3.3 Tables C.12-2 to C.12-5, with the code elements
 * each puts into G0 and G1.
 */
enum DefinedTerm {
    ISO_IR_6("ISO_IR 6", CodeElement.ASCII, null),
    ISO_IR_100("ISO_IR 100", CodeElement.ASCII, CodeElement.LATIN1),
    ISO_IR_101("ISO_IR 101", CodeElement.ASCII, CodeElement.LATIN2),
    ISO_IR_109("ISO_IR 109", CodeElement.ASCII, CodeElement.LATIN3),
    ISO_IR_110("ISO_IR 110", CodeElement.ASCII, CodeElement.LATIN4),
    ISO_IR_144("ISO_IR 144", CodeElement.ASCII, CodeElement.CYRILLIC),
    ISO_IR_127("ISO_IR 127", CodeElement.ASCII, CodeElement.ARABIC),
    ISO_IR_126("ISO_IR 126", CodeElement.ASCII, CodeElement.GREEK),
    ISO_IR_138("ISO_IR 138", CodeElement.ASCII, CodeElement.HEBREW),
    ISO_IR_148("ISO_IR 148", CodeElement.ASCII, CodeElement.LATIN5),
    ISO_IR_203("ISO_IR 203", CodeElement.ASCII, CodeElement.LATIN9),
    ISO_IR_13("ISO_IR 13", CodeElement.JIS_X0201_ROMAN, CodeElement.JIS_X0201_KATAKANA),
    ISO_IR_166("ISO_IR 166", CodeElement.ASCII, CodeElement.THAI),

    ISO_2022_IR_6("ISO 2022 IR 6", CodeElement.ASCII, null),
    ISO_2022_IR_100("ISO 2022 IR 100", CodeElement.ASCII, CodeElement.LATIN1),
    ISO_2022_IR_101("ISO 2022 IR 101", CodeElement.ASCII, CodeElement.LATIN2),
    ISO_2022_IR_109("ISO 2022 IR 109", CodeElement.ASCII, CodeElement.LATIN3),
    ISO_2022_IR_110("ISO 2022 IR 110", CodeElement.ASCII, CodeElement.LATIN4),
    ISO_2022_IR_144("ISO 2022 IR 144", CodeElement.ASCII, CodeElement.CYRILLIC),
    ISO_2022_IR_127("ISO 2022 IR 127", CodeElement.ASCII, CodeElement.ARABIC),
    ISO_2022_IR_126("ISO 2022 IR 126", CodeElement.ASCII, CodeElement.GREEK),
    ISO_2022_IR_138("ISO 2022 IR 138", CodeElement.ASCII, CodeElement.HEBREW),
    ISO_2022_IR_148("ISO 2022 IR 148", CodeElement.ASCII, CodeElement.LATIN5),
    ISO_2022_IR_203("ISO 2022 IR 203", CodeElement.ASCII, CodeElement.LATIN9),
    ISO_2022_IR_13("ISO 2022 IR 13", CodeElement.JIS_X0201_ROMAN, CodeElement.JIS_X0201_KATAKANA),
    ISO_2022_IR_166("ISO 2022 IR 166", CodeElement.ASCII, CodeElement.THAI),
    ISO_2022_IR_87("ISO 2022 IR 87", CodeElement.JIS_X0208, null),
    ISO_2022_IR_159("ISO 2022 IR 159", CodeElement.JIS_X0212, null),
    ISO_2022_IR_149("ISO 2022 IR 149", null, CodeElement.KS_X1001),
    ISO_2022_IR_58("ISO 2022 IR 58", null, CodeElement.GB2312),

    /** UTF-8; no code extensions (PS3.3 Table C.12-5). */
    ISO_IR_192("ISO_IR 192", StandardCharsets.UTF_8, null),
    /** GB18030 as the JDK reads it: the 2022 edition, see the package documentation. */
    GB18030("GB18030", Charset.forName("GB18030"), null),
    /** GBK, read with the JDK's table except A892, which Python (and so pydicom) reads as U+2295 ⊕, not ♁. */
    GBK("GBK", Charset.forName("GBK"), new CodePointFixup('\u2641', '\u2295'));

    /** Spellings seen in the wild, read as the term pydicom reads them as. */
    private static final Map<String, DefinedTerm> ALIASES = Map.of(
            "ISO_IR 58", ISO_2022_IR_58,
            "ISO 2022 58", ISO_2022_IR_58,
            "GB2312", ISO_2022_IR_58,
            "ISO 2022 GBK", GBK,
            "UTF-8", ISO_IR_192,
            "UTF8", ISO_IR_192);

    /** "ISO IR 100", "ISO-IR 100": pydicom corrects these to "ISO_IR 100". */
    private static final Pattern MISSPELT_ISO_IR = Pattern.compile("^ISO[^_]IR");
    private static final int ISO_IR_PREFIX_LENGTH = "ISO_IR".length();
    /** "ISO_2022_IR_87", "ISO-2022-IR-87": pydicom corrects these to "ISO 2022 IR 87". */
    private static final Pattern MISSPELT_ISO_2022 = Pattern.compile("^(?=ISO.2022.IR.)(?!ISO 2022 IR )");
    private static final int ISO_2022_PREFIX_LENGTH = "ISO 2022 IR ".length();

    /** Written for characters a stand-alone set cannot hold, as the JDK's encoders do. */
    private static final char UNENCODABLE = '?';

    private final String term;
    private final CodeElement g0;
    private final CodeElement g1;
    private final Charset standalone;
    private final CodePointFixup fixup;

    DefinedTerm(String term, CodeElement g0, CodeElement g1) {
        this.term = term;
        this.g0 = g0;
        this.g1 = g1;
        this.standalone = null;
        this.fixup = null;
    }

    DefinedTerm(String term, Charset standalone, CodePointFixup fixup) {
        this.term = term;
        this.g0 = null;
        this.g1 = null;
        this.standalone = standalone;
        this.fixup = fixup;
    }

    /** The term as PS3.3 spells it. */
    String term() {
        return term;
    }

    /** The element this term designates to G0, or null (for IR 149 and IR 58, which only designate G1). */
    CodeElement g0() {
        return g0;
    }

    /** The element this term designates to G1, or null. */
    CodeElement g1() {
        return g1;
    }

    /** Whether the term is one of "ISO 2022 …", which allow escape sequences. */
    boolean isCodeExtension() {
        return term.startsWith("ISO 2022");
    }

    /** The multi-byte charset of a term that forbids code extensions (UTF-8, GB18030, GBK), else null. */
    Charset standaloneCharset() {
        return standalone;
    }

    /** Decodes with a stand-alone set; malformed bytes become U+FFFD. */
    String decodeStandalone(byte[] b, int off, int len) {
        String decoded = new String(b, off, len, standalone);
        return fixup == null ? decoded : fixup.fromJdk(decoded);
    }

    /** Encodes with a stand-alone set; characters it cannot hold become '?'. */
    byte[] encodeStandalone(String value) {
        return toJdk(value).getBytes(standalone);
    }

    boolean canEncodeStandalone(String value) {
        return standalone.newEncoder().canEncode(toJdk(value))
                && (fixup == null || value.indexOf(fixup.jdkChar()) < 0);
    }

    private String toJdk(String value) {
        if (fixup == null) {
            return value;
        }
        return value.replace(fixup.jdkChar(), UNENCODABLE).replace(fixup.dicomChar(), fixup.jdkChar());
    }

    /** The JDK charset that holds this term's repertoire. */
    Charset charset() {
        if (standalone != null) {
            return standalone;
        }
        return g1 != null ? g1.charset() : g0.charset();
    }

    /** A term as read from (0008,0005), and what it was taken to mean. */
    record Resolution(String written, DefinedTerm term, boolean corrected) {
        boolean known() {
            return term != null;
        }
    }

    /**
     * What a value of (0008,0005) means: exact terms first, then the spellings pydicom also accepts. An empty value
     * is ISO_IR 6. Returns a resolution with a null term if the value is unknown.
     */
    static Resolution resolve(String written) {
        String trimmed = written == null ? "" : written.strip();
        if (trimmed.isEmpty()) {
            return new Resolution(trimmed, ISO_IR_6, false);
        }
        for (DefinedTerm t : values()) {
            if (t.term.equals(trimmed)) {
                return new Resolution(trimmed, t, false);
            }
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        String candidate = upper;
        if (MISSPELT_ISO_IR.matcher(upper).find()) {
            candidate = "ISO_IR" + upper.substring(ISO_IR_PREFIX_LENGTH);
        } else if (MISSPELT_ISO_2022.matcher(upper).find()) {
            candidate = "ISO 2022 IR " + upper.substring(ISO_2022_PREFIX_LENGTH);
        }
        for (DefinedTerm t : values()) {
            if (t.term.equals(candidate)) {
                return new Resolution(trimmed, t, true);
            }
        }
        DefinedTerm alias = ALIASES.get(upper);
        return new Resolution(trimmed, alias, alias != null);
    }
}
