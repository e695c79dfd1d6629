package org.hrnode.aiqc.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * C5 — the CT dose is within the diagnostic reference level of the body region: the largest CTDIvol (0018,9345) of
 * the series against {@code drl.<region>} (mGy). The region comes from Body Part Examined and the descriptions
 * (head, chest, abdomen, pelvis, spine; else {@code drl.other}). The defaults are placeholders of the usual adult
 * order of magnitude: a site sets the values its regulator publishes.
 */
public final class DoseRule implements HeaderRule {

    static final String ID = "C5";

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        CheckDefinition check = table.require(ID);
        List<CheckResult> out = new ArrayList<>();
        for (SeriesHeaders series : study.seriesOf(ModalityFamily.CT)) {
            List<Dataset> images = series.diagnosticImages();
            if (images.isEmpty()) {
                continue;
            }
            double ctdi = images.stream().mapToDouble(d -> Headers.number(d, Tag.CTDIvol)).filter(v -> v >= 0)
                    .max().orElse(Double.NaN);
            if (Double.isNaN(ctdi)) {
                out.add(CheckResult.notApplicable(check, series.seriesUid(), "no CTDIvol in the images"));
                continue;
            }
            String region = region(Headers.descriptions(images.getFirst()));
            double drl = check.param("drl." + region);
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("ctdiVolMGy", ctdi);
            values.put("referenceLevelMGy", drl);
            String threshold = "CTDIvol ≤ drl." + region + "=" + drl + " mGy";
            out.add(ctdi > drl
                    ? CheckResult.fail(check, series.seriesUid(), values, threshold, "CTDIvol " + ctdi
                            + " mGy above the " + region + " reference level")
                    : CheckResult.pass(check, series.seriesUid(), values, threshold, "dose within the " + region
                            + " reference level"));
        }
        return out;
    }

    static String region(String upperText) {
        String t = upperText.toUpperCase(Locale.ROOT);
        if (t.matches("(?s).*(HEAD|BRAIN|SKULL|头|颅|脑).*")) {
            return "head";
        }
        if (t.matches("(?s).*(SPINE|VERTEBR|脊|椎).*")) {
            return "spine";
        }
        if (t.matches("(?s).*(CHEST|THORAX|LUNG|胸|肺).*")) {
            return "chest";
        }
        if (t.matches("(?s).*(ABDOMEN|ABD|LIVER|腹|肝|胰|肾).*")) {
            return "abdomen";
        }
        if (t.matches("(?s).*(PELVIS|盆).*")) {
            return "pelvis";
        }
        return "other";
    }
}
