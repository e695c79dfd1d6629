package org.hrnode.node.quality;

import java.time.Instant;
import java.util.List;

/**
 * What the node holds of one study and how its upload went: per instance, per series and for the study. Roll-ups
 * are computed when asked (never maintained at ingest), so they always match the instances listed.
 *
 * @param transferSyntaxes the distinct stored transfer syntaxes
 * @param compressionRatio decoded pixel bytes ÷ stored bytes over the compressed instances whose geometry is known;
 *                         null when there are none
 * @param defects          the distinct accuracy defects of its instances, and {@code MISSING:<field>} for each
 *                         required field some instance lacks
 */
public record StudyStatus(String studyInstanceUid, String institutionCode, int instanceCount,
                          List<String> transferSyntaxes, long storedBytes, Double compressionRatio,
                          Instant firstArrival, Instant lastArrival, Long worstLatenessSeconds,
                          Timeliness timeliness, List<String> defects, List<SeriesStatus> series,
                          List<InstanceStatus> instances) {

    /** One series' roll-up. */
    public record SeriesStatus(String seriesInstanceUid, String modality, int instanceCount, Instant firstArrival,
                               Instant lastArrival, Long worstLatenessSeconds, Timeliness timeliness) {
    }

    /** One instance as stored and judged; quality fields null for instances stored before they were judged. */
    public record InstanceStatus(String sopInstanceUid, String seriesInstanceUid, String transferSyntaxUid,
                                 long sizeBytes, Double compressionRatio, Boolean arrivedLossless,
                                 Instant arrivedAt, Instant acquiredAt, String acquisitionSource, String timeliness,
                                 Long latenessSeconds, List<String> missingFields, List<String> defects) {
    }
}
