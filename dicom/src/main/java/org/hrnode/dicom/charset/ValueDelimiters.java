package org.hrnode.dicom.charset;

import org.hrnode.dicom.data.VR;

/**
 * The characters before which an ISO 2022 value must be back in its initial character set (PS3.5 §6.1.2.5.3),
 * and at which a decoder therefore returns to it.
 *
 * <p>CR, LF, FF and TAB count for every VR, as pydicom does for all of them, since a line break in any textual
 * value resets the state. Multi-valued VRs add the value separator backslash; PN adds its component separator
 * '^' and group separator '='.
 */
enum ValueDelimiters {
    /** LT, ST, UT, UR: one value, backslash is an ordinary character. */
    TEXT(""),
    /** SH, LO, UC and the other multi-valued string VRs. */
    MULTI_VALUED("\\"),
    /** PN. */
    PERSON_NAME("\\^=");

    static final byte TAB = '\t';
    static final byte LF = '\n';
    static final byte FF = '\f';
    static final byte CR = '\r';

    /** Delimiters are all ASCII. */
    private static final int ASCII_SIZE = 128;

    private final boolean[] resets = new boolean[ASCII_SIZE];

    ValueDelimiters(String separators) {
        resets[TAB] = resets[LF] = resets[FF] = resets[CR] = true;
        for (char c : separators.toCharArray()) {
            resets[c] = true;
        }
    }

    static ValueDelimiters of(VR vr) {
        if (vr == VR.PN) {
            return PERSON_NAME;
        }
        return vr.isMultiValuedString() ? MULTI_VALUED : TEXT;
    }

    /** Whether the byte or character {@code c} is a delimiter of this kind of value. */
    boolean resetsAt(int c) {
        return c >= 0 && c < resets.length && resets[c];
    }

    /** Whether {@code c} is a control character, which is never part of a two-byte GL code. */
    static boolean isControl(int c) {
        return c < ' ';
    }
}
