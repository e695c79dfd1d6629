package org.hrnode.aiqc.catalog;

/** Whom an item is for: anyone, or infants and young children (婴幼儿, taken here as under 3 years). */
public enum Population {
    GENERAL(""),
    INFANT("婴幼儿");

    /** The age below which a patient counts as 婴幼儿. */
    public static final int INFANT_BELOW_YEARS = 3;

    private final String zh;

    Population(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
