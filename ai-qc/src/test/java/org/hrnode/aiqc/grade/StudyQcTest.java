package org.hrnode.aiqc.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.check.Level;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.testing.Phantoms;
import org.hrnode.aiqc.testing.Phantoms.Plane;
import org.hrnode.aiqc.testing.Pixels16;
import org.hrnode.aiqc.testing.Qc;
import org.hrnode.aiqc.testing.RealStudies;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** Grading: vetoes, scores, explanations, sampling, configuration. */
class StudyQcTest {

    @Test
    void theRealHeadCtGradesJiaWithEveryDeductionExplained() throws Exception {
        StudyVerdict v = Qc.evaluate(RealStudies.inputs(RealStudies.linked(RealStudies.folder(
                RealStudies.ctHeadGe()))));
        assertThat(v.grade()).as(v.explain()).isEqualTo(Grade.JIA);
        assertThat(v.vetoes()).isEmpty();
        assertThat(v.score()).isGreaterThanOrEqualTo(90);
        assertThat(v.series()).singleElement().satisfies(s -> {
            assertThat(s.diagnosticImages()).isEqualTo(28);
            assertThat(s.images()).as("pixel metrics on a sample of 4").hasSize(4);
        });
        assertThat(v.deductions()).as("4-7 mm slices only: no thin reconstruction").extracting(Deduction::checkId)
                .contains("C3");
        for (Deduction d : v.deductions()) {
            assertThat(d.explain()).contains(d.checkId()).contains(d.zh()).contains(d.en()).contains(d.detail());
        }
    }

    @Test
    void aKneeWithoutLateralityIsFeiHoweverGoodItsPixels() {
        Dataset knee = Phantoms.knee();
        knee.remove(Tag.ImageLaterality);
        StudyVerdict v = Qc.evaluate(Phantoms.inputs(knee));
        assertThat(v.grade()).isEqualTo(Grade.FEI);
        assertThat(v.score()).as("the pictures themselves are fine").isEqualTo(100);
        assertThat(v.vetoes()).extracting(Deduction::checkId).containsExactly("X1");
        assertThat(v.explain()).contains("废").contains("X1").contains("VETO").contains("成对部位缺少左右标识");
    }

    @Test
    void aMissingCtSliceIsFei() {
        List<Dataset> ct = new ArrayList<>(Phantoms.headCt(12, 5));
        ct.remove(6);
        StudyVerdict v = Qc.evaluate(Phantoms.inputs(ct));
        assertThat(v.grade()).isEqualTo(Grade.FEI);
        assertThat(v.vetoes()).extracting(Deduction::checkId).containsExactly("C1");
        assertThat(v.vetoes().getFirst().values()).containsEntry("missingSlices", 1.0);
    }

    @Test
    void aSinglePlaneMrIsFei() {
        StudyVerdict v = Qc.evaluate(Phantoms.inputs(Phantoms.headMr(Plane.AXIAL, 6)));
        assertThat(v.grade()).isEqualTo(Grade.FEI);
        assertThat(v.vetoes()).extracting(Deduction::checkId).containsExactly("M1");
    }

    @Test
    void pixelsThatDoNotDecodeAreAVeto() {
        Dataset broken = Phantoms.knee();
        broken.set(Tag.PixelData, VR.OW, new byte[1000]);
        StudyVerdict v = Qc.evaluate(Phantoms.inputs(broken));
        assertThat(v.grade()).isEqualTo(Grade.FEI);
        assertThat(v.vetoes()).extracting(Deduction::checkId).containsExactly("P0");
        assertThat(v.vetoes().getFirst().detail()).contains("shorter");
    }

    @Test
    void headersAloneGetTheHeaderRulesAndNoPixelVerdict() {
        StudyVerdict v = Qc.evaluate(List.of(InstanceInput.headerOnly(Phantoms.knee())));
        assertThat(Qc.result(v, "P0").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(v.resultsOf("X8")).isEmpty();
        assertThat(Qc.result(v, "X1").outcome()).isEqualTo(Outcome.PASS);
        assertThat(v.grade()).isEqualTo(Grade.JIA);
    }

    @Test
    void scoresAreImageMeansLessTheDeductionsOfEachLevel() {
        Dataset blurred = Phantoms.knee();
        Pixels16.blur(blurred, 5);
        StudyVerdict v = Qc.evaluate(Phantoms.inputs(blurred));
        CheckTable table = CheckTable.defaults();
        double expected = 100;
        for (CheckResult r : v.allResults()) {
            if (r.outcome() == Outcome.FAIL) {
                expected -= table.require(r.checkId()).points();
            } else if (r.outcome() == Outcome.WARN) {
                expected -= table.require(r.checkId()).points() / 2;
            }
        }
        assertThat(v.score()).as(v.explain()).isEqualTo(Math.max(0, expected));
        assertThat(v.series().getFirst().images().getFirst().score()).isEqualTo(v.score());
        assertThat(v.grade()).isEqualTo(GradeScale.DEFAULT.gradeOf(v.score()));
        assertThat(v.deductions()).allSatisfy(d -> assertThat(d.level()).isEqualTo(Level.IMAGE));
    }

    @Test
    void aSiteCanTurnACheckOffByItsPoints() {
        Dataset blurred = Phantoms.knee();
        Pixels16.blur(blurred, 5);
        CheckTable lenient = CheckTable.defaults().withOverrides(Map.of("X8.points", "0", "X5.points", "0"));
        StudyVerdict v = Qc.qc(lenient).evaluate(Phantoms.inputs(blurred));
        assertThat(Qc.result(v, "X8").outcome()).as("still reported").isEqualTo(Outcome.FAIL);
        assertThat(v.score()).isEqualTo(100);
    }

    @Test
    void gradeThresholdsAreConfigurable() {
        GradeScale strict = new GradeScale(98, 90, 80);
        assertThat(strict.gradeOf(97)).isEqualTo(Grade.YI);
        assertThat(GradeScale.DEFAULT.gradeOf(97)).isEqualTo(Grade.JIA);
        assertThat(GradeScale.DEFAULT.gradeOf(75)).isEqualTo(Grade.YI);
        assertThat(GradeScale.DEFAULT.gradeOf(59.9)).isEqualTo(Grade.FEI);
        assertThat(Grade.YI.atLeast(Grade.YI)).isTrue();
        assertThat(Grade.BING.atLeast(Grade.YI)).isFalse();
        assertThatThrownBy(() -> new GradeScale(60, 75, 90)).hasMessageContaining("甲");
    }

    @Test
    void aLongSeriesIsMeasuredOnAnEvenSample() {
        StudyQc qc = new StudyQc(CheckTable.defaults(), GradeScale.DEFAULT, new QcOptions(5, ZoneOffset.UTC),
                Clock.fixed(RealStudies.NOW, ZoneOffset.UTC));
        StudyVerdict v = qc.evaluate(Phantoms.inputs(Phantoms.headCt(40, 1)));
        assertThat(v.series().getFirst().images()).hasSize(5);
        assertThat(v.series().getFirst().diagnosticImages()).isEqualTo(40);
        List<Dataset> ordered = Phantoms.headCt(40, 1);
        List<Dataset> picked = StudyQc.sample(ordered, 5);
        assertThat(picked).extracting(d -> d.getInt(Tag.InstanceNumber, 0)).containsExactly(5, 13, 21, 29, 37);
    }

    @Test
    void anEmptyStudyIsRefused() {
        assertThatThrownBy(() -> Qc.evaluate(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompressedRealImageIsDecodedWithTheDicomCodecs() throws Exception {
        var file = RealStudies.read(RealStudies.pydicom("MR_small_jpeg_ls_lossless.dcm"));
        List<Dataset> ds = RealStudies.linked(new ArrayList<>(List.of(file.dataset())));
        StudyVerdict v = Qc.evaluate(List.of(InstanceInput.withPixels(ds.getFirst(), file.transferSyntax())));
        assertThat(file.transferSyntax()).isNotEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(Qc.result(v, "P0").outcome()).as(Qc.result(v, "P0").detail()).isEqualTo(Outcome.PASS);
        assertThat(Qc.result(v, "P0").detail()).contains("64×64");
    }
}
