package org.hrnode.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hrnode.dicom.data.VR;
import org.junit.jupiter.api.Test;

/**
 * Decoding must never throw, whatever the bytes: values come from the network. Random arrays are biased towards
 * the bytes that drive the state machine (ESC and the escape-sequence bytes, delimiters, EUC prefixes) so that
 * half-finished escapes, odd double-byte runs and resets in odd places all occur. Fixed seeds, no timing.
 */
class DecodeRobustnessTest {

    private static final int ARRAYS = 10_000;
    private static final int MAX_LENGTH = 64;
    private static final VR[] VRS = {VR.PN, VR.LO, VR.LT, VR.CS};
    private static final byte[] INTERESTING = {
        0x1B, '$', '(', ')', '-', 'A', 'B', 'C', 'D', 'I', 'J', 'b', '^', '=', '\\', '\r', '\n', '\t', '\f', ' ', 0,
        0x21, 0x7E, 0x7F, (byte) 0x80, (byte) 0x8E, (byte) 0x8F, (byte) 0xA0, (byte) 0xA1, (byte) 0xDF,
        (byte) 0xFE, (byte) 0xFF, 0x30, 0x39, (byte) 0x81, 0x5C,
    };

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(20240601L);
        List<SpecificCharacterSet> sets = allSets();
        for (int i = 0; i < ARRAYS; i++) {
            byte[] buffer = randomBytes(random);
            int offset = buffer.length == 0 ? 0 : random.nextInt(buffer.length);
            int length = random.nextInt(buffer.length - offset + 1);
            for (SpecificCharacterSet cs : sets) {
                for (VR vr : VRS) {
                    String decoded = cs.decode(buffer, offset, length, vr);
                    assertThat(decoded).isNotNull();
                    assertThat(decoded.length()).isLessThanOrEqualTo(length);
                }
            }
        }
    }

    @Test
    void randomStringsNeverThrowOnEncode() {
        Random random = new Random(7L);
        List<SpecificCharacterSet> sets = allSets();
        for (int i = 0; i < ARRAYS / 10; i++) {
            String s = SampleCharsets.randomString(random, 16, true) + (char) random.nextInt(0xD800);
            for (SpecificCharacterSet cs : sets) {
                for (VR vr : VRS) {
                    byte[] encoded = cs.encode(s, vr);
                    assertThat(cs.decode(encoded, 0, encoded.length, vr)).isNotNull();
                }
            }
        }
    }

    private static List<SpecificCharacterSet> allSets() {
        List<SpecificCharacterSet> sets = new ArrayList<>();
        CharsetPolicy gbkLatin1 = CharsetPolicy.DEFAULT.declaredLatin1As(Charset.forName("GBK"));
        for (String[] terms : SampleCharsets.TERMS) {
            sets.add(SpecificCharacterSet.of(CharsetPolicy.DEFAULT, terms));
            sets.add(SpecificCharacterSet.of(CharsetPolicy.STRICT, terms));
        }
        sets.add(SpecificCharacterSet.of(gbkLatin1, "ISO_IR 100"));
        sets.add(SpecificCharacterSet.of(gbkLatin1, "ISO 2022 IR 100", "ISO 2022 IR 87"));
        sets.add(SpecificCharacterSet.of(CharsetPolicy.DEFAULT, "nonsense", "ISO 2022 IR 87", "GBK"));
        return sets;
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(MAX_LENGTH + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
        }
        return b;
    }
}
