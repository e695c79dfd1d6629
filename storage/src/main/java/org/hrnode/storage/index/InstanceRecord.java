package org.hrnode.storage.index;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.PersonName;

/**
 * Everything the index records about one arriving instance, built by the application from the parsed header (usually
 * with {@link #fromDataset}) and the blob store's answer. Plain values only: the index never sees the object itself.
 *
 * <p>Absent attributes are null. Text is as decoded through the object's character set, so Chinese names arrive here
 * as Java strings whatever the sender's encoding.
 *
 * @param metadataJson DICOM JSON of the instance without bulk data, stored verbatim for return keys the columns do not
 *                     hold; null when the caller has none
 * @param quality      the application's data-quality judgement of the instance; null when it made none
 */
public record InstanceRecord(Patient patient, Study study, Series series, Instance instance, StoredObject stored,
                             ArrivalInfo arrival, String metadataJson, QualityFacts quality) {

    /** Patient level. {@code patientId} is "" when the object has none (all such objects share one patient). */
    public record Patient(String patientId, String issuerOfPatientId, PersonName name, LocalDate birthDate,
                          String sex) {
        public Patient {
            patientId = patientId == null ? "" : patientId;
            issuerOfPatientId = issuerOfPatientId == null ? "" : issuerOfPatientId;
        }
    }

    /** Study level. */
    public record Study(String studyInstanceUid, LocalDate studyDate, LocalTime studyTime, String accessionNumber,
                        String studyId, String description, PersonName referringPhysicianName,
                        String institutionName) {
        public Study {
            requireText(studyInstanceUid, "Study Instance UID (0020,000D)");
        }
    }

    /** Series level. */
    public record Series(String seriesInstanceUid, String modality, Integer seriesNumber, String description,
                         String bodyPartExamined, LocalDate seriesDate, LocalTime seriesTime) {
        public Series {
            requireText(seriesInstanceUid, "Series Instance UID (0020,000E)");
        }
    }

    /** Instance level. */
    public record Instance(String sopInstanceUid, String sopClassUid, Integer instanceNumber, Integer numberOfFrames,
                           Integer rows, Integer columns, LocalDateTime acquisitionDateTime) {
        public Instance {
            requireText(sopInstanceUid, "SOP Instance UID (0008,0018)");
            requireText(sopClassUid, "SOP Class UID (0008,0016)");
        }
    }

    public InstanceRecord {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(arrival, "arrival");
    }

    /**
     * Extracts the indexed attributes from an instance's header. Values that do not parse (a date that is not a DICOM
     * date, a non-numeric Series Number) are left out rather than refusing the object; they stay in the metadata.
     *
     * @param dataset the instance's dataset (pixel data need not be present)
     * @param stored  where its bytes were stored
     * @param arrival how it arrived
     * @throws IllegalArgumentException if a UID the index needs (study, series, SOP instance, SOP class) is missing
     */
    public static InstanceRecord fromDataset(Dataset dataset, StoredObject stored, ArrivalInfo arrival) {
        return DatasetAttributes.extract(dataset, stored, arrival);
    }

    /** The same record with DICOM JSON metadata attached. */
    public InstanceRecord withMetadataJson(String json) {
        return new InstanceRecord(patient, study, series, instance, stored, arrival, json, quality);
    }

    /** The same record with the data-quality judgement attached. */
    public InstanceRecord withQuality(QualityFacts facts) {
        return new InstanceRecord(patient, study, series, instance, stored, arrival, metadataJson, facts);
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing; the instance cannot be indexed without it");
        }
        return value;
    }
}
