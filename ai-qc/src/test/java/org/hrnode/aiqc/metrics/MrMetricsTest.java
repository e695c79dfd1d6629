package org.hrnode.aiqc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.grade.Grade;
import org.hrnode.aiqc.grade.StudyVerdict;
import org.hrnode.aiqc.testing.Degrade;
import org.hrnode.aiqc.testing.Phantoms;
import org.hrnode.aiqc.testing.Phantoms.Plane;
import org.hrnode.aiqc.testing.Pixels16;
import org.hrnode.aiqc.testing.Qc;
import org.hrnode.aiqc.testing.RealStudies;
import org.hrnode.dicom.data.Dataset;
import org.junit.jupiter.api.Test;

/** MR metrics on the synthetic head (ghosts, Rician noise, shifts) and on the real UIH 3D T1. */
class MrMetricsTest {

    private static final String[] IMAGE_CHECKS = {"X5", "M4", "M5", "M6", "M7"};

    private static StudyVerdict judge(List<Dataset> ds) {
        return Qc.evaluate(Phantoms.inputs(ds));
    }

    private static List<Dataset> twoPlanes() {
        List<Dataset> ds = new ArrayList<>(Phantoms.headMr(Plane.AXIAL, 6));
        ds.addAll(Phantoms.headMr(Plane.SAGITTAL, 6));
        return ds;
    }

    @Test
    void theCleanPhantomPassesEveryImageCheckAndGradesJia() {
        StudyVerdict v = judge(twoPlanes());
        for (String id : IMAGE_CHECKS) {
            Qc.assertAll(v, id, Outcome.PASS);
        }
        assertThat(v.grade()).as(v.explain()).isEqualTo(Grade.JIA);
        assertThat(Qc.min(v, "M5", "snr")).isGreaterThan(30);
    }

    @Test
    void anNOver2GhostIsFound() {
        List<Dataset> ds = twoPlanes();
        ds.forEach(d -> Degrade.ghost(d, 0.15));
        StudyVerdict v = judge(ds);
        Qc.assertAll(v, "M6", Outcome.FAIL);
        assertThat(Qc.min(v, "M6", "ghostToSignal")).isBetween(0.08, 0.2);
    }

    @Test
    void aHeadPushedOutOfTheImageIsCut() {
        List<Dataset> ds = twoPlanes();
        ds.forEach(d -> Degrade.shift(d, 0, 120, 0));
        Qc.assertAll(judge(ds), "M4", Outcome.FAIL);
    }

    @Test
    void theRealUihT1PassesAndDegradesTheRightWay() throws Exception {
        StudyVerdict v = Qc.evaluate(RealStudies.inputs(RealStudies.linked(RealStudies.folder(
                RealStudies.mrUihT1Sag()))));
        for (String id : IMAGE_CHECKS) {
            Qc.assertAll(v, id, Outcome.PASS);
        }
        assertThat(v.grade()).as(v.explain()).isEqualTo(Grade.JIA);
        double cleanSnr = Qc.min(v, "M5", "snr");

        List<Dataset> noisy = RealStudies.linked(RealStudies.folder(RealStudies.mrUihT1Sag()));
        noisy.forEach(d -> Pixels16.addRicianNoise(d, 150, 7));
        StudyVerdict vn = Qc.evaluate(RealStudies.inputs(noisy));
        assertThat(Qc.max(vn, "M5", "snr")).isLessThan(cleanSnr / 3);
        Qc.assertAll(vn, "M5", Outcome.FAIL);
        assertThat(vn.grade()).isNotEqualTo(Grade.JIA);

        List<Dataset> blurred = RealStudies.linked(RealStudies.folder(RealStudies.mrUihT1Sag()));
        blurred.forEach(d -> Pixels16.blur(d, 2.5));
        StudyVerdict vb = Qc.evaluate(RealStudies.inputs(blurred));
        Qc.assertAll(vb, "M7", Outcome.FAIL);
        assertThat(vb.grade()).isNotEqualTo(Grade.JIA);
    }
}
