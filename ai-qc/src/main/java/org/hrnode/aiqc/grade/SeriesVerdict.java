package org.hrnode.aiqc.grade;

import java.util.List;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.ModalityFamily;

/**
 * One series: the mean score of its judged images minus its series-level deductions.
 *
 * @param images the judged images (a sample of at most {@code maxImagesPerSeries} for pixel measures, plus any
 *               image with header results of its own)
 */
public record SeriesVerdict(String seriesInstanceUid, ModalityFamily family, double score, int diagnosticImages,
        List<ImageVerdict> images, List<CheckResult> results) {

    public SeriesVerdict {
        images = List.copyOf(images);
        results = List.copyOf(results);
    }
}
