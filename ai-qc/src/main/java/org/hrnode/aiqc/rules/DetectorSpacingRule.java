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
 * X10 — a radiograph says its pixel size, so that the receiving hospital can measure on it: Imager Pixel Spacing
 * (0018,1164) at the detector, else Pixel Spacing (0028,0030), two positive values inside a plausible detector
 * range.
 */
public final class DetectorSpacingRule implements HeaderRule {

    static final String ID = "X10";

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        CheckDefinition check = table.require(ID);
        List<CheckResult> out = new ArrayList<>();
        for (SeriesHeaders series : study.seriesOf(ModalityFamily.DR)) {
            for (Dataset d : series.diagnosticImages()) {
                out.add(judge(check, d));
            }
        }
        return out;
    }

    private static CheckResult judge(CheckDefinition check, Dataset d) {
        String scope = d.getString(Tag.SOPInstanceUID, "?");
        double[] spacing = Headers.doubles(d, Tag.ImagerPixelSpacing);
        if (spacing.length != 2) {
            spacing = Headers.doubles(d, Tag.PixelSpacing);
        }
        String threshold = "ImagerPixelSpacing or PixelSpacing, each in [" + check.describe("spacing.min",
                "spacing.max") + "] mm";
        Map<String, Double> values = new LinkedHashMap<>();
        if (spacing.length != 2) {
            return CheckResult.fail(check, scope, values, threshold, "no ImagerPixelSpacing or PixelSpacing: "
                    + "distances cannot be measured");
        }
        values.put("rowSpacingMm", spacing[0]);
        values.put("columnSpacingMm", spacing[1]);
        double min = check.param("spacing.min");
        double max = check.param("spacing.max");
        for (double s : spacing) {
            if (!(s >= min && s <= max)) {
                return CheckResult.fail(check, scope, values, threshold, "pixel spacing " + s + " mm is not a "
                        + "plausible detector pixel size");
            }
        }
        return CheckResult.pass(check, scope, values, threshold, "pixel spacing present");
    }
}
