package org.hrnode.dicom.data;

import java.math.BigDecimal;

/** Formatting of numbers as DS values, which PS3.5 limits to 16 characters. */
public final class DecimalStrings {

    private static final int MAX_DS_LENGTH = 16;

    private DecimalStrings() {
    }

    /** Shortest text that reads back as {@code value}, trimmed to fit DS's 16 characters where possible. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = Double.toString(value);
        if (s.length() <= MAX_DS_LENGTH) {
            return s;
        }
        // Reduce precision until it fits: DS can't hold all 17 significant digits of a double. Start from the
        // shortest representation, not new BigDecimal(value): that expands a tiny or huge double exactly, to hundreds
        // of digits, and made each value cost tens of kilobytes (found by fuzzing getStrings on FD values).
        BigDecimal shortest = new BigDecimal(s);
        for (int precision = MAX_DS_LENGTH - 1; precision > 0; precision--) {
            String t = shortest.round(new java.math.MathContext(precision)).stripTrailingZeros()
                    .toString();
            if (t.length() <= MAX_DS_LENGTH) {
                return t;
            }
        }
        return s;
    }
}
