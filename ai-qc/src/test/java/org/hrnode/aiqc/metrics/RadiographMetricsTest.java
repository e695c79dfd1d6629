package org.hrnode.aiqc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.grade.Grade;
import org.hrnode.aiqc.grade.StudyVerdict;
import org.hrnode.aiqc.testing.Degrade;
import org.hrnode.aiqc.testing.Phantoms;
import org.hrnode.aiqc.testing.Pixels16;
import org.hrnode.aiqc.testing.Qc;
import org.hrnode.aiqc.testing.RealStudies;
import org.hrnode.dicom.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Radiograph metrics on the synthetic knee (known noise, blur, field, position) and on the real WG04 CR of the
 * tibia (RG3), clean and degraded.
 */
class RadiographMetricsTest {

    private static final String[] IMAGE_CHECKS = {"X5", "X6", "E1", "X7", "X8", "X11"};

    private static StudyVerdict judge(Dataset d) {
        return Qc.evaluate(Phantoms.inputs(d));
    }

    @Test
    void theCleanKneePassesEveryImageCheckAndGradesJia() {
        StudyVerdict v = judge(Phantoms.knee());
        for (String id : IMAGE_CHECKS) {
            Qc.assertAll(v, id, Outcome.PASS);
        }
        assertThat(v.grade()).as(v.explain()).isEqualTo(Grade.JIA);
        assertThat(v.score()).isEqualTo(100);
        assertThat(Qc.max(v, "X6", "fieldFraction")).as("shutters take 20 % of the width").isBetween(0.7, 0.85);
    }

    @Test
    void noiseIsMeasuredAndFails() {
        Dataset noisy = Phantoms.knee();
        Pixels16.addNoise(noisy, 200, 1);
        StudyVerdict v = judge(noisy);
        Qc.assertAll(v, "X11", Outcome.FAIL);
        assertThat(Qc.max(v, "X11", "noiseSd")).as("σ 8 + 200 added").isBetween(180.0, 220.0);
        assertThat(Qc.max(v, "X11", "noiseSdMad")).as("the MAD estimate agrees").isBetween(180.0, 220.0);
        assertThat(v.grade()).isNotEqualTo(Grade.JIA);
    }

    @Test
    void blurIsMeasuredAndFails() {
        Dataset blurred = Phantoms.knee();
        Pixels16.blur(blurred, 5);
        StudyVerdict v = judge(blurred);
        Qc.assertAll(v, "X8", Outcome.FAIL);
        assertThat(Qc.max(v, "X8", "blur")).isGreaterThan(0.8);
        assertThat(v.score()).isLessThanOrEqualTo(80);
    }

    @Test
    void burntOutBoneIsClipping() {
        Dataset clipped = Phantoms.knee();
        Pixels16.clipAbovePercentile(clipped, 70);
        StudyVerdict v = judge(clipped);
        Qc.assertAll(v, "X5", Outcome.FAIL);
        assertThat(Qc.max(v, "X5", "clippedBrightFraction")).isGreaterThan(0.05);
    }

    @Test
    void aTightlyCollimatedFieldIsTooSmall() {
        Dataset tight = Phantoms.knee();
        Degrade.collimate(tight, 0.12, 4000);
        StudyVerdict v = judge(tight);
        Qc.assertAll(v, "X6", Outcome.FAIL);
        assertThat(Qc.max(v, "X6", "fieldFraction")).isLessThan(0.15);
    }

    @Test
    void aLimbAtTheEdgeOfTheFieldIsOffCentre() {
        double centred = Qc.max(judge(Phantoms.knee()), "X7", "centringOffset");
        StudyVerdict v = judge(Phantoms.knee(300));
        assertThat(centred).isLessThan(0.05);
        assertThat(Qc.max(v, "X7", "centringOffset")).isGreaterThan(0.2);
        assertThat(Qc.results(v, "X7")).allSatisfy(r -> assertThat(r.outcome().costs()).isTrue());
    }

    @Test
    void aFlatLowContrastImageUsesLittleOfItsRange() {
        Dataset flat = Phantoms.knee();
        Degrade.flatten(flat, 0.05);
        StudyVerdict v = judge(flat);
        Qc.assertAll(v, "E1", Outcome.FAIL);
        assertThat(Qc.max(v, "E1", "spanOfRange")).isLessThan(0.1);
    }

    @Test
    void theRealTibiaRadiographPassesItsImageChecksAndDegradesTheRightWay() throws Exception {
        Dataset clean = RealStudies.nativeDataset(RealStudies.wg04("RLE/RG3_RLE"));
        StudyVerdict v = Qc.evaluate(RealStudies.inputs(RealStudies.linked(List.of(clean))));
        for (String id : IMAGE_CHECKS) {
            Qc.assertAll(v, id, Outcome.PASS);
        }
        assertThat(Qc.max(v, "X6", "fieldFraction")).as("collimated on both sides").isBetween(0.4, 0.7);
        double cleanNoise = Qc.max(v, "X11", "noiseOfFieldRange");
        double cleanBlur = Qc.max(v, "X8", "blur");

        Dataset noisy = RealStudies.nativeDataset(RealStudies.wg04("RLE/RG3_RLE"));
        Pixels16.addNoise(noisy, 40, 2);
        StudyVerdict vn = Qc.evaluate(RealStudies.inputs(RealStudies.linked(List.of(noisy))));
        assertThat(Qc.max(vn, "X11", "noiseOfFieldRange")).isGreaterThan(10 * cleanNoise);
        Qc.assertAll(vn, "X11", Outcome.FAIL);
        assertThat(vn.score()).isLessThan(v.score());

        Dataset blurred = RealStudies.nativeDataset(RealStudies.wg04("RLE/RG3_RLE"));
        Pixels16.blur(blurred, 4);
        StudyVerdict vb = Qc.evaluate(RealStudies.inputs(RealStudies.linked(List.of(blurred))));
        assertThat(Qc.max(vb, "X8", "blur")).isGreaterThan(cleanBlur + 0.2);
        Qc.assertAll(vb, "X8", Outcome.FAIL);
        assertThat(vb.grade().ordinal()).isGreaterThan(v.grade().ordinal());

        Dataset clipped = RealStudies.nativeDataset(RealStudies.wg04("RLE/RG3_RLE"));
        Pixels16.clipBelowPercentile(clipped, 60);
        StudyVerdict vc = Qc.evaluate(RealStudies.inputs(RealStudies.linked(List.of(clipped))));
        Qc.assertAll(vc, "X5", Outcome.FAIL);
        assertThat(vc.score()).isLessThan(v.score());
    }
}
