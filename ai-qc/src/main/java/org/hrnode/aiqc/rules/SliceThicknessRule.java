package org.hrnode.aiqc.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * C3 — the CT study can show lesions of 1 mm (spec §7.3.2.3 "能分辨≥1mm的病变"): its thinnest series has
 * SliceThickness ≤ thin.max with in-plane PixelSpacing ≤ pixel.max and a reconstruction interval (median slice
 * spacing) no larger than interval.maxRatio × the thickness (else the slices leave gaps). A thinnest series up to
 * thick.max passes the routine protocols (e.g. 5 mm head) with a warning; thicker fails.
 */
public final class SliceThicknessRule implements HeaderRule {

    static final String ID = "C3";

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        List<SeriesHeaders> ct = study.seriesOf(ModalityFamily.CT);
        if (ct.isEmpty()) {
            return List.of();
        }
        CheckDefinition check = table.require(ID);
        double thinnest = Double.NaN;
        double pixel = Double.NaN;
        double interval = Double.NaN;
        for (SeriesHeaders series : ct) {
            List<Dataset> images = series.diagnosticImages();
            for (Dataset d : images) {
                double t = Headers.sliceThickness(d);
                if (t > 0 && !(t >= thinnest)) {
                    thinnest = t;
                    double[] ps = Headers.pixelSpacing(d);
                    pixel = ps.length == 2 ? Math.max(ps[0], ps[1]) : Double.NaN;
                    List<SliceStack> stacks = SliceStack.of(images);
                    interval = stacks.isEmpty() ? Double.NaN : stacks.getFirst().medianGap();
                }
            }
        }
        String threshold = "thickness ≤ thin.max (warn ≤ thick.max), " + check.describe("thin.max", "thick.max",
                "pixel.max", "interval.maxRatio");
        if (Double.isNaN(thinnest)) {
            return List.of(CheckResult.notApplicable(check, "study", "no SliceThickness in any CT image"));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("thinnestSliceThicknessMm", thinnest);
        values.put("pixelSpacingMm", pixel);
        values.put("reconstructionIntervalMm", SliceContinuityRule.round(interval));
        if (pixel > check.param("pixel.max")) {
            return List.of(CheckResult.fail(check, "study", values, threshold, "in-plane pixel " + pixel
                    + " mm is too coarse for 1 mm lesions"));
        }
        if (interval > check.param("interval.maxRatio") * thinnest) {
            return List.of(CheckResult.fail(check, "study", values, threshold, "reconstruction interval "
                    + values.get("reconstructionIntervalMm") + " mm leaves gaps between " + thinnest + " mm slices"));
        }
        Outcome outcome = CheckResult.grade(thinnest, check.param("thin.max"), check.param("thick.max"), true);
        String detail = switch (outcome) {
            case PASS -> "thin reconstruction available";
            case WARN -> "no thin reconstruction: thinnest slices " + thinnest + " mm";
            default -> "slices of " + thinnest + " mm cannot show 1 mm lesions";
        };
        return List.of(CheckResult.of(check, "study", outcome, values, threshold, detail));
    }
}
