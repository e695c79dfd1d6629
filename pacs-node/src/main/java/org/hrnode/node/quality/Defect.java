package org.hrnode.node.quality;

/**
 * The accuracy checks of QCspec §7.1.4 (准确性) that can be decided from an image's header; an instance passes when
 * it has none of these. The names are stable: they are stored in the index and returned by the API.
 */
public enum Defect {
    /** Study Date present but not a valid DICOM date. */
    STUDY_DATE_INVALID,
    /** Study Time present but not a valid DICOM time. */
    STUDY_TIME_INVALID,
    /** Study Date later than the day the object arrived. */
    STUDY_DATE_IN_FUTURE,
    /** Patient's Birth Date present but not a valid DICOM date. */
    BIRTH_DATE_INVALID,
    /** Patient's Birth Date after the Study Date. */
    BIRTH_DATE_AFTER_STUDY,
    /** Acquired after it arrived, beyond the clock tolerance (see {@link Timeliness#CLOCK_SKEW}). */
    ACQUISITION_AFTER_ARRIVAL,
    /** A Study, Series, SOP Instance or SOP Class UID that breaks PS3.5 §9 (digits and dots, max 64). */
    UID_SYNTAX,
    /** Patient's Sex present but not M, F or O. */
    PATIENT_SEX_CODE,
    /** Patient ID shaped like a GB 11643 identity number whose check character is wrong. */
    ID_CARD_CHECKSUM,
    /** Patient ID is a valid identity number whose birth date differs from Patient's Birth Date. */
    ID_CARD_BIRTH_DATE,
    /** Body Part Examined impossible for the modality (e.g. mammography of anything but the breast). */
    BODY_PART_MODALITY,
    /** The header could not be judged at all (a value the checks cannot read); stored anyway, counted inaccurate. */
    NOT_JUDGEABLE
}
