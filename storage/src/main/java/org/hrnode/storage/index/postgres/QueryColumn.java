package org.hrnode.storage.index.postgres;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.query.InformationModel;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * Where the index keeps each attribute a query can match or return: the table (by its alias in the query: {@code p}
 * patients, {@code st} studies, {@code se} series, {@code i} instances), the SQL expression, and how the value is
 * typed. Attributes not listed here are returned empty (and, as matching keys, ignored).
 *
 * @param tag        the attribute
 * @param level      the level it belongs to; usable in queries at that level or below
 * @param expression column (for person names, the base of {@link PersonNameColumns}) or computed subquery
 * @param kind       how values are typed, matched and returned
 */
record QueryColumn(int tag, QueryLevel level, String expression, Kind kind) {

    /** How a column's values are typed, matched and turned back into DICOM values. */
    enum Kind {
        /** Text matched case-sensitively: single value, wild card, list. */
        TEXT,
        /** UID: single value or UID list. */
        UID,
        /** Person Name: see {@link QuerySqlBuilder}. */
        PERSON_NAME,
        DATE,
        TIME,
        DATE_TIME,
        /** Integer column returned as IS or US by the attribute's VR: single value or list. */
        INTEGER,
        /** Computed count, returned only. */
        COUNT,
        /** A text[] of UIDs returned as a multi-valued attribute; matches if any element is one of the values. */
        UID_SET,
        /** Modalities in Study, computed from the series; matched as "any series has this modality". */
        MODALITIES
    }

    private static final String COUNT_STUDIES_OF_PATIENT = "(SELECT count(*) FROM studies x WHERE x.patient_fk = p.pk)";
    private static final String COUNT_SERIES_OF_PATIENT = """
            (SELECT count(*) FROM series x JOIN studies y ON y.pk = x.study_fk WHERE y.patient_fk = p.pk)""";
    private static final String COUNT_INSTANCES_OF_PATIENT = """
            (SELECT count(*) FROM instances x JOIN series y ON y.pk = x.series_fk JOIN studies z ON z.pk = y.study_fk
             WHERE z.patient_fk = p.pk)""";
    // Maintained by InstanceWriter (V7): reading them costs nothing, counting instances per study would not.
    private static final String COUNT_SERIES_OF_STUDY = "st.number_of_series";
    private static final String COUNT_INSTANCES_OF_STUDY = "st.number_of_instances";
    private static final String COUNT_INSTANCES_OF_SERIES = "se.number_of_instances";
    static final String MODALITIES_OF_STUDY = """
            (SELECT string_agg(DISTINCT x.modality, '\\' ORDER BY x.modality) FROM series x WHERE x.study_fk = st.pk)""";

    private static final List<QueryColumn> ALL = List.of(
            new QueryColumn(Tag.PatientID, QueryLevel.PATIENT, "p.patient_id", Kind.TEXT),
            new QueryColumn(Tag.IssuerOfPatientID, QueryLevel.PATIENT, "p.issuer_of_patient_id", Kind.TEXT),
            new QueryColumn(Tag.PatientName, QueryLevel.PATIENT, "p.patient_name", Kind.PERSON_NAME),
            new QueryColumn(Tag.PatientBirthDate, QueryLevel.PATIENT, "p.patient_birth_date", Kind.DATE),
            new QueryColumn(Tag.PatientSex, QueryLevel.PATIENT, "p.patient_sex", Kind.TEXT),
            new QueryColumn(Tag.NumberOfPatientRelatedStudies, QueryLevel.PATIENT, COUNT_STUDIES_OF_PATIENT,
                    Kind.COUNT),
            new QueryColumn(Tag.NumberOfPatientRelatedSeries, QueryLevel.PATIENT, COUNT_SERIES_OF_PATIENT, Kind.COUNT),
            new QueryColumn(Tag.NumberOfPatientRelatedInstances, QueryLevel.PATIENT, COUNT_INSTANCES_OF_PATIENT,
                    Kind.COUNT),

            new QueryColumn(Tag.StudyInstanceUID, QueryLevel.STUDY, "st.study_instance_uid", Kind.UID),
            new QueryColumn(Tag.StudyDate, QueryLevel.STUDY, "st.study_date", Kind.DATE),
            new QueryColumn(Tag.StudyTime, QueryLevel.STUDY, "st.study_time", Kind.TIME),
            new QueryColumn(Tag.AccessionNumber, QueryLevel.STUDY, "st.accession_number", Kind.TEXT),
            new QueryColumn(Tag.StudyID, QueryLevel.STUDY, "st.study_id", Kind.TEXT),
            new QueryColumn(Tag.StudyDescription, QueryLevel.STUDY, "st.study_description", Kind.TEXT),
            new QueryColumn(Tag.ReferringPhysicianName, QueryLevel.STUDY, "st.referring_physician_name",
                    Kind.PERSON_NAME),
            new QueryColumn(Tag.InstitutionName, QueryLevel.STUDY, "st.institution_name", Kind.TEXT),
            new QueryColumn(Tag.ModalitiesInStudy, QueryLevel.STUDY, MODALITIES_OF_STUDY, Kind.MODALITIES),
            new QueryColumn(Tag.NumberOfStudyRelatedSeries, QueryLevel.STUDY, COUNT_SERIES_OF_STUDY, Kind.COUNT),
            new QueryColumn(Tag.NumberOfStudyRelatedInstances, QueryLevel.STUDY, COUNT_INSTANCES_OF_STUDY,
                    Kind.COUNT),
            new QueryColumn(Tag.SOPClassesInStudy, QueryLevel.STUDY, "st.sop_classes_in_study", Kind.UID_SET),

            new QueryColumn(Tag.SeriesInstanceUID, QueryLevel.SERIES, "se.series_instance_uid", Kind.UID),
            new QueryColumn(Tag.Modality, QueryLevel.SERIES, "se.modality", Kind.TEXT),
            new QueryColumn(Tag.SeriesNumber, QueryLevel.SERIES, "se.series_number", Kind.INTEGER),
            new QueryColumn(Tag.SeriesDescription, QueryLevel.SERIES, "se.series_description", Kind.TEXT),
            new QueryColumn(Tag.BodyPartExamined, QueryLevel.SERIES, "se.body_part_examined", Kind.TEXT),
            new QueryColumn(Tag.SeriesDate, QueryLevel.SERIES, "se.series_date", Kind.DATE),
            new QueryColumn(Tag.SeriesTime, QueryLevel.SERIES, "se.series_time", Kind.TIME),
            new QueryColumn(Tag.NumberOfSeriesRelatedInstances, QueryLevel.SERIES, COUNT_INSTANCES_OF_SERIES,
                    Kind.COUNT),

            new QueryColumn(Tag.SOPInstanceUID, QueryLevel.IMAGE, "i.sop_instance_uid", Kind.UID),
            new QueryColumn(Tag.SOPClassUID, QueryLevel.IMAGE, "i.sop_class_uid", Kind.UID),
            new QueryColumn(Tag.InstanceNumber, QueryLevel.IMAGE, "i.instance_number", Kind.INTEGER),
            new QueryColumn(Tag.NumberOfFrames, QueryLevel.IMAGE, "i.number_of_frames", Kind.INTEGER),
            new QueryColumn(Tag.Rows, QueryLevel.IMAGE, "i.pixel_rows", Kind.INTEGER),
            new QueryColumn(Tag.Columns, QueryLevel.IMAGE, "i.pixel_columns", Kind.INTEGER),
            new QueryColumn(Tag.AcquisitionDateTime, QueryLevel.IMAGE, "i.acquisition_datetime", Kind.DATE_TIME),
            new QueryColumn(Tag.AvailableTransferSyntaxUID, QueryLevel.IMAGE, "i.transfer_syntax_uid", Kind.UID));

    private static final Map<Integer, QueryColumn> BY_TAG =
            ALL.stream().collect(Collectors.toUnmodifiableMap(QueryColumn::tag, Function.identity()));

    /** What the SELECT list reads for this column. */
    String selectExpression() {
        return kind == Kind.UID_SET ? "array_to_string(" + expression + ", '\\')" : expression;
    }

    /** The attributes a query at {@code level} can match or return: those of its level and above. */
    static Set<Integer> usableAt(QueryLevel level) {
        return ALL.stream().filter(c -> c.level().isAtOrAbove(level)).map(QueryColumn::tag)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@link #usableAt(QueryLevel)} without the counts, which are returned only. */
    static Set<Integer> matchableAt(QueryLevel level) {
        return ALL.stream().filter(c -> c.level().isAtOrAbove(level) && c.kind() != Kind.COUNT)
                .map(QueryColumn::tag).collect(Collectors.toUnmodifiableSet());
    }

    /** The column of {@code tag}, or null if the index does not hold it. */
    static QueryColumn of(int tag) {
        return BY_TAG.get(tag);
    }

    /** The column of {@code tag} if a query at {@code level} can use it, else null. */
    static QueryColumn usableAt(int tag, QueryLevel level) {
        QueryColumn column = BY_TAG.get(tag);
        return column != null && column.level().isAtOrAbove(level) ? column : null;
    }

    /**
     * The attributes every match at {@code level} carries, asked for or not: the unique key of each level from study
     * down to this one, and the Patient ID at patient level or in the Patient Root model.
     */
    static List<Integer> identifyingKeys(QueryLevel level, InformationModel model) {
        List<Integer> keys = new java.util.ArrayList<>();
        if (level == QueryLevel.PATIENT || model == InformationModel.PATIENT_ROOT) {
            keys.add(Tag.PatientID);
        }
        if (level != QueryLevel.PATIENT) {
            keys.add(Tag.StudyInstanceUID);
        }
        if (level == QueryLevel.SERIES || level == QueryLevel.IMAGE) {
            keys.add(Tag.SeriesInstanceUID);
        }
        if (level == QueryLevel.IMAGE) {
            keys.add(Tag.SOPInstanceUID);
        }
        return keys;
    }
}
