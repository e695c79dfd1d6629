package org.hrnode.storage.quality;

import java.time.Duration;
import java.time.Instant;

/**
 * The raw counts behind one institution's quality report for one period: everything is counted over the instances
 * that <em>arrived</em> in the period, and the studies they belong to. Percentages are the application's business.
 *
 * @param instances            instances that arrived in the period
 * @param studies              distinct studies among them
 * @param onTimeStudies        studies whose every instance arrived within the lateness limit of its acquisition
 * @param lateStudies          studies with at least one late instance
 * @param unknownTimeStudies   studies with no late instance but one whose acquisition time is unknown
 * @param clockSkewStudies     studies with none of the above but an instance acquired "in the future"
 * @param requiredFields       required fields summed over the instances judged
 * @param presentFields        of which present
 * @param judgedInstances      instances carrying a quality judgement (all, except those stored before it existed)
 * @param validInstances       judged instances without any validation defect
 * @param losslessInstances    judged instances that arrived lossless-compressed
 * @param firstArrival         first arrival in the period, null with no instance
 * @param lastArrival          last arrival in the period, null with no instance
 * @param longestGap           longest time between two consecutive arrivals, null with fewer than two
 * @param longestGapStart      the arrival that opened that gap, null with fewer than two
 */
public record PeriodCounts(long instances, long studies, long onTimeStudies, long lateStudies,
                           long unknownTimeStudies, long clockSkewStudies, long requiredFields, long presentFields,
                           long judgedInstances, long validInstances, long losslessInstances, Instant firstArrival,
                           Instant lastArrival, Duration longestGap, Instant longestGapStart) {
}
