package org.hrnode.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;

import org.hrnode.dicom.data.VR;
import org.junit.jupiter.api.Test;

/**
 * Whatever {@link SpecificCharacterSet#canEncode} accepts, encode then decode gives back: for every sample
 * character set, for PN (escapes reset at ^ and =), LO (at backslash) and LT (at CR LF).
 */
class EncodeRoundTripTest {

    private static final int STRINGS = 1_500;
    private static final VR[] VRS = {VR.PN, VR.LO, VR.LT};

    @Test
    void whatCanBeEncodedDecodesBack() {
        Random random = new Random(42L);
        int encodable = 0;
        for (int i = 0; i < STRINGS; i++) {
            for (String[] terms : SampleCharsets.TERMS) {
                SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.STRICT, terms);
                for (VR vr : VRS) {
                    String s = random.nextBoolean() ? SampleCharsets.randomString(random, 10, vr == VR.LT)
                            : SampleCharsets.randomEncodable(random, 10, vr == VR.LT, cs);
                    if (!cs.canEncode(s)) {
                        continue;
                    }
                    encodable++;
                    byte[] encoded = cs.encode(s, vr);
                    assertThat(cs.decode(encoded, 0, encoded.length, vr))
                            .as("%s as %s in %s: %s", s, vr, String.join("\\", terms), HexFormat.of().formatHex(encoded))
                            .isEqualTo(s);
                }
            }
        }
        assertThat(encodable).as("enough strings were encodable to mean something").isGreaterThan(STRINGS);
    }

    @Test
    void repertoiresAreWhatTheyShouldBe() {
        assertCanEncode(true, "Äneas^Rüdiger", "ISO_IR 100");
        assertCanEncode(false, "王", "ISO_IR 100");
        assertCanEncode(true, "Люкceмбypг", "ISO_IR 144");
        assertCanEncode(true, "Œuvre €", "ISO_IR 203");
        assertCanEncode(false, "Œuvre", "ISO_IR 100");
        assertCanEncode(true, "ﾔﾏﾀﾞ^ﾀﾛｳ", "ISO_IR 13");
        assertCanEncode(false, "山田", "ISO_IR 13");
        assertCanEncode(true, "山田=やまだ", "", "ISO 2022 IR 87");
        assertCanEncode(true, "丂", "", "ISO 2022 IR 87", "ISO 2022 IR 159");
        assertCanEncode(false, "丂", "", "ISO 2022 IR 87");
        assertCanEncode(true, "홍^길동", "", "ISO 2022 IR 149");
        assertCanEncode(true, "张^小东", "", "ISO 2022 IR 58");
        assertCanEncode(false, "小東", "", "ISO 2022 IR 58");
        assertCanEncode(true, "小東𠀀", "ISO_IR 192");
        assertCanEncode(true, "小東𠀀", "GB18030");
        assertCanEncode(true, "⊕", "GBK");
        assertCanEncode(false, "♁", "GBK");
        assertCanEncode(true, "Ζ Й é", "ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126");
    }

    @Test
    void mixedSetsSwitchInsideAComponent() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.STRICT, "ISO 2022 IR 100", "ISO 2022 IR 144");
        byte[] encoded = cs.encode("Jé Жo", VR.LO);
        // é in the initial Latin-1 G1; Ж needs Cyrillic in G1 (ESC - L); Latin-1 designated again at the end.
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("4ae9201b2d4cb66f1b2d41");
        assertThat(cs.decode(encoded, 0, encoded.length, VR.LO)).isEqualTo("Jé Жo");
    }

    private static void assertCanEncode(boolean expected, String value, String... terms) {
        assertThat(SpecificCharacterSet.of(CharsetPolicy.STRICT, terms).canEncode(value))
                .as("%s in %s", value, String.join("\\", terms)).isEqualTo(expected);
    }
}
