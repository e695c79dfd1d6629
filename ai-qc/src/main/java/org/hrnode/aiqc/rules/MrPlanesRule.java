package org.hrnode.aiqc.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * M1 — an MR study shows the anatomy in at least two orthogonal planes (spec §7.3.3.3 "能多方位显示"): two
 * diagnostic series whose slice normals are at least 60° apart (|cos| ≤ ortho.maxCos). A 3D acquisition (MR
 * Acquisition Type 3D) with voxels no larger than iso.maxMm in every direction counts as multiplanar, because any
 * plane can be reconstructed from it. A single-plane study is a veto.
 */
public final class MrPlanesRule implements HeaderRule {

    static final String ID = "M1";

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        List<SeriesHeaders> mr = study.seriesOf(ModalityFamily.MR);
        if (mr.isEmpty()) {
            return List.of();
        }
        CheckDefinition check = table.require(ID);
        List<Geometry> normals = new ArrayList<>();
        Set<Geometry.Plane> planes = EnumSet.noneOf(Geometry.Plane.class);
        boolean isotropic3d = false;
        for (SeriesHeaders series : mr) {
            List<Dataset> images = series.diagnosticImages();
            if (images.isEmpty()) {
                continue;
            }
            Dataset d = images.getFirst();
            Geometry g = Geometry.of(d);
            if (g != null) {
                normals.add(g);
                planes.add(g.plane());
            }
            isotropic3d |= isIsotropic3d(d, check.param("iso.maxMm"));
        }
        double smallestCos = 1;
        for (int i = 0; i < normals.size(); i++) {
            for (int j = i + 1; j < normals.size(); j++) {
                smallestCos = Math.min(smallestCos, Math.abs(Geometry.dot(normals.get(i).normal(),
                        normals.get(j).normal())));
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("planes", (double) planes.size());
        values.put("smallestNormalCos", Math.round(smallestCos * 1000) / 1000.0);
        values.put("isotropic3d", isotropic3d ? 1.0 : 0.0);
        String threshold = "two series with |cos(normals)| ≤ " + check.describe("ortho.maxCos")
                + ", or a 3D series with voxels ≤ " + check.describe("iso.maxMm") + " mm";
        if (normals.isEmpty()) {
            return List.of(CheckResult.notApplicable(check, "study", "no MR image with ImageOrientationPatient"));
        }
        if (smallestCos <= check.param("ortho.maxCos")) {
            return List.of(CheckResult.pass(check, "study", values, threshold, "planes " + planes));
        }
        if (isotropic3d) {
            return List.of(CheckResult.pass(check, "study", values, threshold, "one plane " + planes
                    + ", from an isotropic 3D acquisition that reconstructs any plane"));
        }
        return List.of(CheckResult.fail(check, "study", values, threshold, "single-plane MR study: " + planes));
    }

    static boolean isIsotropic3d(Dataset d, double maxMm) {
        String type = Headers.string(d, Tag.MRAcquisitionType);
        if (type == null || !type.toUpperCase(Locale.ROOT).equals("3D")) {
            return false;
        }
        double thickness = Headers.sliceThickness(d);
        double[] ps = Headers.pixelSpacing(d);
        return thickness > 0 && thickness <= maxMm && ps.length == 2 && ps[0] <= maxMm && ps[1] <= maxMm;
    }
}
