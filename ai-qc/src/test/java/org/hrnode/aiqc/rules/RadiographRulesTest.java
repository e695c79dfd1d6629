package org.hrnode.aiqc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.grade.Grade;
import org.hrnode.aiqc.grade.StudyVerdict;
import org.hrnode.aiqc.testing.Phantoms;
import org.hrnode.aiqc.testing.Qc;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** X1 laterality, X4 exposure index, X10 detector pixel spacing, on DX headers. */
class RadiographRulesTest {

    private static Dataset dx(String bodyPart, String description) {
        Dataset d = Phantoms.header("DX", "1.2.3.9", 1);
        d.setString(Tag.BodyPartExamined, VR.CS, bodyPart);
        d.setString(Tag.StudyDescription, VR.LO, description);
        d.setDoubles(Tag.ImagerPixelSpacing, VR.DS, 0.15, 0.15);
        d.setInts(Tag.Rows, VR.US, 2500);
        d.setInts(Tag.Columns, VR.US, 3000);
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        return d;
    }

    private static StudyVerdict judge(Dataset d) {
        return Qc.evaluate(java.util.List.of(InstanceInput.headerOnly(d)));
    }

    @Test
    void aKneeWithoutLateralityIsVetoed() {
        Dataset knee = dx("KNEE", "DX KNEE AP LAT");
        StudyVerdict v = judge(knee);
        CheckResult x1 = Qc.result(v, "X1");
        assertThat(x1.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(v.grade()).isEqualTo(Grade.FEI);
        assertThat(v.vetoes()).singleElement().satisfies(d -> {
            assertThat(d.checkId()).isEqualTo("X1");
            assertThat(d.zh()).contains("左右标识");
            assertThat(d.en()).contains("laterality");
        });
    }

    @Test
    void aKneeWhoseSideContradictsTheRequestIsVetoed() {
        Dataset knee = dx("KNEE", "膝关节正侧位(左)");
        knee.setString(Tag.ImageLaterality, VR.CS, "R");
        CheckResult x1 = Qc.result(judge(knee), "X1");
        assertThat(x1.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(x1.detail()).contains("contradicts");
    }

    @Test
    void aKneeWithItsSidePasses() {
        Dataset knee = dx("", "膝关节正侧位(左)");
        knee.setString(Tag.Laterality, VR.CS, "L");
        assertThat(Qc.result(judge(knee), "X1").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aChestNeedsNoSide() {
        assertThat(Qc.result(judge(dx("CHEST", "胸部正位")), "X1").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void deviationIndexBeyondThreeFailsAndIsComputedFromTheExposureIndexWhenAbsent() {
        Dataset chest = dx("CHEST", "DX CHEST PA");
        chest.setDoubles(Tag.DeviationIndex, VR.DS, -3.6);
        CheckResult x4 = Qc.result(judge(chest), "X4");
        assertThat(x4.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(x4.detail()).contains("underexposed");

        Dataset computed = dx("CHEST", "DX CHEST PA");
        computed.setDoubles(Tag.ExposureIndex, VR.DS, 500);
        computed.setDoubles(Tag.TargetExposureIndex, VR.DS, 300);
        CheckResult fromEi = Qc.result(judge(computed), "X4");
        assertThat(fromEi.values().get("deviationIndex")).isCloseTo(2.22, org.assertj.core.data.Offset.offset(0.01));
        assertThat(fromEi.outcome()).isEqualTo(Outcome.WARN);

        assertThat(Qc.result(judge(dx("CHEST", "DX CHEST PA")), "X4").outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void aRadiographWithoutPixelSpacingCannotBeMeasured() {
        Dataset chest = dx("CHEST", "DX CHEST PA");
        chest.remove(Tag.ImagerPixelSpacing);
        assertThat(Qc.result(judge(chest), "X10").outcome()).isEqualTo(Outcome.FAIL);
        Dataset odd = dx("CHEST", "DX CHEST PA");
        odd.setDoubles(Tag.ImagerPixelSpacing, VR.DS, 0, 0.15);
        assertThat(Qc.result(judge(odd), "X10").outcome()).isEqualTo(Outcome.FAIL);
    }
}
