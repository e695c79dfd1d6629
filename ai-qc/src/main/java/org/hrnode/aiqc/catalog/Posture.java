package org.hrnode.aiqc.catalog;

/** The patient's posture a DR item names: 立位/站立 or 卧位; {@link #ANY} when the item names none. */
public enum Posture {
    ANY(""),
    ERECT("立位"),
    SUPINE("卧位");

    private final String zh;

    Posture(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
