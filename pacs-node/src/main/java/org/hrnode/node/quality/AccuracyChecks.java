package org.hrnode.node.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.query.DicomDateTimes;

/**
 * Runs the {@link Defect} checks on an arriving object's header. Only what is decidable is checked: a missing value
 * is a completeness matter ({@link RequiredFields}), never an accuracy defect.
 */
public final class AccuracyChecks {

    /** PS3.5 §9.1: components of digits without leading zeros, separated by dots, at most 64 characters. */
    private static final Pattern UID = Pattern.compile("(0|[1-9]\\d*)(\\.(0|[1-9]\\d*))*");
    private static final int MAX_UID_LENGTH = 64;
    private static final Set<String> SEX_CODES = Set.of("M", "F", "O");
    private static final int[] UID_TAGS = {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID,
        Tag.SOPClassUID};
    /** Modalities whose body part is fixed by the modality itself; other combinations are not decidable. */
    private static final Map<String, String> BODY_PART_OF_MODALITY = Map.of("MG", "BREAST");

    private final ZoneId zone;

    /** @param zone the zone in which "the day the object arrived" is reckoned */
    public AccuracyChecks(ZoneId zone) {
        this.zone = zone;
    }

    /** The defects of {@code d}, which arrived at {@code arrival} and was acquired at {@code acquired}. */
    public List<Defect> check(Dataset d, Instant arrival, Optional<AcquisitionMoment> acquired) {
        List<Defect> defects = new ArrayList<>();
        String studyDateText = text(d, Tag.StudyDate);
        LocalDate studyDate = DicomDateTimes.parseDate(studyDateText);
        if (studyDateText != null && studyDate == null) {
            defects.add(Defect.STUDY_DATE_INVALID);
        }
        String studyTimeText = text(d, Tag.StudyTime);
        if (studyTimeText != null && DicomDateTimes.parseTime(studyTimeText) == null) {
            defects.add(Defect.STUDY_TIME_INVALID);
        }
        if (studyDate != null && studyDate.isAfter(arrival.atZone(zone).toLocalDate())) {
            defects.add(Defect.STUDY_DATE_IN_FUTURE);
        }
        String birthDateText = text(d, Tag.PatientBirthDate);
        LocalDate birthDate = DicomDateTimes.parseDate(birthDateText);
        if (birthDateText != null && birthDate == null) {
            defects.add(Defect.BIRTH_DATE_INVALID);
        }
        if (birthDate != null && studyDate != null && birthDate.isAfter(studyDate)) {
            defects.add(Defect.BIRTH_DATE_AFTER_STUDY);
        }
        if (acquired.isPresent()
                && acquired.get().at().isAfter(arrival.plus(TimelinessPolicy.CLOCK_SKEW_TOLERANCE))) {
            defects.add(Defect.ACQUISITION_AFTER_ARRIVAL);
        }
        for (int tag : UID_TAGS) {
            String uid = text(d, tag);
            if (uid != null && (uid.length() > MAX_UID_LENGTH || !UID.matcher(uid).matches())) {
                defects.add(Defect.UID_SYNTAX);
                break;
            }
        }
        String sex = text(d, Tag.PatientSex);
        if (sex != null && !SEX_CODES.contains(sex)) {
            defects.add(Defect.PATIENT_SEX_CODE);
        }
        checkIdCard(text(d, Tag.PatientID), birthDate, defects);
        String modality = text(d, Tag.Modality);
        String expectedBodyPart = modality == null ? null : BODY_PART_OF_MODALITY.get(modality);
        String bodyPart = text(d, Tag.BodyPartExamined);
        if (expectedBodyPart != null && bodyPart != null && !expectedBodyPart.equalsIgnoreCase(bodyPart)) {
            defects.add(Defect.BODY_PART_MODALITY);
        }
        return defects;
    }

    private static void checkIdCard(String patientId, LocalDate birthDate, List<Defect> defects) {
        if (!ResidentIdCard.looksLikeOne(patientId)) {
            return;
        }
        if (!ResidentIdCard.checksumValid(patientId)) {
            defects.add(Defect.ID_CARD_CHECKSUM);
            return;
        }
        Optional<LocalDate> encoded = ResidentIdCard.birthDate(patientId);
        if (birthDate != null && encoded.isPresent() && !encoded.get().equals(birthDate)) {
            defects.add(Defect.ID_CARD_BIRTH_DATE);
        }
    }

    private static String text(Dataset d, int tag) {
        String value = d.getString(tag);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
