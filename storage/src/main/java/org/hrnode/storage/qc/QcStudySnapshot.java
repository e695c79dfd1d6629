package org.hrnode.storage.qc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the index holds of one study for judging it: study facts and each current instance with its header.
 *
 * @param institutionCode the programme code of the sending institution, or null
 * @param studyDate       Study Date, or null when absent or unparseable
 * @param instances       ordered by series number, series, instance number
 */
public record QcStudySnapshot(String studyInstanceUid, String institutionCode, LocalDate studyDate,
                              List<Instance> instances) {

    public QcStudySnapshot {
        instances = List.copyOf(instances);
    }

    /**
     * @param metadataJson        DICOM JSON of the header (no bulk data), or null when the index has none
     * @param timeliness          ON_TIME, LATE, UNKNOWN, CLOCK_SKEW, or null when not judged
     * @param acquiredAt          the acquisition moment, or null
     * @param awaitingCompression still stored uncompressed, queued for lossless compression
     */
    public record Instance(String seriesInstanceUid, String sopInstanceUid, String transferSyntaxUid, String blobKey,
                           String metadataJson, String timeliness, Instant acquiredAt, boolean awaitingCompression) {
    }
}
