package org.hrnode.aiqc.model;

import java.util.Locale;

/**
 * The model's modality input: four families whose images and artefacts look alike. It is fed to the network as
 * one-hot constant planes beside the image, so one small network serves all modalities.
 */
public enum QcModality {
    CT,
    MR,
    /** Projection radiography: CR, DX, MG, RF, XA, IO, PX and the retired RG. */
    PROJECTION,
    OTHER;

    /** The family of a DICOM Modality (0008,0060) value; unknown or absent values are {@link #OTHER}. */
    public static QcModality ofDicom(String modality) {
        if (modality == null) {
            return OTHER;
        }
        return switch (modality.strip().toUpperCase(Locale.ROOT)) {
            case "CT" -> CT;
            case "MR" -> MR;
            case "CR", "DX", "MG", "RF", "XA", "IO", "PX", "RG", "DR" -> PROJECTION;
            default -> OTHER;
        };
    }
}
