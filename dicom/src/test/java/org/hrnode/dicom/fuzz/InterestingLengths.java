package org.hrnode.dicom.fuzz;

import java.util.SplittableRandom;

/**
 * Value lengths that break parsers: zero, one and odd lengths, the undefined length, the largest signed and
 * unsigned values (where int overflow and huge allocations hide), and lengths just short of, at and just past what
 * the input still holds (off-by-one in the remaining-bytes check).
 */
final class InterestingLengths {

    private static final int UNDEFINED = 0xFFFF_FFFF;
    private static final int[] FIXED_32 = {0, 1, 2, 3, 0xFF, 0xFFFE, 0xFFFF, 0x1_0000, 0x7FFF_FFFF, 0x8000_0000,
        0xFFFF_FFFE, UNDEFINED};
    private static final int[] FIXED_16 = {0, 1, 2, 3, 0xFF, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF};
    /** How far around the input and remaining lengths the "near the edge" lengths are spread. */
    private static final int EDGE_SPREAD = 8;
    private static final int MAX_SMALL_ODD = 255;
    /** Fixed, near the input length, near the remaining length, small odd. */
    private static final int KINDS_32 = 4;
    /** Fixed, near the remaining length, small odd. */
    private static final int KINDS_16 = 3;

    private InterestingLengths() {
    }

    /** A 32-bit length for an input of {@code inputLength} bytes with {@code remaining} bytes after the field. */
    static int pick32(int inputLength, int remaining, SplittableRandom rnd) {
        return switch (rnd.nextInt(KINDS_32)) {
            case 0 -> FIXED_32[rnd.nextInt(FIXED_32.length)];
            case 1 -> near(inputLength, rnd);
            case 2 -> near(remaining, rnd);
            default -> oddSmall(rnd);
        };
    }

    /** A 16-bit length with {@code remaining} bytes after the field. */
    static int pick16(int remaining, SplittableRandom rnd) {
        return switch (rnd.nextInt(KINDS_16)) {
            case 0 -> FIXED_16[rnd.nextInt(FIXED_16.length)];
            case 1 -> near(Math.min(remaining, FIXED_16[FIXED_16.length - 1]), rnd) & 0xFFFF;
            default -> oddSmall(rnd);
        };
    }

    private static int near(int length, SplittableRandom rnd) {
        return Math.max(0, length + rnd.nextInt(-EDGE_SPREAD, EDGE_SPREAD + 1));
    }

    private static int oddSmall(SplittableRandom rnd) {
        return rnd.nextInt(MAX_SMALL_ODD / 2 + 1) * 2 + 1;
    }
}
