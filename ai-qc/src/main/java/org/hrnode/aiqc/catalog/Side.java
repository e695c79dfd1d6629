package org.hrnode.aiqc.catalog;

/** Which side an item examines: 左, 右, 双 (both), or none stated. */
public enum Side {
    LEFT("左"),
    RIGHT("右"),
    BOTH("双"),
    UNSPECIFIED("");

    private final String zh;

    Side(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public Side opposite() {
        return switch (this) {
            case LEFT -> RIGHT;
            case RIGHT -> LEFT;
            default -> this;
        };
    }
}
