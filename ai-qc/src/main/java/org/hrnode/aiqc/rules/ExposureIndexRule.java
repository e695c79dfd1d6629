package org.hrnode.aiqc.rules;

import java.util.ArrayList;
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
 * X4 — the detector dose was right for the image (IEC 62494-1, AAPM TG-116): Deviation Index (0018,1413), or
 * DI = 10·log10(EI/EI_T) from Exposure Index (0018,1411) and Target Exposure Index (0018,1412). |DI| ≤ di.warn
 * passes, up to di.fail warns, beyond fails (TG-116: ±1 ≈ ±26 % of target dose, ±3 ≈ half or double). Devices
 * that record no index get NOT_APPLICABLE: the image metrics still judge the exposure.
 */
public final class ExposureIndexRule implements HeaderRule {

    static final String ID = "X4";

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
        double di = Headers.number(d, Tag.DeviationIndex);
        double ei = Headers.number(d, Tag.ExposureIndex);
        double target = Headers.number(d, Tag.TargetExposureIndex);
        Map<String, Double> values = new LinkedHashMap<>();
        if (!Double.isNaN(ei)) {
            values.put("exposureIndex", ei);
        }
        if (!Double.isNaN(target)) {
            values.put("targetExposureIndex", target);
        }
        if (Double.isNaN(di) && ei > 0 && target > 0) {
            di = 10 * Math.log10(ei / target);
        }
        if (Double.isNaN(di)) {
            return CheckResult.notApplicable(check, scope, "no DeviationIndex, and no ExposureIndex with "
                    + "TargetExposureIndex");
        }
        values.put("deviationIndex", Math.round(di * 100) / 100.0);
        Outcome outcome = CheckResult.grade(Math.abs(di), check.param("di.warn"), check.param("di.fail"), true);
        String what = di > 0 ? "overexposed" : "underexposed";
        String detail = outcome == Outcome.PASS ? "exposure on target" : what + " (DI " + values.get(
                "deviationIndex") + ")";
        return CheckResult.of(check, scope, outcome, values, "|DI| " + check.describe("di.warn", "di.fail"), detail);
    }
}
