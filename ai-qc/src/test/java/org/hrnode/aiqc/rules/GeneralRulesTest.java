package org.hrnode.aiqc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

/** G1 linkage, G2 dates, G3 required attributes, on header-only CT instances. */
class GeneralRulesTest {

    private static List<Dataset> ctHeaders(int n) {
        List<Dataset> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Dataset d = Phantoms.header("CT", "1.2.3.4.5", i + 1);
            d.setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
            d.setDoubles(Tag.ImagePositionPatient, VR.DS, 0, 0, i * 5.0);
            d.setDoubles(Tag.SliceThickness, VR.DS, 5);
            d.setDoubles(Tag.PixelSpacing, VR.DS, 0.5, 0.5);
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
    void aWellFormedStudyPassesTheGeneralRules() {
        StudyVerdict v = judge(ctHeaders(5));
        for (String id : new String[] {"G1", "G2", "G3"}) {
            assertThat(Qc.result(v, id).outcome()).as(id + ": " + Qc.result(v, id).detail()).isEqualTo(
                    Outcome.PASS);
        }
        assertThat(v.vetoed()).as(v.explain()).isFalse();
    }

    @Test
    void anInstanceWithoutAccessionNumberBreaksTheLinkToTheOrder() {
        List<Dataset> ds = ctHeaders(5);
        ds.get(2).remove(Tag.AccessionNumber);
        StudyVerdict v = judge(ds);
        CheckResult g1 = Qc.result(v, "G1");
        assertThat(g1.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(g1.values()).containsEntry("instancesWithoutAccessionNumber", 1.0);
        assertThat(v.grade()).isEqualTo(Grade.FEI);
    }

    @Test
    void twoPatientsInOneStudyAreCaughtWithoutNamingThem() {
        List<Dataset> ds = ctHeaders(4);
        ds.get(3).setString(Tag.PatientID, VR.LO, "SOMEONE-ELSE");
        CheckResult g1 = Qc.result(judge(ds), "G1");
        assertThat(g1.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(g1.values()).containsEntry("distinctPatientIDs", 2.0);
        assertThat(g1.detail()).doesNotContain("SOMEONE-ELSE").doesNotContain("QC-PHANTOM");
    }

    @Test
    void aStudyDatedInTheFutureIsRefused() {
        List<Dataset> ds = ctHeaders(3);
        ds.forEach(d -> d.setString(Tag.StudyDate, VR.DA, "20270101"));
        CheckResult g2 = Qc.result(judge(ds), "G2");
        assertThat(g2.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(g2.detail()).contains("future");
    }

    @Test
    void anImageAcquiredDaysAfterTheStudyStartedDoesNotBelongToIt() {
        List<Dataset> ds = ctHeaders(3);
        ds.get(1).setString(Tag.AcquisitionDate, VR.DA, "20261105");
        CheckResult g2 = Qc.result(judge(ds), "G2");
        assertThat(g2.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(g2.values()).containsEntry("instancesAcquiredOutsideStudy", 1.0);
    }

    @Test
    void anInvalidStudyDateIsRefused() {
        List<Dataset> ds = ctHeaders(2);
        ds.forEach(d -> d.setString(Tag.StudyDate, VR.DA, "***"));
        assertThat(Qc.result(judge(ds), "G2").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aCtSliceWithoutPositionCannotBeRead() {
        List<Dataset> ds = ctHeaders(3);
        ds.get(0).remove(Tag.ImagePositionPatient);
        CheckResult g3 = Qc.result(judge(ds), "G3");
        assertThat(g3.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(g3.detail()).contains("ImagePositionPatient");
    }
}
