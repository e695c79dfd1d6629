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
import org.hrnode.dicom.dict.Tag;

/**
 * M2 — a reasonable FOV, slice thickness and gap (spec §7.3.3.3 "合理的FOV、层厚、层间距"): SliceThickness ≤
 * thick.max; the gap (Spacing Between Slices, else the measured slice spacing, minus the thickness) no more than
 * gap.maxRatio × the thickness; the field of view (the larger of Rows × row spacing and Columns × column spacing)
 * within [fov.min, fov.max] mm.
 */
public final class MrGeometryRule implements HeaderRule {

    static final String ID = "M2";

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        CheckDefinition check = table.require(ID);
        List<CheckResult> out = new ArrayList<>();
        for (SeriesHeaders series : study.seriesOf(ModalityFamily.MR)) {
            List<Dataset> images = series.diagnosticImages();
            if (!images.isEmpty()) {
                out.add(judge(check, series.seriesUid(), images));
            }
        }
        return out;
    }

    private static CheckResult judge(CheckDefinition check, String scope, List<Dataset> images) {
        Dataset d = images.getFirst();
        double thickness = Headers.sliceThickness(d);
        double[] between = Headers.frameDoubles(d, Tag.PixelMeasuresSequence, Tag.SpacingBetweenSlices);
        double spacing = between.length == 0 ? Double.NaN : between[0];
        if (!(spacing > 0)) {
            List<SliceStack> stacks = SliceStack.of(images);
            spacing = stacks.isEmpty() ? Double.NaN : stacks.getFirst().medianGap();
        }
        double[] ps = Headers.pixelSpacing(d);
        double fov = ps.length == 2 ? Math.max(d.getInt(Tag.Rows, 0) * ps[0], d.getInt(Tag.Columns, 0) * ps[1])
                : Double.NaN;
        if (Double.isNaN(thickness) || Double.isNaN(fov)) {
            return CheckResult.notApplicable(check, scope, "no SliceThickness or PixelSpacing");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("sliceThicknessMm", thickness);
        boolean severalSlices = images.size() > 1 || d.getInt(Tag.NumberOfFrames, 1) > 1;
        double gap = spacing > 0 && severalSlices ? Math.max(0, spacing - thickness) : 0;
        values.put("gapMm", SliceContinuityRule.round(gap));
        values.put("fovMm", SliceContinuityRule.round(fov));
        String threshold = check.describe("thick.max", "gap.maxRatio", "fov.min", "fov.max");
        List<String> problems = new ArrayList<>();
        if (thickness > check.param("thick.max")) {
            problems.add("slices of " + thickness + " mm are too thick");
        }
        if (gap > check.param("gap.maxRatio") * thickness) {
            problems.add("gap of " + values.get("gapMm") + " mm between " + thickness + " mm slices");
        }
        if (fov < check.param("fov.min") || fov > check.param("fov.max")) {
            problems.add("FOV " + values.get("fovMm") + " mm outside the usual range");
        }
        return problems.isEmpty() ? CheckResult.pass(check, scope, values, threshold, "geometry within limits")
                : CheckResult.fail(check, scope, values, threshold, String.join("; ", problems));
    }
}
