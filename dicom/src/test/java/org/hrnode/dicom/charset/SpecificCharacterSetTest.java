package org.hrnode.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.hrnode.dicom.data.VR;
import org.junit.jupiter.api.Test;

/** Escape-sequence state, resets, term handling and the rest of the public surface. */
class SpecificCharacterSetTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void lineBreaksReturnTextToTheInitialSet() {
        // 山 in JIS X 0208, then CR LF without ESC ( B: the new line starts in ASCII again.
        assertThat(decode("1b24423b330d0a41", VR.LT, "", "ISO 2022 IR 87")).isEqualTo("山\r\nA");
    }

    @Test
    void delimitersResetG1SoEachComponentDesignatesAgain() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.STRICT, "", "ISO 2022 IR 149");
        // KS X 1001 designated once, then '^': the bytes after it are no longer Hangul.
        assertThat(decode(cs, "1b242943c8ab5eb1e6", VR.PN)).isEqualTo("홍^\uFFFD\uFFFD");
        // A backslash ends an LO value the same way, but is an ordinary character in LT.
        assertThat(decode(cs, "1b242943c8ab5cb1e6", VR.LO)).isEqualTo("홍\\\uFFFD\uFFFD");
        assertThat(decode(cs, "1b242943c8ab5cb1e6", VR.LT)).isEqualTo("홍\\길");
    }

    @Test
    void valuesSplitAtBackslashesKeepThem() {
        assertThat(decode("1b24422464245e24401b28425c1b2442243f246d24261b2842", VR.PN, "", "ISO 2022 IR 87"))
                .isEqualTo("やまだ\\たろう");
    }

    @Test
    void escapesToSetsThatWereNotDeclaredAreStillFollowed() {
        assertThat(decode("e91b24423b331b2842", VR.LO, "ISO_IR 100")).isEqualTo("é山");
    }

    @Test
    void unknownEscapeSequencesStayAsCharacters() {
        assertThat(decode("411b2858", VR.LO, "", "ISO 2022 IR 87")).isEqualTo("A\u001b(X");
    }

    @Test
    void standAloneSetsTakeNoEscapes() {
        assertThat(decode("1b2842e78e8b", VR.PN, "ISO_IR 192")).isEqualTo("\u001b(B王");
    }

    @Test
    void valuesOutsideTheSpecificCharacterSetVrsDecodeTheSameWay() {
        // GH1301.dcm: Patient's Sex (CS) holds GB18030 男; pydicom reads it as Latin-1 "ÄÐ".
        assertThat(decode("c4d0", VR.CS, "GB18030")).isEqualTo("男");
    }

    @Test
    void halfFinishedInputBecomesReplacementCharacters() {
        assertThat(decode("1b24423b", VR.PN, "", "ISO 2022 IR 87")).isEqualTo("\uFFFD");
        assertThat(decode("e78e", VR.PN, "ISO_IR 192")).isEqualTo("\uFFFD");
        assertThat(decode("1b24", VR.PN, "", "ISO 2022 IR 87")).isEqualTo("\u001b$");
    }

    @Test
    void decodesTheGivenRangeOnly() {
        byte[] bytes = HEX.parseHex("ffff57616e67ffff");
        assertThat(SpecificCharacterSet.DEFAULT.decode(bytes, 2, 4, VR.PN)).isEqualTo("Wang");
        assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.decode(bytes, 6, 4, VR.PN))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void termsAreKeptAndClassified() {
        SpecificCharacterSet japanese = SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "", " ISO 2022 IR 87 ");
        assertThat(japanese.definedTerms()).containsExactly("", "ISO 2022 IR 87");
        assertThat(japanese.containsCodeExtensions()).isTrue();
        assertThat(japanese.primaryCharset()).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(japanese.unknownTerms()).isEmpty();
        assertThat(japanese.describe()).isEqualTo("\\ISO 2022 IR 87");

        assertThat(SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "ISO_IR 100").containsCodeExtensions()).isFalse();
        assertThat(SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "ISO 2022 IR 100").containsCodeExtensions())
                .isTrue();
        assertThat(SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "GB18030").primaryCharset())
                .isEqualTo(Charset.forName("GB18030"));
        assertThat(SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "ISO 2022 IR 87").primaryCharset())
                .isEqualTo(Charset.forName("EUC-JP"));
        assertThat(SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "ISO_IR 13").primaryCharset())
                .isEqualTo(Charset.forName("Shift_JIS"));
        assertThat(SpecificCharacterSet.DEFAULT.definedTerms()).isEmpty();

        String[] terms = {"ISO_IR 100"};
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT, terms);
        terms[0] = "changed";
        cs.definedTerms()[0] = "changed";
        assertThat(cs.definedTerms()).containsExactly("ISO_IR 100");
    }

    @Test
    void standAloneSetsIgnoreFurtherTermsLikePydicom() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.STRICT, "ISO_IR 192", "ISO 2022 IR 87");
        assertThat(decode(cs, "e78e8b", VR.PN)).isEqualTo("王");
        assertThat(cs.describe()).contains("ISO_IR 192 allows no code extensions, 'ISO 2022 IR 87' ignored");

        SpecificCharacterSet late = SpecificCharacterSet.of(CharsetPolicy.STRICT, "", "GB18030", "ISO 2022 IR 87");
        assertThat(late.describe()).contains("'GB18030' cannot be a code extension, ignored");
        assertThat(decode(late, "1b24423b331b2842", VR.PN)).isEqualTo("山");
    }

    @Test
    void isAsciiLooksOnlyAtTheRange() {
        byte[] bytes = {(byte) 0xE9, 'a', 'b', (byte) 0xE9};
        assertThat(SpecificCharacterSet.isAscii(bytes, 1, 2)).isTrue();
        assertThat(SpecificCharacterSet.isAscii(bytes, 0, 2)).isFalse();
        assertThat(SpecificCharacterSet.isAscii(bytes, 4, 0)).isTrue();
    }

    @Test
    void oneInstanceServesManyThreads() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "ISO 2022 IR 13", "ISO 2022 IR 87");
        byte[] bytes = cs.encode("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", VR.PN);
        List<String> decoded = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> cs.decode(bytes, 0, bytes.length, VR.PN)).distinct().toList();
        assertThat(decoded).containsExactly("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
    }

    @Test
    void latin1UnderPolicyMatchesPydicomForUndeclaredBytes() {
        // pydicom reads undeclared non-ASCII bytes as Latin-1; a policy can do the same.
        SpecificCharacterSet cs = SpecificCharacterSet.of(
                CharsetPolicy.DEFAULT.withUndeclaredCharset(StandardCharsets.ISO_8859_1));
        assertThat(decode(cs, "d5c5", VR.PN)).isEqualTo("ÕÅ");
    }

    private static String decode(String hex, VR vr, String... terms) {
        return decode(SpecificCharacterSet.of(CharsetPolicy.STRICT, terms), hex, vr);
    }

    private static String decode(SpecificCharacterSet cs, String hex, VR vr) {
        byte[] bytes = HEX.parseHex(hex);
        return cs.decode(bytes, 0, bytes.length, vr);
    }
}
