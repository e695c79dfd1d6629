package org.hrnode.aiqc.pipeline;

import java.util.Locale;

/**
 * The quality grade of a study (川渝 spec §8): 甲 best, then 乙, 丙, and 废 (rejected). Declared best first, so
 * {@link #compareTo} orders from best to worst.
 */
public enum Grade {
    A("甲"),
    B("乙"),
    C("丙"),
    D("废");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    /** The grade as the spec writes it: 甲, 乙, 丙 or 废. */
    public String label() {
        return label;
    }

    /** Whether this grade is {@code minimum} or better. */
    public boolean isAtLeast(Grade minimum) {
        return compareTo(minimum) <= 0;
    }

    /** Parses 甲/乙/丙/废 or A/B/C/D (any case). */
    public static Grade parse(String text) {
        String t = text == null ? "" : text.trim();
        for (Grade g : values()) {
            if (g.label.equals(t) || g.name().equals(t.toUpperCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a grade: use 甲, 乙, 丙, 废 (or A, B, C, D)");
    }
}
