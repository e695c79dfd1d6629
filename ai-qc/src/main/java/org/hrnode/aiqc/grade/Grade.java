package org.hrnode.aiqc.grade;

/**
 * The film grades of Chinese radiology quality control: 甲 correct positioning, suitable density and contrast,
 * sharp, no artefacts; 乙 positioning right, density or contrast not ideal; 丙 poor but still diagnosable; 废
 * not diagnostic. Declared best first.
 */
public enum Grade {
    JIA("甲"), YI("乙"), BING("丙"), FEI("废");

    private final String zh;

    Grade(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Whether this grade is {@code minimum} or better. */
    public boolean atLeast(Grade minimum) {
        return ordinal() <= minimum.ordinal();
    }
}
