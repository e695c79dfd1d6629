package org.hrnode.dicom.charset;

/**
 * One code where the JDK's mapping table and Python's (and so pydicom's) disagree, for example JIS X 0208
 * 0x213D: U+2014 in the JDK, U+2015 (as in the Unicode consortium's JIS0208.TXT) in Python. Nodes that exchange
 * names with pydicom-based tools must agree on every character, so decoding maps the JDK's character to the
 * other one and encoding maps it back.
 *
 * @param jdkChar   what the JDK's charset decodes the code to
 * @param dicomChar what this library decodes it to
 */
record CodePointFixup(char jdkChar, char dicomChar) {

    /** The code point to hand to the JDK encoder for {@code codePoint}, or -1 if it must not be encoded here. */
    int toJdk(int codePoint) {
        if (codePoint == dicomChar) {
            return jdkChar;
        }
        return codePoint == jdkChar ? -1 : codePoint;
    }

    /** {@code decoded} with the JDK's character replaced by this library's. */
    String fromJdk(String decoded) {
        return decoded.indexOf(jdkChar) < 0 ? decoded : decoded.replace(jdkChar, dicomChar);
    }
}
