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

/**
 * C1 — no slice is missing or duplicated in a CT series (spec §7.3.2.1 "无重扫、错扫、漏扫", §7.3.2.3 "无层面
 * 遗漏"): from Image Position/Orientation (Patient), see {@link SliceStack}. C1-ORDER — Instance Numbers run in
 * anatomical order (§7.3.2.3 "图像按解剖顺序排列"); viewers that sort by position hide a wrong order, so it costs
 * points but does not veto.
 */
public final class SliceContinuityRule implements HeaderRule {

    static final String ID = "C1";
    static final String ORDER_ID = "C1-ORDER";

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        CheckDefinition continuity = table.require(ID);
        CheckDefinition order = table.require(ORDER_ID);
        List<CheckResult> out = new ArrayList<>();
        for (SeriesHeaders series : study.seriesOf(ModalityFamily.CT)) {
            int minSlices = (int) continuity.param("minSlices");
            List<SliceStack> stacks = SliceStack.of(series.diagnosticImages()).stream()
                    .filter(s -> s.size() >= minSlices).toList();
            if (stacks.isEmpty()) {
                out.add(CheckResult.notApplicable(continuity, series.seriesUid(), "fewer than " + minSlices
                        + " positioned slices in one orientation"));
                continue;
            }
            out.add(continuity(continuity, series.seriesUid(), stacks));
            out.add(order(order, series.seriesUid(), stacks));
        }
        return out;
    }

    private static CheckResult continuity(CheckDefinition check, String scope, List<SliceStack> stacks) {
        double ratio = check.param("gapRatio");
        int missing = 0;
        int duplicates = 0;
        int slices = 0;
        double worst = 1;
        for (SliceStack s : stacks) {
            missing += s.missingSlices(ratio);
            duplicates += s.duplicates();
            slices += s.size();
            worst = Math.max(worst, s.worstGapRatio());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("slices", (double) slices);
        values.put("stacks", (double) stacks.size());
        values.put("medianSpacingMm", round(stacks.getFirst().medianGap()));
        values.put("worstGapToLocalSpacing", round(worst));
        values.put("missingSlices", (double) missing);
        values.put("duplicatedSlices", (double) duplicates);
        String threshold = "no gap > " + check.describe("gapRatio") + " × local spacing; one image per position";
        if (missing == 0 && duplicates == 0) {
            return CheckResult.pass(check, scope, values, threshold, "continuous");
        }
        List<String> what = new ArrayList<>();
        if (missing > 0) {
            what.add(missing + " missing slice(s)");
        }
        if (duplicates > 0) {
            what.add(duplicates + " duplicated slice(s)");
        }
        return CheckResult.fail(check, scope, values, threshold, String.join(", ", what));
    }

    private static CheckResult order(CheckDefinition check, String scope, List<SliceStack> stacks) {
        int reversals = stacks.stream().mapToInt(SliceStack::orderReversals).sum();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("orderReversals", (double) reversals);
        Outcome outcome = reversals == 0 ? Outcome.PASS : Outcome.FAIL;
        return CheckResult.of(check, scope, outcome, values, "InstanceNumber order moves one way along the slice "
                + "normal", reversals == 0 ? "anatomical order" : "InstanceNumber order changes direction "
                + reversals + " time(s)");
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
