package org.hrnode.dicom.charset;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Character sets and characters that exercise every code path: shared by the property and interop tests. */
final class SampleCharsets {

    /** Values of (0008,0005) covering each kind of set and each ISO 2022 element. */
    static final List<String[]> TERMS = List.of(
            new String[0],
            new String[] {"ISO_IR 100"},
            new String[] {"ISO_IR 101"},
            new String[] {"ISO_IR 144"},
            new String[] {"ISO_IR 127"},
            new String[] {"ISO_IR 126"},
            new String[] {"ISO_IR 138"},
            new String[] {"ISO_IR 148"},
            new String[] {"ISO_IR 203"},
            new String[] {"ISO_IR 13"},
            new String[] {"ISO_IR 166"},
            new String[] {"ISO_IR 192"},
            new String[] {"GB18030"},
            new String[] {"GBK"},
            new String[] {"", "ISO 2022 IR 87"},
            new String[] {"ISO 2022 IR 13", "ISO 2022 IR 87"},
            new String[] {"", "ISO 2022 IR 87", "ISO 2022 IR 159"},
            new String[] {"ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"},
            new String[] {"", "ISO 2022 IR 149"},
            new String[] {"", "ISO 2022 IR 58"},
            new String[] {"ISO 2022 IR 58"},
            new String[] {"ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126"},
            new String[] {"ISO 2022 IR 6", "ISO 2022 IR 100", "ISO 2022 IR 149", "ISO 2022 IR 58"},
            new String[] {"ISO 2022 IR 166", "ISO 2022 IR 127"});

    /**
     * Characters from every repertoire, plus the ones whose mapping differs between the JDK and Python
     * (― U+2015, — U+2014, ～ U+FF5E, ⊕ U+2295, ♁ U+2641), the JIS X 0201 look-alikes (\ ~ ¥ ‾), a JIS X 0212-only
     * kanji (丂), and a character outside the BMP.
     */
    private static final String[] POOL = {
        "A", "z", "0", " ", ".", "\\", "~", "^", "=",
        "é", "Ü", "ß", "ő", "Ł", "€", "Ж", "я", "Ω", "λ", "ש", "ب", "ก", "ฮ",
        "ｱ", "ﾟ", "¥", "‾", "や", "ま", "山", "田", "―", "—", "～", "丂", "鄧",
        "홍", "길", "洪", "張", "张", "东", "東", "王", "小", "乗", "⊕", "♁", "𠀀",
    };

    private SampleCharsets() {
    }

    /** A random string of up to {@code maxLength} pool characters, with CR LF allowed when {@code lines}. */
    static String randomString(Random random, int maxLength, boolean lines) {
        return randomString(random, maxLength, lines, List.of(POOL));
    }

    /** Like {@link #randomString(Random, int, boolean)}, from the pool characters {@code cs} can encode. */
    static String randomEncodable(Random random, int maxLength, boolean lines, SpecificCharacterSet cs) {
        return randomString(random, maxLength, lines, Stream.of(POOL).filter(cs::canEncode).toList());
    }

    private static String randomString(Random random, int maxLength, boolean lines, List<String> pool) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) {
            if (lines && random.nextInt(10) == 0) {
                s.append("\r\n");
            } else {
                s.append(pool.get(random.nextInt(pool.size())));
            }
        }
        return s.toString();
    }
}
