package org.hrnode.aiqc.rules;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * C6 — a contrast-enhanced CT has its phases (spec §7.3.2.3 "增强扫描期相合适"): when any image names a contrast
 * agent (Contrast/Bolus Agent or its sequence) or a description says enhanced (增强, C+, CONTRAST, arterial …),
 * the study must hold at least minPhases acquisitions. Acquisitions are told apart by acquisition time: series
 * whose first acquisition lies within phase.gapSeconds of another are reconstructions of one phase (Series
 * Date/Time stands in when the images carry no acquisition time; a series with neither counts as a phase of its
 * own, so missing times never make a study fail).
 */
public final class ContrastPhaseRule implements HeaderRule {

    static final String ID = "C6";

    private static final Pattern ENHANCED = Pattern.compile("增强|动脉|静脉|门脉|延迟|\\bC\\+|CONTRAST|ENHANC|ARTERIAL"
            + "|VENOUS|PORTAL|DELAY|\\bCE\\b|\\bCTA\\b");

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        List<SeriesHeaders> ct = study.seriesOf(ModalityFamily.CT);
        if (ct.isEmpty()) {
            return List.of();
        }
        CheckDefinition check = table.require(ID);
        boolean contrast = false;
        List<LocalDateTime> starts = new ArrayList<>();
        int untimed = 0;
        for (SeriesHeaders series : ct) {
            List<Dataset> images = series.diagnosticImages();
            if (images.isEmpty()) {
                continue;
            }
            LocalDateTime start = null;
            for (Dataset d : images) {
                contrast |= Headers.string(d, Tag.ContrastBolusAgent) != null
                        || d.contains(Tag.ContrastBolusAgentSequence)
                        || ENHANCED.matcher(Headers.descriptions(d)).find();
                LocalDateTime t = ExamDateRule.acquired(d);
                if (t != null && (start == null || t.isBefore(start))) {
                    start = t;
                }
            }
            if (start == null) {
                start = Headers.dateTime(images.getFirst(), Tag.SeriesDate, Tag.SeriesTime);
            }
            if (start == null) {
                untimed++;
            } else {
                starts.add(start);
            }
        }
        if (!contrast) {
            return List.of(CheckResult.notApplicable(check, "study", "no contrast agent or enhanced scan named"));
        }
        starts.sort(null);
        int phases = untimed;
        LocalDateTime last = null;
        long gap = (long) check.param("phase.gapSeconds");
        for (LocalDateTime t : starts) {
            if (last == null || Duration.between(last, t).toSeconds() > gap) {
                phases++;
            }
            last = t;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("phases", (double) phases);
        String threshold = "phases ≥ " + check.describe("minPhases") + " (" + check.describe("phase.gapSeconds")
                + ")";
        return List.of(phases >= check.param("minPhases")
                ? CheckResult.pass(check, "study", values, threshold, phases + " phases")
                : CheckResult.fail(check, "study", values, threshold, "contrast study with only " + phases
                        + " phase(s)"));
    }
}
