package org.hrnode.storage.quality;

import java.time.Instant;
import java.util.List;

/**
 * One stored instance with what the index knows of its storage and its quality judgement, for a study's status page.
 * Quality fields are null for instances stored before quality was judged.
 *
 * @param metadataJson the instance's DICOM JSON (no bulk data), from which pixel geometry can be read
 */
public record InstanceQuality(String seriesInstanceUid, String modality, String sopInstanceUid,
                              String transferSyntaxUid, long sizeBytes, Instant arrivedAt, String institutionCode,
                              Instant acquiredAt, String acquisitionSource, String timeliness, Long latenessSeconds,
                              List<String> missingFields, List<String> defects, Boolean arrivedLossless,
                              String metadataJson) {
}
