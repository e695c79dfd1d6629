package org.hrnode.aiqc.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * One instance of the study to judge: its dataset and the transfer syntax its Pixel Data is in. {@link #headerOnly}
 * instances (DICOM JSON without bulk data) get the header rules only; their image checks say not applicable.
 * {@link #withPixelsOnDemand} instances carry headers and load their pixels only if the image metrics sample them,
 * so judging a 1000-slice CT series reads the few objects measured, not the series.
 *
 * @param loader where the full dataset (with Pixel Data) comes from; null when {@code dataset} already holds it or
 *     no pixels are supplied
 */
public record InstanceInput(Dataset dataset, TransferSyntax transferSyntax, boolean pixelsSupplied,
                            PixelLoader loader) {

    /**
     * A full dataset and the syntax its Pixel Data is in, as read: that may differ from the header's, since the
     * archive may have re-encoded the object losslessly between the two reads.
     *
     * @param frame the decoded frame every engine judging this image shares, so it is decoded once
     */
    public record LoadedPixels(Dataset dataset, TransferSyntax transferSyntax, DecodedFrame frame) {

        public LoadedPixels {
            Objects.requireNonNull(frame, "frame");
        }

        public LoadedPixels(Dataset dataset, TransferSyntax transferSyntax) {
            this(dataset, transferSyntax, new DecodedFrame(dataset, transferSyntax));
        }
    }

    /** Reads the full dataset of an instance, Pixel Data included. */
    @FunctionalInterface
    public interface PixelLoader {
        LoadedPixels load() throws IOException;
    }

    public InstanceInput {
        Objects.requireNonNull(dataset, "dataset");
        if (pixelsSupplied) {
            Objects.requireNonNull(transferSyntax, "transferSyntax of an instance with pixels");
        }
    }

    public static InstanceInput withPixels(Dataset dataset, TransferSyntax transferSyntax) {
        return new InstanceInput(dataset, transferSyntax, true, null);
    }

    /** Headers now, pixels from {@code pixels} when an image check needs them. */
    public static InstanceInput withPixelsOnDemand(Dataset header, TransferSyntax transferSyntax, PixelLoader loader) {
        return new InstanceInput(header, transferSyntax, true, Objects.requireNonNull(loader, "loader"));
    }

    public static InstanceInput headerOnly(Dataset dataset) {
        return new InstanceInput(dataset, null, false, null);
    }

    /**
     * The dataset with its Pixel Data and that data's transfer syntax: {@link #dataset()} itself, or loaded now.
     *
     * @throws UncheckedIOException if the stored object cannot be read: the study cannot be judged now (a storage
     *     problem, not a property of the image), so it must not be graded as undecodable
     */
    public LoadedPixels loadPixels() {
        if (loader == null) {
            return new LoadedPixels(dataset, transferSyntax);
        }
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the stored object to measure its pixels: " + e.getMessage(), e);
        }
    }
}
