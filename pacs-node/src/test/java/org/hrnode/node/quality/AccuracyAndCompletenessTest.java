package org.hrnode.node.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** The accuracy checks (QCspec §7.1.4) and required fields (§7.1.3) on crafted headers. */
class AccuracyAndCompletenessTest {

    /** A valid GB 11643 number: the example of the standard's annex, born 1949-12-31, check character X. */
    static final String VALID_ID_CARD = "11010519491231002X";
    private static final Instant ARRIVAL = Instant.parse("2025-03-01T04:00:00Z");
    private static final AccuracyChecks CHECKS = new AccuracyChecks(ZoneId.of("Asia/Shanghai"));

    private static Dataset with(Object... tagAndValue) {
        Dataset d = new Dataset();
        for (int i = 0; i < tagAndValue.length; i += 2) {
            int tag = (Integer) tagAndValue[i];
            d.setString(tag, Dataset.dictionaryVR(tag), (String) tagAndValue[i + 1]);
        }
        return d;
    }

    @Test
    void residentIdCardChecksumFollowsGb11643() {
        assertThat(ResidentIdCard.checksumValid(VALID_ID_CARD)).isTrue();
        assertThat(ResidentIdCard.checksumValid("11010519491231002x")).isTrue();
        assertThat(ResidentIdCard.checksumValid("110105194912310021")).isFalse();
        assertThat(ResidentIdCard.looksLikeOne("MRN12345")).isFalse();
        assertThat(ResidentIdCard.birthDate(VALID_ID_CARD)).contains(LocalDate.of(1949, 12, 31));
    }

    @Test
    void aCleanHeaderHasNoDefects() {
        Dataset d = with(Tag.StudyDate, "20250301", Tag.StudyTime, "100000", Tag.PatientBirthDate, "19491231",
                Tag.PatientSex, "F", Tag.PatientID, VALID_ID_CARD, Tag.StudyInstanceUID, "1.2.3",
                Tag.SOPInstanceUID, "1.2.3.4", Tag.Modality, "MG", Tag.BodyPartExamined, "BREAST");

        assertThat(CHECKS.check(d, ARRIVAL, Optional.empty())).isEmpty();
    }

    @Test
    void eachCheckReportsItsOwnDefect() {
        assertThat(CHECKS.check(with(Tag.StudyDate, "2025-03-01"), ARRIVAL, Optional.empty()))
                .containsExactly(Defect.STUDY_DATE_INVALID);
        assertThat(CHECKS.check(with(Tag.StudyTime, "25"), ARRIVAL, Optional.empty()))
                .containsExactly(Defect.STUDY_TIME_INVALID);
        assertThat(CHECKS.check(with(Tag.StudyDate, "20250302"), ARRIVAL, Optional.empty()))
                .containsExactly(Defect.STUDY_DATE_IN_FUTURE);
        assertThat(CHECKS.check(with(Tag.PatientBirthDate, "19491331"), ARRIVAL, Optional.empty()))
                .containsExactly(Defect.BIRTH_DATE_INVALID);
        assertThat(CHECKS.check(with(Tag.StudyDate, "20000101", Tag.PatientBirthDate, "20010101"), ARRIVAL,
                Optional.empty())).containsExactly(Defect.BIRTH_DATE_AFTER_STUDY);
        assertThat(CHECKS.check(with(), ARRIVAL,
                Optional.of(new AcquisitionMoment(ARRIVAL.plusSeconds(3600), "StudyDate+StudyTime"))))
                .containsExactly(Defect.ACQUISITION_AFTER_ARRIVAL);
        assertThat(CHECKS.check(with(Tag.SeriesInstanceUID, "1.02.3"), ARRIVAL, Optional.empty()))
                .containsExactly(Defect.UID_SYNTAX);
        assertThat(CHECKS.check(with(Tag.PatientSex, "男"), ARRIVAL, Optional.empty()))
                .containsExactly(Defect.PATIENT_SEX_CODE);
        assertThat(CHECKS.check(with(Tag.PatientID, "110105194912310021"), ARRIVAL, Optional.empty()))
                .containsExactly(Defect.ID_CARD_CHECKSUM);
        assertThat(CHECKS.check(with(Tag.PatientID, VALID_ID_CARD, Tag.PatientBirthDate, "19500101"), ARRIVAL,
                Optional.empty())).containsExactly(Defect.ID_CARD_BIRTH_DATE);
        assertThat(CHECKS.check(with(Tag.Modality, "MG", Tag.BodyPartExamined, "CHEST"), ARRIVAL,
                Optional.empty())).containsExactly(Defect.BODY_PART_MODALITY);
    }

    @Test
    void requiredFieldsDependOnTheModality() {
        // 12 common fields; CT adds KVP, XRayTubeCurrent, ExposureTime, SliceThickness; DX adds KVP and exposure
        assertThat(RequiredFields.countFor(with(Tag.Modality, "CT"))).isEqualTo(16);
        assertThat(RequiredFields.countFor(with(Tag.Modality, "DX"))).isEqualTo(14);
        assertThat(RequiredFields.countFor(with(Tag.Modality, "MR"))).isEqualTo(17);
        assertThat(RequiredFields.countFor(with(Tag.Modality, "US"))).isEqualTo(12);
    }

    @Test
    void theItemNameIsPresentWhenEitherDescriptionIs() {
        Dataset d = with(Tag.Modality, "DX", Tag.RequestedProcedureDescription, "胸部正位", Tag.KVP, "120",
                Tag.ExposureInuAs, "2000");

        assertThat(RequiredFields.missingIn(d)).doesNotContain("StudyDescription/RequestedProcedureDescription",
                "KVP", "Exposure/ExposureInuAs").contains("PatientName", "BodyPartExamined");
    }
}
