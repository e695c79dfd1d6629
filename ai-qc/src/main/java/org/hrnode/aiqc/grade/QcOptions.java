package org.hrnode.aiqc.grade;

import java.time.ZoneId;

/**
 * How much of a study the image metrics look at and in which time zone header dates are read.
 *
 * @param maxImagesPerSeries images of a series measured with the pixel metrics, spread evenly through it: a
 *                           300-slice CT is judged on a sample, which keeps a study within the pipeline's time
 *                           budget; header rules always see every instance
 * @param zone               the zone DICOM dates and times (which carry none) are taken to be in
 */
public record QcOptions(int maxImagesPerSeries, ZoneId zone) {

    public static final QcOptions DEFAULT = new QcOptions(9, ZoneId.systemDefault());

    public QcOptions {
        if (maxImagesPerSeries < 1) {
            throw new IllegalArgumentException("maxImagesPerSeries must be at least 1, got " + maxImagesPerSeries);
        }
    }
}
