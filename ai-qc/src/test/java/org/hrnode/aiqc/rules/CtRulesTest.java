package org.hrnode.aiqc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.grade.Grade;
import org.hrnode.aiqc.grade.StudyVerdict;
import org.hrnode.aiqc.testing.Phantoms;
import org.hrnode.aiqc.testing.Qc;
import org.hrnode.aiqc.testing.RealStudies;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** C1 continuity, C1-ORDER, C3 thickness, C5 dose, C6 phases: crafted headers and the real GE head CT. */
class CtRulesTest {

    private static List<Dataset> series(String uid, int n, double spacing, double thickness) {
        List<Dataset> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Dataset d = Phantoms.header("CT", uid, i + 1);
            d.setString(Tag.BodyPartExamined, VR.CS, "HEAD");
            d.setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
            d.setDoubles(Tag.ImagePositionPatient, VR.DS, -120, -120, 40 - i * spacing);
            d.setDoubles(Tag.SliceThickness, VR.DS, thickness);
            d.setDoubles(Tag.PixelSpacing, VR.DS, 0.47, 0.47);
            d.setDoubles(Tag.RescaleIntercept, VR.DS, -1024);
            d.setDoubles(Tag.RescaleSlope, VR.DS, 1);
            d.setInts(Tag.Rows, VR.US, 512);
            d.setInts(Tag.Columns, VR.US, 512);
            d.setInts(Tag.BitsAllocated, VR.US, 16);
            d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            out.add(d);
        }
        return out;
    }

    private static StudyVerdict judge(List<Dataset> datasets) {
        return Qc.evaluate(datasets.stream().map(InstanceInput::headerOnly).toList());
    }

    @Test
    void aContinuousSeriesPasses() {
        StudyVerdict v = judge(series("1.2.3.1", 40, 1.25, 1.25));
        assertThat(Qc.result(v, "C1").outcome()).isEqualTo(Outcome.PASS);
        assertThat(Qc.result(v, "C1-ORDER").outcome()).isEqualTo(Outcome.PASS);
        assertThat(Qc.result(v, "C3").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void oneMissingSliceIsAVeto() {
        List<Dataset> ds = series("1.2.3.1", 40, 1.25, 1.25);
        ds.remove(17);
        StudyVerdict v = judge(ds);
        CheckResult c1 = Qc.result(v, "C1");
        assertThat(c1.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(c1.values()).containsEntry("missingSlices", 1.0);
        assertThat(v.grade()).isEqualTo(Grade.FEI);
        assertThat(v.explain()).contains("C1").contains("层面遗漏").contains("1 missing slice(s)");
    }

    @Test
    void threeMissingSlicesInARowAreCounted() {
        List<Dataset> ds = series("1.2.3.1", 40, 1.25, 1.25);
        ds.subList(10, 13).clear();
        assertThat(Qc.result(judge(ds), "C1").values()).containsEntry("missingSlices", 3.0);
    }

    @Test
    void aDuplicatedSliceIsAVeto() {
        List<Dataset> ds = series("1.2.3.1", 20, 5, 5);
        Dataset copy = Phantoms.header("CT", "1.2.3.1", 99);
        for (int tag : new int[] {Tag.ImageOrientationPatient, Tag.ImagePositionPatient, Tag.SliceThickness,
            Tag.PixelSpacing, Tag.RescaleIntercept, Tag.RescaleSlope, Tag.Rows, Tag.Columns, Tag.BitsAllocated,
            Tag.PhotometricInterpretation}) {
            copy.set(tag, ds.get(5).vrOf(tag), ds.get(5).getValue(tag));
        }
        ds.add(copy);
        CheckResult c1 = Qc.result(judge(ds), "C1");
        assertThat(c1.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(c1.values()).containsEntry("duplicatedSlices", 1.0);
    }

    @Test
    void instanceNumbersOutOfAnatomicalOrderCostPointsButDoNotVeto() {
        List<Dataset> ds = series("1.2.3.1", 20, 5, 5);
        ds.get(3).setInts(Tag.InstanceNumber, VR.IS, 15);
        ds.get(14).setInts(Tag.InstanceNumber, VR.IS, 4);
        StudyVerdict v = judge(ds);
        assertThat(Qc.result(v, "C1-ORDER").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(Qc.result(v, "C1").outcome()).isEqualTo(Outcome.PASS);
        assertThat(v.vetoed()).isFalse();
    }

    @Test
    void theRealGeHeadCtChangesSpacingFrom4To7MmWithoutLosingASlice() throws Exception {
        List<Dataset> ge = RealStudies.linked(RealStudies.folder(RealStudies.ctHeadGe()));
        StudyVerdict v = judge(ge);
        CheckResult c1 = Qc.result(v, "C1");
        assertThat(c1.outcome()).as(c1.detail()).isEqualTo(Outcome.PASS);
        assertThat(c1.values()).containsEntry("slices", 28.0);

        List<Dataset> gap = RealStudies.linked(RealStudies.folder(RealStudies.ctHeadGe()));
        gap.remove(5);
        assertThat(Qc.result(judge(gap), "C1").values()).containsEntry("missingSlices", 1.0);
        List<Dataset> gapInThickPart = RealStudies.linked(RealStudies.folder(RealStudies.ctHeadGe()));
        gapInThickPart.remove(22);
        assertThat(Qc.result(judge(gapInThickPart), "C1").values()).containsEntry("missingSlices", 1.0);
    }

    @Test
    void sliceThicknessDecidesWhetherOneMillimetreLesionsShow() {
        assertThat(Qc.result(judge(series("1.2.3.1", 10, 5, 5)), "C3").outcome()).isEqualTo(Outcome.WARN);
        assertThat(Qc.result(judge(series("1.2.3.1", 10, 10, 10)), "C3").outcome()).isEqualTo(Outcome.FAIL);
        List<Dataset> both = series("1.2.3.1", 10, 5, 5);
        both.addAll(series("1.2.3.2", 40, 1, 1));
        assertThat(Qc.result(judge(both), "C3").outcome()).isEqualTo(Outcome.PASS);
        CheckResult gaps = Qc.result(judge(series("1.2.3.1", 10, 3, 1)), "C3");
        assertThat(gaps.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(gaps.detail()).contains("gaps");
    }

    @Test
    void ctdiVolAboveTheHeadReferenceLevelCostsPoints() {
        List<Dataset> ds = series("1.2.3.1", 10, 5, 5);
        ds.forEach(d -> d.setDoubles(Tag.CTDIvol, VR.FD, 75));
        CheckResult c5 = Qc.result(judge(ds), "C5");
        assertThat(c5.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(c5.values()).containsEntry("referenceLevelMGy", 60.0);
        ds.forEach(d -> d.setDoubles(Tag.CTDIvol, VR.FD, 45));
        assertThat(Qc.result(judge(ds), "C5").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void anEnhancedStudyNeedsItsPhases() {
        List<Dataset> single = series("1.2.3.1", 10, 5, 5);
        single.forEach(d -> d.setString(Tag.ContrastBolusAgent, VR.LO, "Iohexol"));
        assertThat(Qc.result(judge(single), "C6").outcome()).isEqualTo(Outcome.FAIL);

        List<Dataset> two = series("1.2.3.1", 10, 5, 5);
        two.forEach(d -> d.setString(Tag.SeriesDescription, VR.LO, "平扫"));
        List<Dataset> venous = series("1.2.3.2", 10, 5, 5);
        venous.forEach(d -> {
            d.setString(Tag.SeriesDescription, VR.LO, "增强 静脉期");
            d.setString(Tag.AcquisitionTime, VR.TM, "101200");
        });
        two.addAll(venous);
        CheckResult c6 = Qc.result(judge(two), "C6");
        assertThat(c6.outcome()).isEqualTo(Outcome.PASS);
        assertThat(c6.values()).containsEntry("phases", 2.0);

        assertThat(Qc.result(judge(series("1.2.3.1", 10, 5, 5)), "C6").outcome())
                .isEqualTo(Outcome.NOT_APPLICABLE);
    }
}
