package org.hrnode.storage.index;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the application judged about an arriving instance for the programme's data-quality metrics (timeliness,
 * completeness, accuracy, lossless upload), recorded beside the instance so the metrics are plain SQL aggregates.
 * The index stores these facts as given; the rules that produce them live in the application.
 *
 * @param acquiredAt          the acquisition moment, or null when the object states no usable time
 * @param acquisitionSource   the attribute(s) that gave it, e.g. {@code AcquisitionDateTime}; null with no time
 * @param timeliness          the verdict's name, e.g. {@code ON_TIME}, {@code LATE}, {@code UNKNOWN}
 * @param latenessSeconds     arrival minus acquisition in seconds, or null with no usable time
 * @param requiredFieldCount  how many fields the programme requires of this kind of object
 * @param missingFields       which of them were absent or empty (keywords)
 * @param defects             validation failures, as short stable codes (e.g. {@code PATIENT_SEX_CODE})
 * @param arrivedLossless     whether the object arrived already lossless-compressed (encapsulated, lossless syntax)
 */
public record QualityFacts(Instant acquiredAt, String acquisitionSource, String timeliness, Long latenessSeconds,
                           int requiredFieldCount, List<String> missingFields, List<String> defects,
                           boolean arrivedLossless) {

    public QualityFacts {
        Objects.requireNonNull(timeliness, "timeliness");
        missingFields = List.copyOf(missingFields);
        defects = List.copyOf(defects);
        if (requiredFieldCount < missingFields.size()) {
            throw new IllegalArgumentException("more missing fields than required ones");
        }
    }
}
