package org.hrnode.aiqc.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue's three categories (DR, CT, MR; the TSV writes MR as "MR" or "MRI") and the DICOM Modality values
 * each one takes. Mammography (MG) is filed under DR by the catalogue (items 62–64, 钼靶).
 */
public enum CatalogModality {
    DR("DR"),
    CT("CT"),
    MR("MR");

    private final String label;

    CatalogModality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The category column of the catalogue: DR, CT, MR or MRI. */
    public static CatalogModality ofCatalogLabel(String label) {
        return switch (label.strip().toUpperCase(Locale.ROOT)) {
            case "DR" -> DR;
            case "CT" -> CT;
            case "MR", "MRI" -> MR;
            default -> throw new IllegalArgumentException("unknown catalogue category '" + label + "'");
        };
    }

    /**
     * The category of a DICOM Modality value: CR, DX, DR (written by some consoles) and MG are DR; "MRI" (not a
     * PS3.3 term, seen in practice) is MR. Empty for everything else, including non-image objects (SR, PR, KO…).
     */
    public static Optional<CatalogModality> ofDicom(String modality) {
        if (modality == null) {
            return Optional.empty();
        }
        return switch (modality.strip().toUpperCase(Locale.ROOT)) {
            case "CR", "DX", "DR", "MG", "RG" -> Optional.of(DR);
            case "CT" -> Optional.of(CT);
            case "MR", "MRI" -> Optional.of(MR);
            default -> Optional.empty();
        };
    }
}
