package org.hrnode.aiqc.catalog;

/** A radiographic projection named by a DR item (正位, 侧位 …). PA and AP are both {@link #FRONTAL}. */
public enum View {
    FRONTAL("正位"),
    LATERAL("侧位"),
    OBLIQUE("斜位"),
    AXIAL("轴位"),
    OPEN_MOUTH("张口位"),
    FLEXION("过屈位"),
    EXTENSION("过伸位"),
    MLO("轴斜位"),
    CC("头尾位");

    private final String zh;

    View(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /**
     * The projection an image of this view carries in View Position: an open-mouth odontoid view is taken AP,
     * flexion and extension are laterals.
     */
    public View imagedAs() {
        return switch (this) {
            case OPEN_MOUTH -> FRONTAL;
            case FLEXION, EXTENSION -> LATERAL;
            default -> this;
        };
    }
}
