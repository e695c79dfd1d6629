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
import org.hrnode.aiqc.testing.Phantoms.Plane;
import org.hrnode.aiqc.testing.Qc;
import org.hrnode.aiqc.testing.RealStudies;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** M1 planes, M2 geometry, M3 orientation consistency and display, on phantom headers and the real UIH MR. */
class MrRulesTest {

    private static StudyVerdict judge(List<Dataset> datasets) {
        return Qc.evaluate(datasets.stream().map(InstanceInput::headerOnly).toList());
    }

    private static List<Dataset> join(List<Dataset> a, List<Dataset> b) {
        List<Dataset> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void aSinglePlane2dStudyIsVetoed() {
        StudyVerdict v = judge(Phantoms.headMr(Plane.AXIAL, 8));
        CheckResult m1 = Qc.result(v, "M1");
        assertThat(m1.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(m1.detail()).contains("single-plane").contains("AXIAL");
        assertThat(v.grade()).isEqualTo(Grade.FEI);
    }

    @Test
    void axialAndSagittalSeriesPass() {
        StudyVerdict v = judge(join(Phantoms.headMr(Plane.AXIAL, 8), Phantoms.headMr(Plane.SAGITTAL, 8)));
        assertThat(Qc.result(v, "M1").outcome()).isEqualTo(Outcome.PASS);
        assertThat(v.vetoed()).as(v.explain()).isFalse();
    }

    @Test
    void anIsotropic3dAcquisitionCountsAsMultiplanar() throws Exception {
        List<Dataset> uih = RealStudies.linked(RealStudies.folder(RealStudies.mrUihT1Sag()));
        CheckResult m1 = Qc.result(judge(uih), "M1");
        assertThat(m1.outcome()).isEqualTo(Outcome.PASS);
        assertThat(m1.values()).containsEntry("isotropic3d", 1.0);

        uih.forEach(d -> d.setDoubles(Tag.SliceThickness, VR.DS, 3));
        assertThat(Qc.result(judge(uih), "M1").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void thickSlicesWideGapsAndOddFovsCostPoints() {
        List<Dataset> ds = Phantoms.headMr(Plane.AXIAL, 6);
        assertThat(Qc.result(judge(ds), "M2").outcome()).isEqualTo(Outcome.PASS);
        ds.forEach(d -> {
            d.setDoubles(Tag.SliceThickness, VR.DS, 10);
            d.setDoubles(Tag.SpacingBetweenSlices, VR.DS, 20);
        });
        CheckResult m2 = Qc.result(judge(ds), "M2");
        assertThat(m2.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(m2.detail()).contains("too thick").contains("gap of 10");
        List<Dataset> tiny = Phantoms.headMr(Plane.AXIAL, 6);
        tiny.forEach(d -> d.setDoubles(Tag.PixelSpacing, VR.DS, 0.2, 0.2));
        assertThat(Qc.result(judge(tiny), "M2").detail()).contains("FOV");
    }

    @Test
    void aSeriesWithImagesInTwoOrientationsIsVetoed() {
        List<Dataset> ds = Phantoms.headMr(Plane.AXIAL, 6);
        ds.get(4).setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 0.94, -0.34);
        StudyVerdict v = judge(join(ds, Phantoms.headMr(Plane.SAGITTAL, 4)));
        assertThat(Qc.results(v, "M3")).anySatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(r.values()).containsEntry("imagesWithOtherOrientation", 1.0);
        });
        assertThat(v.grade()).isEqualTo(Grade.FEI);
    }

    @Test
    void anUpsideDownCoronalSeriesIsDisplayedTheWrongWayRound() {
        List<Dataset> ds = Phantoms.headMr(Plane.CORONAL, 6);
        ds.forEach(d -> d.setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 0, 1));
        StudyVerdict v = judge(join(ds, Phantoms.headMr(Plane.AXIAL, 4)));
        assertThat(Qc.results(v, "M3-DISPLAY")).anySatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(r.detail()).contains("upside down");
        });
        assertThat(v.vetoed()).isFalse();
    }

    /** An enhanced MR image (one instance, many frames) keeps its geometry in the functional groups. */
    private static Dataset enhancedMr(String series, Plane plane, double thickness, String acquisition) {
        Dataset d = Phantoms.header("MR", series, 1);
        d.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.4.1");
        d.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "M", "NONE");
        d.setString(Tag.MRAcquisitionType, VR.CS, acquisition);
        d.setInts(Tag.NumberOfFrames, VR.IS, 120);
        d.setInts(Tag.Rows, VR.US, 256);
        d.setInts(Tag.Columns, VR.US, 256);
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        Dataset shared = d.newSequence(Tag.SharedFunctionalGroupsSequence).addNewItem();
        Dataset measures = shared.newSequence(Tag.PixelMeasuresSequence).addNewItem();
        measures.setDoubles(Tag.PixelSpacing, VR.DS, 1, 1);
        measures.setDoubles(Tag.SliceThickness, VR.DS, thickness);
        Dataset orientation = shared.newSequence(Tag.PlaneOrientationSequence).addNewItem();
        orientation.setDoubles(Tag.ImageOrientationPatient, VR.DS, plane == Plane.SAGITTAL
                ? new double[] {0, 1, 0, 0, 0, -1} : new double[] {1, 0, 0, 0, 1, 0});
        Dataset frame = d.newSequence(Tag.PerFrameFunctionalGroupsSequence).addNewItem();
        frame.newSequence(Tag.PlanePositionSequence).addNewItem().setDoubles(Tag.ImagePositionPatient, VR.DS,
                -90, -128, 128);
        return d;
    }

    @Test
    void enhancedMultiFrameGeometryIsReadFromTheFunctionalGroups() {
        StudyVerdict iso = judge(List.of(enhancedMr("1.2.3.50", Plane.SAGITTAL, 1, "3D")));
        assertThat(Qc.result(iso, "G3").outcome()).as(Qc.result(iso, "G3").detail()).isEqualTo(Outcome.PASS);
        CheckResult m1 = Qc.result(iso, "M1");
        assertThat(m1.outcome()).isEqualTo(Outcome.PASS);
        assertThat(m1.values()).containsEntry("isotropic3d", 1.0);
        assertThat(Qc.result(iso, "M2").values()).containsEntry("fovMm", 256.0).containsEntry("sliceThicknessMm",
                1.0);

        StudyVerdict twoPlanes = judge(List.of(enhancedMr("1.2.3.51", Plane.SAGITTAL, 4, "2D"),
                enhancedMr("1.2.3.52", Plane.AXIAL, 4, "2D")));
        assertThat(Qc.result(twoPlanes, "M1").outcome()).isEqualTo(Outcome.PASS);
        assertThat(Qc.result(judge(List.of(enhancedMr("1.2.3.53", Plane.AXIAL, 4, "2D"))), "M1").outcome())
                .isEqualTo(Outcome.FAIL);
    }
}
