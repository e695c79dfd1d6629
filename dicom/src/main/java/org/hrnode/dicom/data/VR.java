package org.hrnode.dicom.data;

/**
 * Value Representations of PS3.5 §6.2, each carrying what the codec needs to know about it: its two-letter
 * code, the length of its explicit-VR header, the byte it pads odd values with, and the shape of its values.
 *
 * <p>{@code OB}, {@code OW}, {@code OF}, {@code OD}, {@code OL}, {@code OV}, {@code SQ}, {@code UC},
 * {@code UN}, {@code UR} and {@code UT} use the 12-byte explicit header with a 32-bit length (PS3.5 §7.1.2);
 * all others use the 8-byte header with a 16-bit length.
 */
public enum VR {
    AE(Kind.STRING, ' ', 0, false),
    AS(Kind.STRING, ' ', 0, false),
    AT(Kind.TAG, 0, 4, false),
    CS(Kind.STRING, ' ', 0, false),
    DA(Kind.STRING, ' ', 0, false),
    DS(Kind.DECIMAL_STRING, ' ', 0, false),
    DT(Kind.STRING, ' ', 0, false),
    FD(Kind.FLOAT, 0, 8, false),
    FL(Kind.FLOAT, 0, 4, false),
    IS(Kind.INTEGER_STRING, ' ', 0, false),
    LO(Kind.STRING, ' ', 0, false),
    LT(Kind.TEXT, ' ', 0, false),
    OB(Kind.BYTES, 0, 1, true),
    OD(Kind.FLOAT, 0, 8, true),
    OF(Kind.FLOAT, 0, 4, true),
    OL(Kind.INTEGER, 0, 4, true),
    OV(Kind.INTEGER, 0, 8, true),
    OW(Kind.INTEGER, 0, 2, true),
    PN(Kind.PERSON_NAME, ' ', 0, false),
    SH(Kind.STRING, ' ', 0, false),
    SL(Kind.INTEGER, 0, 4, false),
    SQ(Kind.SEQUENCE, 0, 0, true),
    SS(Kind.INTEGER, 0, 2, false),
    ST(Kind.TEXT, ' ', 0, false),
    SV(Kind.INTEGER, 0, 8, true),
    TM(Kind.STRING, ' ', 0, false),
    UC(Kind.STRING, ' ', 0, true),
    UI(Kind.STRING, 0, 0, false),
    UL(Kind.INTEGER, 0, 4, false),
    UN(Kind.BYTES, 0, 1, true),
    UR(Kind.TEXT, ' ', 0, true),
    US(Kind.INTEGER, 0, 2, false),
    UT(Kind.TEXT, ' ', 0, true),
    UV(Kind.INTEGER, 0, 8, true);

    /** The shape of a VR's values, which decides how they are parsed, compared and printed. */
    public enum Kind {
        /** Character string, backslash-separated values (AE, AS, CS, DA, DT, LO, SH, TM, UC, UI). */
        STRING,
        /** Character string with a single value that may contain backslashes (LT, ST, UT, UR). */
        TEXT,
        /** Person name: values with component groups separated by '=' and components by '^'. */
        PERSON_NAME,
        /** Decimal string. */
        DECIMAL_STRING,
        /** Integer string. */
        INTEGER_STRING,
        /** Binary integers of {@link #bytesPerValue()} bytes (SS, US, SL, UL, SV, UV, OW, OL, OV). */
        INTEGER,
        /** IEEE floats of {@link #bytesPerValue()} bytes (FL, FD, OF, OD). */
        FLOAT,
        /** Attribute tags: pairs of 16-bit group and element numbers. */
        TAG,
        /** Opaque bytes (OB, UN). */
        BYTES,
        /** Sequence of items. */
        SEQUENCE
    }

    private final int code;
    private final Kind kind;
    private final byte paddingByte;
    private final int bytesPerValue;
    private final boolean longHeader;

    VR(Kind kind, int paddingByte, int bytesPerValue, boolean longHeader) {
        this.code = (name().charAt(0) << 8) | name().charAt(1);
        this.kind = kind;
        this.paddingByte = (byte) paddingByte;
        this.bytesPerValue = bytesPerValue;
        this.longHeader = longHeader;
    }

    private static final VR[] BY_CODE = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            BY_CODE[index(vr.code >> 8, vr.code & 0xFF)] = vr;
        }
    }

    private static int index(int c1, int c2) {
        if (c1 < 'A' || c1 > 'Z' || c2 < 'A' || c2 > 'Z') {
            return -1;
        }
        return (c1 - 'A') * 26 + (c2 - 'A');
    }

    /** The VR whose two-byte code is {@code code} (first character in the high byte), or null if none is. */
    public static VR ofCode(int code) {
        int i = index((code >> 8) & 0xFF, code & 0xFF);
        return i < 0 ? null : BY_CODE[i];
    }

    /** The VR named {@code name} ("PN"), or null if it is not a VR. */
    public static VR ofName(String name) {
        return name.length() == 2 ? ofCode((name.charAt(0) << 8) | name.charAt(1)) : null;
    }

    /** The two ASCII characters as one int, first character in the high byte, as they appear on the wire. */
    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The byte appended to make an odd-length value even: space for character strings, NUL otherwise. */
    public byte paddingByte() {
        return paddingByte;
    }

    /** Size of one binary value (2 for US, 4 for FL, 1 for OB, 4 for AT), 0 for character and sequence VRs. */
    public int bytesPerValue() {
        return bytesPerValue;
    }

    /** Whether explicit VR encoding uses the 12-byte header with a 32-bit length for this VR. */
    public boolean hasLongExplicitHeader() {
        return longHeader;
    }

    /** Length of the element header in explicit VR encoding: 8 or 12 bytes. */
    public int explicitHeaderLength() {
        return longHeader ? 12 : 8;
    }

    /** Whether values are characters, decoded with the dataset's Specific Character Set where it applies. */
    public boolean isCharacterString() {
        return switch (kind) {
            case STRING, TEXT, PERSON_NAME, DECIMAL_STRING, INTEGER_STRING -> true;
            default -> false;
        };
    }

    /**
     * Whether values of this VR are decoded with the Specific Character Set (PS3.5 §6.1.2.3): SH, LO, UC, ST, LT,
     * UT and PN. Other string VRs are restricted to the default repertoire.
     */
    public boolean usesSpecificCharacterSet() {
        return switch (this) {
            case SH, LO, UC, ST, LT, UT, PN -> true;
            default -> false;
        };
    }

    /** Whether a backslash separates multiple values (false for LT, ST, UT, UR, which take a single value). */
    public boolean isMultiValuedString() {
        return isCharacterString() && kind != Kind.TEXT;
    }

    /** Whether values are binary numbers or tags with a fixed size per value. */
    public boolean isBinaryNumeric() {
        return kind == Kind.INTEGER || kind == Kind.FLOAT || kind == Kind.TAG;
    }

    /** Whether the integer values are signed (SS, SL, SV). */
    public boolean isSigned() {
        return this == SS || this == SL || this == SV;
    }
}
