package org.hrnode.aiqc.check;

import java.util.Locale;

/**
 * The three kinds of examination the mutual-recognition programme covers (spec §6.1): radiography (DR, with CR and
 * DX, which is how DR devices label themselves in DICOM), CT and MR. Everything else is {@link #OTHER} and gets the
 * general checks only.
 */
public enum ModalityFamily {
    DR, CT, MR, OTHER;

    /** The family of a DICOM Modality (0008,0060) value; null or unknown values are {@link #OTHER}. */
    public static ModalityFamily of(String modality) {
        if (modality == null) {
            return OTHER;
        }
        return switch (modality.strip().toUpperCase(Locale.ROOT)) {
            case "DX", "CR", "DR", "RG", "PX" -> DR;
            case "CT" -> CT;
            case "MR" -> MR;
            default -> OTHER;
        };
    }
}
