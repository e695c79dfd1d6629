package org.hrnode.dicom.dict;

/**
 * A dictionary tag pattern such as {@code 00100010}, {@code 60xx3000} or {@code 0019xx0C}: the digits marked
 * {@code x} may take any value, the others must match.
 *
 * @param value the tag with the x digits zero
 * @param mask  the bits a tag must share with {@code value} to match
 */
record TagPattern(int value, int mask) {

    private static final int DIGITS = 8;
    private static final int GROUP_DIGITS = 4;
    private static final int BITS_PER_DIGIT = 4;
    private static final int DIGIT_MASK = 0xF;
    private static final int HEX = 16;
    private static final int EXACT = 0xFFFFFFFF;
    private static final int GROUP_LOW_BIT = 0x00010000;

    static TagPattern parse(String text) {
        if (text.length() != DIGITS) {
            throw new IllegalStateException("not a tag pattern: '" + text + "'");
        }
        int value = 0;
        int mask = 0;
        for (int i = 0; i < DIGITS; i++) {
            int shift = (DIGITS - 1 - i) * BITS_PER_DIGIT;
            char c = text.charAt(i);
            if (c == 'x') {
                continue;
            }
            int digit = Character.digit(c, HEX);
            if (digit < 0) {
                throw new IllegalStateException("not a tag pattern: '" + text + "'");
            }
            value |= digit << shift;
            mask |= DIGIT_MASK << shift;
        }
        return new TagPattern(value, mask);
    }

    boolean isExact() {
        return mask == EXACT;
    }

    boolean matches(int tag) {
        return (tag & mask) == value;
    }

    /**
     * For standard repeating groups (50xx, 60xx, 7Fxx): the same pattern restricted to even groups, because an
     * odd group is private and (6001,3000) is not Overlay Data. Patterns with a fixed group are returned as is.
     */
    TagPattern evenGroupsOnly() {
        int groupMask = EXACT << (GROUP_DIGITS * BITS_PER_DIGIT);
        boolean groupVaries = (mask & groupMask) != groupMask;
        return groupVaries ? new TagPattern(value, mask | GROUP_LOW_BIT) : this;
    }
}
