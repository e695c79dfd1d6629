package org.hrnode.aiqc.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.data.Dataset;

/**
 * M3 — the images of an MR series share one orientation (spec §7.3.3.3 "各序列图像显示方向保持一致"): every
 * Image Orientation (Patient) of the series within orientation.minCos of the first; otherwise the series is not one
 * stack and cannot be paged (veto). M3-DISPLAY — the series is displayed the conventional way round (left to right,
 * front to back, top to bottom): rows run to the patient's left (axial, coronal) or backwards (sagittal), columns
 * backwards (axial) or downwards (coronal, sagittal).
 */
public final class OrientationRule implements HeaderRule {

    static final String ID = "M3";
    static final String DISPLAY_ID = "M3-DISPLAY";

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        CheckDefinition consistency = table.require(ID);
        CheckDefinition display = table.require(DISPLAY_ID);
        List<CheckResult> out = new ArrayList<>();
        for (SeriesHeaders series : study.seriesOf(ModalityFamily.MR)) {
            List<Geometry> geometries = series.diagnosticImages().stream().map(Geometry::of)
                    .filter(g -> g != null).toList();
            if (geometries.isEmpty()) {
                out.add(CheckResult.notApplicable(consistency, series.seriesUid(), "no ImageOrientationPatient"));
                continue;
            }
            out.add(consistency(consistency, series.seriesUid(), geometries));
            out.add(display(display, series.seriesUid(), geometries.getFirst()));
        }
        return out;
    }

    private static CheckResult consistency(CheckDefinition check, String scope, List<Geometry> geometries) {
        Geometry first = geometries.getFirst();
        double minCos = check.param("orientation.minCos");
        int differing = 0;
        double worst = 1;
        for (Geometry g : geometries) {
            worst = Math.min(worst, Math.min(Geometry.dot(first.row(), g.row()), Geometry.dot(first.column(),
                    g.column())));
            if (!first.sameOrientation(g, minCos)) {
                differing++;
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("images", (double) geometries.size());
        values.put("imagesWithOtherOrientation", (double) differing);
        values.put("smallestCos", Math.round(worst * 10000) / 10000.0);
        String threshold = "cos(row, column vs first image) ≥ " + check.describe("orientation.minCos");
        return differing == 0 ? CheckResult.pass(check, scope, values, threshold, "one orientation")
                : CheckResult.fail(check, scope, values, threshold, differing
                        + " image(s) in another orientation than the series' first");
    }

    private static CheckResult display(CheckDefinition check, String scope, Geometry g) {
        Geometry.Plane plane = g.plane();
        // Expected screen-right (row) and screen-down (column) directions in patient axes: +x left, +y posterior,
        // +z head.
        double[] rowExpected = plane == Geometry.Plane.SAGITTAL ? new double[] {0, 1, 0} : new double[] {1, 0, 0};
        double[] colExpected = plane == Geometry.Plane.AXIAL ? new double[] {0, 1, 0} : new double[] {0, 0, -1};
        double rowCos = Geometry.dot(g.row(), rowExpected);
        double colCos = Geometry.dot(g.column(), colExpected);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("rowCos", Math.round(rowCos * 1000) / 1000.0);
        values.put("columnCos", Math.round(colCos * 1000) / 1000.0);
        String threshold = plane + ": rows toward " + (plane == Geometry.Plane.SAGITTAL ? "posterior" : "patient left")
                + ", columns toward " + (plane == Geometry.Plane.AXIAL ? "posterior" : "feet");
        return rowCos > 0 && colCos > 0 ? CheckResult.pass(check, scope, values, threshold, "conventional display")
                : CheckResult.fail(check, scope, values, threshold, plane.name().toLowerCase(java.util.Locale.ROOT)
                        + " series displayed " + (rowCos <= 0 ? "left-right flipped" : "")
                        + (rowCos <= 0 && colCos <= 0 ? " and " : "") + (colCos <= 0 ? "upside down" : ""));
    }
}
