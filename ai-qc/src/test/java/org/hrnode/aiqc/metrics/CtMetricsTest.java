package org.hrnode.aiqc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.grade.StudyVerdict;
import org.hrnode.aiqc.testing.Degrade;
import org.hrnode.aiqc.testing.Phantoms;
import org.hrnode.aiqc.testing.Pixels16;
import org.hrnode.aiqc.testing.Qc;
import org.hrnode.aiqc.testing.RealStudies;
import org.hrnode.dicom.data.Dataset;
import org.junit.jupiter.api.Test;
import org.opencv.core.Point;

/** CT metrics on the synthetic head series (rings, metal, truncation drawn in) and on real CT slices. */
class CtMetricsTest {

    private static final String[] IMAGE_CHECKS = {"X5", "C7", "C8", "C9", "C10", "C11"};

    private static StudyVerdict judge(List<Dataset> ds) {
        return Qc.evaluate(Phantoms.inputs(ds));
    }

    @Test
    void theCleanPhantomPassesEveryImageCheck() {
        StudyVerdict v = judge(Phantoms.headCt(8, 5));
        for (String id : IMAGE_CHECKS) {
            Qc.assertAll(v, id, Outcome.PASS);
        }
        assertThat(Qc.max(v, "C7", "noiseIndexHu")).as("drawn with σ = 4 HU").isBetween(3.0, 5.5);
    }

    @Test
    void aRingOf40HuIsFound() {
        List<Dataset> ds = Phantoms.headCt(8, 5);
        ds.forEach(d -> Degrade.ring(d, 60, 40));
        StudyVerdict v = judge(ds);
        Qc.assertAll(v, "C9", Outcome.FAIL);
        assertThat(Qc.min(v, "C9", "ringIndexHu")).isBetween(25.0, 45.0);
    }

    @Test
    void metalWithStreaksIsFound() {
        List<Dataset> ds = Phantoms.headCt(8, 5);
        ds.forEach(d -> Degrade.metal(d, new Point(100, 128), 4000, 400));
        StudyVerdict v = judge(ds);
        Qc.assertAll(v, "C8", Outcome.FAIL);
        assertThat(Qc.min(v, "C8", "metalAreaMm2")).isGreaterThan(40);
    }

    @Test
    void aHeadCutByTheFieldOfViewIsTruncated() {
        List<Dataset> ds = Phantoms.headCt(8, 5);
        ds.forEach(d -> Degrade.shift(d, 90, 0, 24));
        Qc.assertAll(judge(ds), "C11", Outcome.FAIL);
    }

    @Test
    void theRealChestCtWithArmsOutsideTheFieldOfViewIsTruncated() throws Exception {
        Dataset chest = RealStudies.nativeDataset(RealStudies.wg04("RLE/CT1_RLE"));
        StudyVerdict v = Qc.evaluate(RealStudies.inputs(RealStudies.linked(List.of(chest))));
        Qc.assertAll(v, "C11", Outcome.FAIL);
        Qc.assertAll(v, "C9", Outcome.PASS);
    }

    @Test
    void theRealGeHeadCtPassesAndDegradesTheRightWay() throws Exception {
        StudyVerdict v = Qc.evaluate(RealStudies.inputs(RealStudies.linked(RealStudies.folder(
                RealStudies.ctHeadGe()))));
        for (String id : IMAGE_CHECKS) {
            Qc.assertAll(v, id, Outcome.PASS);
        }
        double cleanNoise = Qc.max(v, "C7", "noiseIndexHu");
        double cleanBlur = Qc.max(v, "C10", "blur");

        List<Dataset> noisy = RealStudies.linked(RealStudies.folder(RealStudies.ctHeadGe()));
        noisy.forEach(d -> Pixels16.addNoise(d, 50, 5));
        StudyVerdict vn = Qc.evaluate(RealStudies.inputs(noisy));
        assertThat(Qc.min(vn, "C7", "noiseIndexHu")).isGreaterThan(cleanNoise + 20);
        Qc.assertAll(vn, "C7", Outcome.FAIL);
        assertThat(vn.score()).isLessThan(v.score() - 15);

        List<Dataset> blurred = RealStudies.linked(RealStudies.folder(RealStudies.ctHeadGe()));
        blurred.forEach(d -> Pixels16.blur(d, 2.5));
        StudyVerdict vb = Qc.evaluate(RealStudies.inputs(blurred));
        assertThat(Qc.min(vb, "C10", "blur")).isGreaterThan(cleanBlur + 0.15);
        Qc.assertSome(vb, "C10", Outcome.FAIL);
        assertThat(vb.grade().ordinal()).isGreaterThan(v.grade().ordinal());
    }
}
