package org.hrnode.aiqc.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One of the 141 items of 川渝 mutual recognition (spec Appendix A), normalised.
 *
 * @param no         the item number, 1–141
 * @param name       the item as the catalogue writes it (左侧膝关节正侧位摄影)
 * @param modality   DR, CT or MR (the catalogue's "MRI" is MR)
 * @param section    the catalogue's body-part column, normalised (头 → 头部, 颈 → 颈部)
 * @param region     the body region examined
 * @param side       the side the item names; {@link Side#UNSPECIFIED} when it names none
 * @param views      the projections a DR item requires, in the order named (双斜位 = OBLIQUE twice); empty for CT,
 *                   MR and radiographs that name none
 * @param posture    立位 or 卧位 when the item names one
 * @param contrast   平扫 or 增强 for CT and MR
 * @param population 婴幼儿 for the infant chest, else general
 * @param mammography whether the item is a mammogram (钼靶, DICOM Modality MG)
 */
public record CatalogItem(int no, String name, CatalogModality modality, String section, Region region, Side side,
                          List<View> views, Posture posture, Contrast contrast, Population population,
                          boolean mammography) {

    public CatalogItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(region, "region");
        views = List.copyOf(views);
    }

    /**
     * Whether a study must state its laterality to be this item: the item names a side, or examines a paired part
     * (髋关节正位 examines one hip or both, and the images must say which).
     */
    public boolean requiresLaterality() {
        return side != Side.UNSPECIFIED || region.paired();
    }

    /** How many images the item needs at least: one per view, one when it names none. */
    public int minimumImages() {
        return Math.max(1, views.size());
    }
}
