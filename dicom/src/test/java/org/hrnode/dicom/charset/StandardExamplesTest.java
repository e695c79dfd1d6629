package org.hrnode.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.hrnode.dicom.data.PersonName;
import org.hrnode.dicom.data.VR;
import org.junit.jupiter.api.Test;

/**
 * The encoded examples of PS3.5 Annexes H (Japanese), I (Korean), J (Unicode UTF-8 and GB18030) and K (GB2312),
 * byte for byte: each decodes to the character string of the example, and the string encodes back to the same
 * bytes where the example shows this library's choice of escape sequences.
 */
class StandardExamplesTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Example H.3-1: value 1 empty (ISO-IR 6), JIS X 0208 in G0 for the ideographic and phonetic groups. */
    @Test
    void japaneseWithIr87() {
        assertExample("59616d6164615e5461726f753d"
                        + "1b24423b3345441b28425e1b244242404f3a1b2842" + "3d"
                        + "1b24422464245e24401b28425e1b2442243f246d24261b2842",
                VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", "", "ISO 2022 IR 87");
    }

    /** Example H.3-2: value 1 ISO 2022 IR 13, so the escapes return to JIS X 0201 Romaji, ESC ( J. */
    @Test
    void japaneseWithIr13AndIr87() {
        assertExample("d4cfc0de5ec0dbb33d"
                        + "1b24423b3345441b284a5e1b244242404f3a1b284a" + "3d"
                        + "1b24422464245e24401b284a5e1b2442243f246d24261b284a",
                VR.PN, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", "ISO 2022 IR 13", "ISO 2022 IR 87");
    }

    /** Example I.2-1: KS X 1001 in G1, designated again after every delimiter, no escape back. */
    @Test
    void koreanWithIr149() {
        assertExample("486f6e675e47696c646f6e673d"
                        + "1b242943fbf35e1b242943d1ced4d7" + "3d"
                        + "1b242943c8ab5e1b242943b1e6b5bf",
                VR.PN, "Hong^Gildong=洪^吉洞=홍^길동", "", "ISO 2022 IR 149");
    }

    /** Example I.3-1: the escape at the head of each line, Hangul and ASCII mixed after it. */
    @Test
    void koreanLongTextDecodes() {
        String bytes = "1b242943" + hex("The first line includes ") + "c7d1b1db" + hex(".\r\n")
                + "1b242943" + hex("The second line includes ") + "c7d1b1db" + hex(", too.\r\n")
                + hex("The third line");
        assertThat(decode(bytes, VR.LT, "", "ISO 2022 IR 149")).isEqualTo(
                "The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line");
    }

    /** Example J.2-1 (chrX1): UTF-8, traditional characters. */
    @Test
    void chineseUtf8() {
        assertExample("57616e675e5869616f446f6e673de78e8b5ee5b08fe69db13d",
                VR.PN, "Wang^XiaoDong=王^小東=", "ISO_IR 192");
        assertThat(PersonName.parse(decode("57616e675e5869616f446f6e673de78e8b5ee5b08fe69db13d", VR.PN,
                "ISO_IR 192")).ideographic()).isEqualTo("王^小東");
    }

    /** Example J.3-1 (chrX2): GB18030, simplified characters. */
    @Test
    void chineseGb18030() {
        assertExample("57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d",
                VR.PN, "Wang^XiaoDong=王^小东=", "GB18030");
    }

    /** Example J.3-2: GB18030 long text, one value over several lines. */
    @Test
    void chineseGb18030LongText() {
        assertExample(K3_LINE_1.replace(ESC_GB2312, "") + K3_LINE_2.replace(ESC_GB2312, "")
                        + K3_LINE_3.replace(ESC_GB2312, ""),
                VR.LT, "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n", "GB18030");
    }

    /** Example K.2-1 (chrGB2312): GB 2312 in G1, designated again after every delimiter. */
    @Test
    void chineseWithIr58() {
        assertExample("5a68616e675e5869616f446f6e673d1b242941d5c55e1b242941d0a1b6ab3d",
                VR.PN, "Zhang^XiaoDong=张^小东=", "", "ISO 2022 IR 58");
    }

    private static final String ESC_GB2312 = "1b242941";
    private static final String K3_LINE_1 = "312e" + ESC_GB2312 + "b5dad2bbd0d0cec4d7d6a1a30d0a";
    private static final String K3_LINE_2 = "322e" + ESC_GB2312 + "b5dab6fed0d0cec4d7d6a1a30d0a";
    private static final String K3_LINE_3 = "332e" + ESC_GB2312 + "b5dac8fdd0d0cec4d7d6a1a30d0a";

    /** Example K.3-1: "1." stays before the escape; CR LF ends each line in the initial set. */
    @Test
    void chineseLongTextWithIr58() {
        assertExample(K3_LINE_1 + K3_LINE_2 + K3_LINE_3,
                VR.LT, "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n", "", "ISO 2022 IR 58");
    }

    /** JIS X 0208 'ま' is 0x245E: its second byte is '^', which must not end the component. */
    @Test
    void caretInsideKanjiIsNotADelimiter() {
        assertThat(decode("1b24422464245e24401b2842", VR.PN, "", "ISO 2022 IR 87")).isEqualTo("やまだ");
    }

    private static void assertExample(String hex, VR vr, String text, String... terms) {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.STRICT, terms);
        byte[] bytes = HEX.parseHex(hex);
        assertThat(cs.decode(bytes, 0, bytes.length, vr)).isEqualTo(text);
        assertThat(HEX.formatHex(cs.encode(text, vr))).isEqualTo(hex);
        assertThat(cs.canEncode(text)).isTrue();
        assertThat(cs.fallbackUsed()).isFalse();
    }

    private static String decode(String hex, VR vr, String... terms) {
        byte[] bytes = HEX.parseHex(hex);
        return SpecificCharacterSet.of(CharsetPolicy.STRICT, terms).decode(bytes, 0, bytes.length, vr);
    }

    private static String hex(String ascii) {
        return HEX.formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
