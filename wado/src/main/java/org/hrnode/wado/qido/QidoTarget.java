package org.hrnode.wado.qido;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * The six QIDO-RS search resources (PS3.18 §10.6.1): what they return one match per, which UIDs their path fixes, and
 * the attributes each match carries unasked (PS3.18 Table 10.6.3-3). A search not scoped to one study returns the
 * study attributes too, and an instance search not scoped to one series the series attributes (PS3.18 §10.6.3.3).
 */
public enum QidoTarget {
    /** {@code /studies} */
    ALL_STUDIES(QueryLevel.STUDY, false, false),
    /** {@code /series} */
    ALL_SERIES(QueryLevel.SERIES, false, false),
    /** {@code /studies/{study}/series} */
    STUDY_SERIES(QueryLevel.SERIES, true, false),
    /** {@code /instances} */
    ALL_INSTANCES(QueryLevel.IMAGE, false, false),
    /** {@code /studies/{study}/instances} */
    STUDY_INSTANCES(QueryLevel.IMAGE, true, false),
    /** {@code /studies/{study}/series/{series}/instances} */
    SERIES_INSTANCES(QueryLevel.IMAGE, true, true);

    /** Table 10.6.3-3, study level; Study Description added because every study list shows it. */
    private static final List<Integer> STUDY_DEFAULTS = List.of(Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber,
            Tag.InstanceAvailability, Tag.ModalitiesInStudy, Tag.ReferringPhysicianName, Tag.TimezoneOffsetFromUTC,
            Tag.RetrieveURL, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
            Tag.StudyInstanceUID, Tag.StudyID, Tag.StudyDescription, Tag.NumberOfStudyRelatedSeries,
            Tag.NumberOfStudyRelatedInstances);
    /** Table 10.6.3-3, series level. */
    private static final List<Integer> SERIES_DEFAULTS = List.of(Tag.Modality, Tag.TimezoneOffsetFromUTC,
            Tag.SeriesDescription, Tag.RetrieveURL, Tag.SeriesInstanceUID, Tag.SeriesNumber,
            Tag.NumberOfSeriesRelatedInstances, Tag.PerformedProcedureStepStartDate,
            Tag.PerformedProcedureStepStartTime, Tag.RequestAttributesSequence);
    /** Table 10.6.3-3, instance level. */
    private static final List<Integer> INSTANCE_DEFAULTS = List.of(Tag.SOPClassUID, Tag.SOPInstanceUID,
            Tag.InstanceAvailability, Tag.TimezoneOffsetFromUTC, Tag.RetrieveURL, Tag.InstanceNumber, Tag.Rows,
            Tag.Columns, Tag.BitsAllocated, Tag.NumberOfFrames);

    private final QueryLevel level;
    private final boolean studyInPath;
    private final boolean seriesInPath;

    QidoTarget(QueryLevel level, boolean studyInPath, boolean seriesInPath) {
        this.level = level;
        this.studyInPath = studyInPath;
        this.seriesInPath = seriesInPath;
    }

    public QueryLevel level() {
        return level;
    }

    public boolean studyInPath() {
        return studyInPath;
    }

    public boolean seriesInPath() {
        return seriesInPath;
    }

    /** The attributes every match carries unasked, before {@code includefield} adds more. */
    public List<Integer> defaultAttributes() {
        List<Integer> tags = new ArrayList<>();
        if (!studyInPath) {
            tags.addAll(STUDY_DEFAULTS);
        }
        if (level != QueryLevel.STUDY && !seriesInPath) {
            tags.addAll(SERIES_DEFAULTS);
        }
        if (level == QueryLevel.IMAGE) {
            tags.addAll(INSTANCE_DEFAULTS);
        }
        return Collections.unmodifiableList(tags);
    }
}
