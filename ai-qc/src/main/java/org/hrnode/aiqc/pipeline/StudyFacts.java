package org.hrnode.aiqc.pipeline;

import java.time.LocalDate;
import java.util.List;

/**
 * What the archive knows of a study beyond its assessment, for {@link HrEligibility}.
 *
 * @param institutionCode the sending institution's programme code (AE registry), or null when unknown
 * @param examDate        the day of the examination (Study Date, else the earliest acquisition), or null
 * @param storedLossless  every instance is stored uncompressed or losslessly compressed and none says its pixels
 *                        went through lossy compression (an image still waiting for compression counts: its
 *                        source is uncompressed)
 * @param lateUpload      at least one instance was uploaded late (QC spec §7.1.1)
 * @param recognitions    the institution's recognitions, all items and periods; empty when none or unknown
 */
public record StudyFacts(String institutionCode, LocalDate examDate, boolean storedLossless,
                         boolean lateUpload, List<Recognition> recognitions) {

    public StudyFacts {
        recognitions = List.copyOf(recognitions);
    }
}
