package org.hrnode.aiqc.check;

import java.util.Objects;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * One instance of the study to judge: its dataset and the transfer syntax its Pixel Data is in. A dataset read
 * with Pixel Data as bulk data (a reference into the stored file) is fine: pixels are read when the image metrics
 * need them, and only for the images they sample. {@link #headerOnly} instances (DICOM JSON without bulk data)
 * get the header rules only; their image checks say not applicable.
 */
public record InstanceInput(Dataset dataset, TransferSyntax transferSyntax, boolean pixelsSupplied) {

    public InstanceInput {
        Objects.requireNonNull(dataset, "dataset");
        if (pixelsSupplied) {
            Objects.requireNonNull(transferSyntax, "transferSyntax of an instance with pixels");
        }
    }

    public static InstanceInput withPixels(Dataset dataset, TransferSyntax transferSyntax) {
        return new InstanceInput(dataset, transferSyntax, true);
    }

    public static InstanceInput headerOnly(Dataset dataset) {
        return new InstanceInput(dataset, null, false);
    }
}
