package org.hrnode.aiqc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class HrEligibilityTest {

    private static final LocalDate EXAM = LocalDate.of(2025, 3, 10);
    private static final LocalDate TODAY = EXAM.plusDays(3);
    private static final CatalogueMatch CHEST_PA = new CatalogueMatch(1, "胸部正位", 0.95);
    private static final Recognition CHEST_PA_SINCE_2024 = new Recognition(1, LocalDate.of(2024, 1, 1), null);
    private static final HrEligibility RULE = new HrEligibility(HrRules.DEFAULTS);

    private static StudyAssessment assessed(Grade grade, List<CatalogueMatch> items, Veto... vetoes) {
        return new StudyAssessment(items, "test", 90, grade, List.of(vetoes), List.of(), "test-1");
    }

    private static StudyAssessment good() {
        return assessed(Grade.A, List.of(CHEST_PA));
    }

    private static StudyFacts facts(boolean lossless, boolean late, List<Recognition> recognitions) {
        return new StudyFacts("510000-A", EXAM, lossless, late, recognitions);
    }

    private static StudyFacts goodFacts() {
        return facts(true, false, List.of(CHEST_PA_SINCE_2024));
    }

    private static List<String> codes(HrVerdict v) {
        return v.reasons().stream().map(IneligibilityReason::code).toList();
    }

    @Test
    void aRecognisedLosslessGoodRecentStudyIsEligible() {
        HrVerdict v = RULE.judge(good(), goodFacts(), TODAY);
        assertThat(v.eligible()).isTrue();
        assertThat(v.reasons()).isEmpty();
        assertThat(v.recognisedItems()).containsExactly(1);
    }

    @Test
    void noCatalogueItemIsNotEligible() {
        HrVerdict v = RULE.judge(assessed(Grade.A, List.of()), goodFacts(), TODAY);
        assertThat(codes(v)).containsExactly(HrEligibility.NOT_IN_CATALOGUE);
    }

    @Test
    void anUnknownInstitutionIsNotEligible() {
        StudyFacts facts = new StudyFacts(null, EXAM, true, false, List.of());
        assertThat(codes(RULE.judge(good(), facts, TODAY))).containsExactly(HrEligibility.INSTITUTION_UNKNOWN);
    }

    @Test
    void recognitionForAnotherItemOrOutsideItsPeriodDoesNotCount() {
        Recognition otherItem = new Recognition(2, LocalDate.of(2024, 1, 1), null);
        Recognition expired = new Recognition(1, LocalDate.of(2024, 1, 1), EXAM.minusDays(1));
        Recognition later = new Recognition(1, EXAM.plusDays(1), null);
        HrVerdict v = RULE.judge(good(), facts(true, false, List.of(otherItem, expired, later)), TODAY);
        assertThat(codes(v)).containsExactly(HrEligibility.INSTITUTION_NOT_RECOGNISED);
        assertThat(v.reasons().getFirst().xinjiangCode()).isNull();
        assertThat(v.reasons().getFirst().en()).contains("510000-A").contains("1 胸部正位");
    }

    @Test
    void recognitionEndingOnTheExamDayStillCovers() {
        Recognition endsThatDay = new Recognition(1, LocalDate.of(2024, 1, 1), EXAM);
        assertThat(RULE.judge(good(), facts(true, false, List.of(endsThatDay)), TODAY).eligible()).isTrue();
    }

    @Test
    void oneRecognisedItemOfSeveralIsEnough() {
        StudyAssessment two = assessed(Grade.A, List.of(new CatalogueMatch(7, "胸部侧位", 0.6), CHEST_PA));
        HrVerdict v = RULE.judge(two, goodFacts(), TODAY);
        assertThat(v.eligible()).isTrue();
        assertThat(v.recognisedItems()).containsExactly(1);
    }

    @Test
    void lossyStorageIsAnImageQualityReason() {
        HrVerdict v = RULE.judge(good(), facts(false, false, List.of(CHEST_PA_SINCE_2024)), TODAY);
        assertThat(codes(v)).containsExactly(HrEligibility.NOT_STORED_LOSSLESS);
        assertThat(v.reasons().getFirst().xinjiangCode()).isEqualTo(6);
    }

    @Test
    void aGradeBelowTheMinimumIsAnImageQualityReason() {
        assertThat(RULE.judge(assessed(Grade.B, List.of(CHEST_PA)), goodFacts(), TODAY).eligible()).isTrue();
        HrVerdict v = RULE.judge(assessed(Grade.C, List.of(CHEST_PA)), goodFacts(), TODAY);
        assertThat(codes(v)).containsExactly(HrEligibility.GRADE_BELOW_MINIMUM);
        assertThat(v.reasons().getFirst().xinjiangCode()).isEqualTo(6);
        assertThat(v.reasons().getFirst().zh()).contains("丙").contains("乙");
    }

    @Test
    void theMinimumGradeIsConfigurable() {
        HrEligibility strict = new HrEligibility(new HrRules(Grade.A, Period.ofMonths(1), false));
        assertThat(codes(strict.judge(assessed(Grade.B, List.of(CHEST_PA)), goodFacts(), TODAY)))
                .containsExactly(HrEligibility.GRADE_BELOW_MINIMUM);
    }

    @Test
    void everyVetoIsItsOwnReasonWhateverTheGrade() {
        StudyAssessment vetoed = assessed(Grade.A, List.of(CHEST_PA),
                new Veto("MISSING_LATERALITY", "缺少左右标识", "laterality missing"),
                new Veto("UNDECODABLE_PIXELS", "像素无法解码", "pixels do not decode"));
        HrVerdict v = RULE.judge(vetoed, goodFacts(), TODAY);
        assertThat(codes(v)).containsExactly("VETO:MISSING_LATERALITY", "VETO:UNDECODABLE_PIXELS");
        assertThat(v.reasons()).allMatch(r -> r.xinjiang() == NonRecognitionReason.IMAGE_QUALITY);
        assertThat(v.reasons().getFirst().en()).isEqualTo("laterality missing");
    }

    @Test
    void theWindowIsOneMonthFromTheExamDayInclusive() {
        HrVerdict lastDay = RULE.judge(good(), goodFacts(), LocalDate.of(2025, 4, 10));
        assertThat(lastDay.eligible()).isTrue();
        assertThat(lastDay.examDate()).isEqualTo(EXAM);
        assertThat(lastDay.windowEnd()).isEqualTo(LocalDate.of(2025, 4, 10));
        HrVerdict v = RULE.judge(good(), goodFacts(), LocalDate.of(2025, 4, 11));
        assertThat(codes(v)).containsExactly(HrEligibility.OUTSIDE_WINDOW);
        assertThat(v.reasons().getFirst().xinjiangCode()).isEqualTo(1);
    }

    @Test
    void anUnknownExamDateIsNotEligible() {
        StudyFacts noDate = new StudyFacts("510000-A", null, true, false, List.of(CHEST_PA_SINCE_2024));
        assertThat(codes(RULE.judge(good(), noDate, TODAY))).containsExactly(HrEligibility.EXAM_DATE_UNKNOWN);
    }

    @Test
    void aLateUploadIsADefectNotAReasonByDefault() {
        HrVerdict v = RULE.judge(good(), facts(true, true, List.of(CHEST_PA_SINCE_2024)), TODAY);
        assertThat(v.eligible()).isTrue();
        assertThat(v.defects()).extracting(IneligibilityReason::code).containsExactly(HrEligibility.LATE_UPLOAD);
    }

    @Test
    void aLateUploadBarsTheMarkWhenConfiguredTo() {
        HrEligibility lateVetoes = new HrEligibility(new HrRules(Grade.B, Period.ofMonths(1), true));
        HrVerdict v = lateVetoes.judge(good(), facts(true, true, List.of(CHEST_PA_SINCE_2024)), TODAY);
        assertThat(codes(v)).containsExactly(HrEligibility.LATE_UPLOAD);
        assertThat(v.defects()).isEmpty();
    }

    @Test
    void allFailingConditionsAreReportedTogether() {
        StudyAssessment bad = assessed(Grade.D, List.of(CHEST_PA), new Veto("X", "x", "x"));
        HrVerdict v = RULE.judge(bad, facts(false, false, List.of()), EXAM.plusMonths(2));
        assertThat(codes(v)).containsExactly(HrEligibility.INSTITUTION_NOT_RECOGNISED,
                HrEligibility.NOT_STORED_LOSSLESS, HrEligibility.GRADE_BELOW_MINIMUM, "VETO:X",
                HrEligibility.OUTSIDE_WINDOW);
    }

    @Test
    void gradesOrderBestFirstAndParseBothSpellings() {
        assertThat(Grade.parse("乙")).isEqualTo(Grade.B);
        assertThat(Grade.parse("c")).isEqualTo(Grade.C);
        assertThat(Grade.A.isAtLeast(Grade.B)).isTrue();
        assertThat(Grade.D.isAtLeast(Grade.C)).isFalse();
        assertThatThrownBy(() -> Grade.parse("优")).hasMessageContaining("甲");
    }
}
