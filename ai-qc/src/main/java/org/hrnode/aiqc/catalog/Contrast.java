package org.hrnode.aiqc.catalog;

/** 平扫 or 增强 for CT and MR items; radiographs have neither. */
public enum Contrast {
    NOT_APPLICABLE(""),
    PLAIN("平扫"),
    ENHANCED("增强");

    private final String zh;

    Contrast(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
