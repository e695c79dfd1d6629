package org.hrnode.dicom.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read character data that is not what its Specific Character Set (0008,0005) says it is.
 *
 * <p>Many Chinese modalities and PACS write GBK or GB18030 bytes with no (0008,0005) at all, or label them
 * {@code ISO_IR 100}. The standard reads such bytes as ISO 646 (replacement characters) or Latin-1 (mojibake);
 * a policy lets a node read them the way the sender meant. A policy is an immutable value, so a node can keep
 * one per calling AE title and pass it to {@link SpecificCharacterSet#of(CharsetPolicy, String...)}.
 *
 * <p>A policy only changes decoding. Encoding always writes what the declared character set allows, so that
 * data leaving the node conforms to the standard.
 */
public final class CharsetPolicy {

    private static final char LAST_PRINTABLE_ASCII = '~';

    /** Every printable ASCII character and the control characters that delimit DICOM values. */
    private static final String ASCII_PROBE = asciiProbe();

    /** Undeclared non-ASCII bytes read as GB18030, which is what Chinese senders that omit (0008,0005) write. */
    public static final CharsetPolicy DEFAULT = new CharsetPolicy(Charset.forName("GB18030"), null);

    /** Exactly what the standard says: undeclared non-ASCII bytes become U+FFFD, ISO_IR 100 is Latin-1. */
    public static final CharsetPolicy STRICT = new CharsetPolicy(null, null);

    private final Charset undeclared;
    private final Charset latin1Override;

    private CharsetPolicy(Charset undeclared, Charset latin1Override) {
        this.undeclared = requireAsciiCompatible(undeclared, "undeclared charset");
        this.latin1Override = requireAsciiCompatible(latin1Override, "declaredLatin1As charset");
    }

    /**
     * This policy with non-ASCII bytes that no declared character set covers (no (0008,0005), only
     * {@code ISO_IR 6}, unknown terms, or G1 bytes with nothing designated to G1) read as {@code charset}.
     *
     * @throws IllegalArgumentException if the charset does not keep ASCII as ASCII (UTF-16, EBCDIC), which would
     *                                  make the value delimiters {@code \ ^ =} and CR LF unreadable
     */
    public CharsetPolicy withUndeclaredCharset(Charset charset) {
        return new CharsetPolicy(Objects.requireNonNull(charset, "charset"), latin1Override);
    }

    /** This policy with undeclared non-ASCII bytes turned into U+FFFD, as the standard says. */
    public CharsetPolicy withStrictUndeclared() {
        return new CharsetPolicy(null, latin1Override);
    }

    /**
     * This policy with values labelled {@code ISO_IR 100} (or {@code ISO 2022 IR 100} as value 1) read as
     * {@code charset}, for senders known to write GBK or GB18030 under that label. A value that is not valid in
     * {@code charset} is still read as Latin-1, so genuine Latin-1 from other senders mostly survives.
     *
     * @throws IllegalArgumentException if the charset does not keep ASCII as ASCII
     */
    public CharsetPolicy declaredLatin1As(Charset charset) {
        return new CharsetPolicy(undeclared, Objects.requireNonNull(charset, "charset"));
    }

    /** This policy with values labelled {@code ISO_IR 100} read as Latin-1, as declared. */
    public CharsetPolicy withDeclaredLatin1() {
        return new CharsetPolicy(undeclared, null);
    }

    /** The charset for undeclared non-ASCII bytes; empty means strict (U+FFFD). */
    public Optional<Charset> undeclaredCharset() {
        return Optional.ofNullable(undeclared);
    }

    /** The charset that replaces a declared Latin-1; empty means Latin-1 is read as Latin-1. */
    public Optional<Charset> latin1Override() {
        return Optional.ofNullable(latin1Override);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharsetPolicy other
                && Objects.equals(undeclared, other.undeclared)
                && Objects.equals(latin1Override, other.latin1Override);
    }

    @Override
    public int hashCode() {
        return Objects.hash(undeclared, latin1Override);
    }

    @Override
    public String toString() {
        return "CharsetPolicy[undeclared=" + (undeclared == null ? "strict" : undeclared.name())
                + ", ISO_IR 100 as " + (latin1Override == null ? "ISO-8859-1" : latin1Override.name()) + "]";
    }

    private static Charset requireAsciiCompatible(Charset charset, String what) {
        if (charset == null) {
            return null;
        }
        byte[] ascii = ASCII_PROBE.getBytes(StandardCharsets.US_ASCII);
        if (!charset.canEncode() || !Arrays.equals(ASCII_PROBE.getBytes(charset), ascii)
                || !new String(ascii, charset).equals(ASCII_PROBE)) {
            throw new IllegalArgumentException(what + " " + charset.name()
                    + " does not keep ASCII as ASCII, so DICOM value delimiters would be lost;"
                    + " use an ASCII-compatible charset such as GB18030, GBK or UTF-8");
        }
        return charset;
    }

    private static String asciiProbe() {
        StringBuilder probe = new StringBuilder("\t\n\f\r");
        for (char c = ' '; c <= LAST_PRINTABLE_ASCII; c++) {
            probe.append(c);
        }
        return probe.toString();
    }
}
