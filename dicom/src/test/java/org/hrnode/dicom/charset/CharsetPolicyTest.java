package org.hrnode.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.hrnode.dicom.data.VR;
import org.junit.jupiter.api.Test;

/** Reading the GBK that Chinese senders write undeclared or labelled Latin-1, as the policy says. */
class CharsetPolicyTest {

    private static final Charset GBK = Charset.forName("GBK");
    /** "张三" in GBK (and GB18030): D5C5 C8FD. */
    private static final byte[] ZHANG_SAN_GBK = "张三".getBytes(GBK);
    /** Its Latin-1 reading, which is what ISO_IR 100 means. */
    private static final String ZHANG_SAN_AS_LATIN1 = "ÕÅÈý";

    @Test
    void undeclaredGbkReadsAsChineseByDefault() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT);
        assertThat(cs.fallbackUsed()).isFalse();
        assertThat(decode(cs, ZHANG_SAN_GBK, VR.PN)).isEqualTo("张三");
        assertThat(cs.fallbackUsed()).isTrue();
        assertThat(cs.describe()).isEqualTo("no (0008,0005), ISO_IR 6 (undeclared non-ASCII decoded as GB18030 by policy)");
    }

    @Test
    void emptyValueOneIsUndeclaredToo() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "");
        assertThat(decode(cs, ZHANG_SAN_GBK, VR.LO)).isEqualTo("张三");
        assertThat(cs.fallbackUsed()).isTrue();
        assertThat(cs.describe())
                .isEqualTo("empty (0008,0005), ISO_IR 6 (undeclared non-ASCII decoded as GB18030 by policy)");
    }

    @Test
    void asciiNeverCountsAsFallback() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT);
        assertThat(decode(cs, "Zhang^San".getBytes(StandardCharsets.US_ASCII), VR.PN)).isEqualTo("Zhang^San");
        assertThat(cs.fallbackUsed()).isFalse();
    }

    @Test
    void strictPolicyGivesReplacementCharacters() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.STRICT);
        assertThat(decode(cs, ZHANG_SAN_GBK, VR.PN)).isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFD");
        assertThat(cs.fallbackUsed()).isFalse();
    }

    @Test
    void undeclaredCharsetIsConfigurable() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(
                CharsetPolicy.DEFAULT.withUndeclaredCharset(StandardCharsets.UTF_8));
        assertThat(decode(cs, "张三".getBytes(StandardCharsets.UTF_8), VR.PN)).isEqualTo("张三");
        assertThat(cs.fallbackUsed()).isTrue();
    }

    @Test
    void declaredLatin1IsLatin1ByDefault() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "ISO_IR 100");
        assertThat(decode(cs, ZHANG_SAN_GBK, VR.PN)).isEqualTo(ZHANG_SAN_AS_LATIN1);
        assertThat(cs.fallbackUsed()).isFalse();
        assertThat(cs.describe()).isEqualTo("ISO_IR 100");
    }

    @Test
    void declaredLatin1CanBeReadAsGbk() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT.declaredLatin1As(GBK), "ISO_IR 100");
        assertThat(decode(cs, ZHANG_SAN_GBK, VR.PN)).isEqualTo("张三");
        assertThat(cs.fallbackUsed()).isTrue();
        assertThat(cs.describe()).isEqualTo("ISO_IR 100 (decoded as GBK by policy)");
        assertThat(cs.primaryCharset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void latin1ThatIsNotValidGbkStaysLatin1() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT.declaredLatin1As(GBK), "ISO_IR 100");
        byte[] latin1 = "Müller^Zoë".getBytes(StandardCharsets.ISO_8859_1); // ë (EB) ends the value: no trail byte
        assertThat(decode(cs, latin1, VR.PN)).isEqualTo("Müller^Zoë");
        assertThat(cs.fallbackUsed()).isFalse();
    }

    @Test
    void encodingIgnoresThePolicy() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT.declaredLatin1As(GBK), "ISO_IR 100");
        assertThat(cs.encode("张三", VR.PN)).containsExactly('?', '?');
        assertThat(cs.canEncode("张三")).isFalse();
        assertThat(SpecificCharacterSet.DEFAULT.encode("张三", VR.PN)).containsExactly('?', '?');
    }

    @Test
    void undeclaredGbkKeepsSecondBytesThatLookLikeBackslash() {
        // 乗 is 81 5C in GBK: the 5C must not split the value.
        byte[] twoValues = "张乗\\李四".getBytes(GBK);
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT);
        assertThat(decode(cs, twoValues, VR.LO)).isEqualTo("张乗\\李四");
        assertThat(decode(SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "GBK"), twoValues, VR.LO))
                .isEqualTo("张乗\\李四");
    }

    @Test
    void unknownTermsAreReportedAndReadAsUndeclared() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "ISO_IR 999");
        assertThat(cs.unknownTerms()).containsExactly("ISO_IR 999");
        assertThat(decode(cs, ZHANG_SAN_GBK, VR.PN)).isEqualTo("张三");
        assertThat(cs.fallbackUsed()).isTrue();
        assertThat(cs.describe()).contains("unknown term 'ISO_IR 999' read as ISO_IR 6");
        assertThat(cs.primaryCharset()).isEqualTo(StandardCharsets.US_ASCII);
    }

    @Test
    void misspeltAndAliasedTermsAreReadAsPydicomReadsThem() {
        SpecificCharacterSet misspelt = SpecificCharacterSet.of(CharsetPolicy.STRICT, " ISO IR 100 ");
        assertThat(misspelt.unknownTerms()).isEmpty();
        assertThat(misspelt.definedTerms()).containsExactly("ISO IR 100");
        assertThat(decode(misspelt, new byte[] {(byte) 0xE9}, VR.LO)).isEqualTo("é");
        assertThat(misspelt.describe()).isEqualTo("ISO IR 100 ('ISO IR 100' read as ISO_IR 100)");

        SpecificCharacterSet gb2312 = SpecificCharacterSet.of(CharsetPolicy.STRICT, "GB2312");
        assertThat(decode(gb2312, ZHANG_SAN_GBK, VR.PN)).isEqualTo("张三");
        assertThat(gb2312.fallbackUsed()).isFalse();
    }

    @Test
    void policiesMustKeepAscii() {
        assertThatThrownBy(() -> CharsetPolicy.DEFAULT.withUndeclaredCharset(StandardCharsets.UTF_16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> CharsetPolicy.DEFAULT.declaredLatin1As(Charset.forName("IBM037")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policiesAreValues() {
        assertThat(CharsetPolicy.DEFAULT.declaredLatin1As(GBK)).isEqualTo(CharsetPolicy.DEFAULT.declaredLatin1As(GBK));
        assertThat(CharsetPolicy.DEFAULT.declaredLatin1As(GBK).withDeclaredLatin1()).isEqualTo(CharsetPolicy.DEFAULT);
        assertThat(CharsetPolicy.DEFAULT.withStrictUndeclared()).isEqualTo(CharsetPolicy.STRICT);
        assertThat(CharsetPolicy.DEFAULT.undeclaredCharset()).contains(Charset.forName("GB18030"));
        assertThat(CharsetPolicy.STRICT.latin1Override()).isEmpty();
    }

    @Test
    void fallbackFlagBelongsToTheInstance() {
        SpecificCharacterSet first = SpecificCharacterSet.of(CharsetPolicy.DEFAULT);
        SpecificCharacterSet second = SpecificCharacterSet.of(CharsetPolicy.DEFAULT);
        decode(first, ZHANG_SAN_GBK, VR.PN);
        assertThat(first.fallbackUsed()).isTrue();
        assertThat(second.fallbackUsed()).isFalse();
    }

    private static String decode(SpecificCharacterSet cs, byte[] bytes, VR vr) {
        return cs.decode(bytes, 0, bytes.length, vr);
    }
}
