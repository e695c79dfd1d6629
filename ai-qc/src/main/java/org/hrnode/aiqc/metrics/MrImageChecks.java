package org.hrnode.aiqc.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.opencv.core.Mat;

/** Image checks of an MR slice: X5 clipping, M4 coverage, M5 SNR/CNR/EFC/FBER, M6 ghosting, M7 sharpness. */
final class MrImageChecks {

    private MrImageChecks() {
    }

    static List<CheckResult> evaluate(WorkingImage image, Dataset dataset, String scope, CheckTable table) {
        List<CheckResult> out = new ArrayList<>();
        Mat values = image.overview();
        int rows = values.rows();
        int cols = values.cols();
        out.add(CtImageChecks.clipping(image, scope, table));
        boolean[] fg = Regions.mrForeground(values);

        CheckDefinition m4 = table.require("M4");
        double offset = Regions.centringOffset(fg, rows, cols);
        double border = Regions.borderShare(fg, rows, cols);
        Map<String, Double> cv = new LinkedHashMap<>();
        cv.put("centringOffset", Pixels.round(offset, 3));
        cv.put("foregroundOnImageBorder", Pixels.round(border, 3));
        CheckResult centring = Judge.of(m4, scope, "offset", offset, true, cv, "target not centred");
        CheckResult cut = Judge.of(m4, scope, "truncation", border, true, cv, "anatomy cut by the image edge");
        out.add(worse(centring, cut));

        String pe = dataset.getString(Tag.InPlanePhaseEncodingDirection);
        Boolean phaseRows = pe == null ? null : pe.strip().toUpperCase(Locale.ROOT).equals("ROW");
        MrQuality q = MrQuality.of(values, fg, phaseRows);
        CheckDefinition m5 = table.require("M5");
        Map<String, Double> qv = new LinkedHashMap<>();
        qv.put("snr", Pixels.round(q.snr(), 2));
        qv.put("cnr", Pixels.round(q.cnr(), 2));
        qv.put("efc", Pixels.round(q.efc(), 3));
        qv.put("fber", Pixels.round(q.fber(), 1));
        qv.put("noiseFromAir", q.noiseFromAir() ? 1.0 : 0.0);
        out.add(Judge.of(m5, scope, "snr", q.snr(), false, qv, "low signal-to-noise ratio"));

        CheckDefinition m6 = table.require("M6");
        Map<String, Double> gv = new LinkedHashMap<>();
        gv.put("ghostToSignal", Pixels.round(q.ghostToSignal(), 4));
        out.add(Judge.of(m6, scope, "gsr", q.ghostToSignal(), true, gv, "ghosting along the phase-encoding "
                + "direction"));

        out.add(CtImageChecks.sharpness(table.require("M7"), scope, values));
        return out;
    }

    private static CheckResult worse(CheckResult a, CheckResult b) {
        return rank(b.outcome()) > rank(a.outcome()) ? b : a;
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case NOT_APPLICABLE -> 0;
            case PASS -> 1;
            case WARN -> 2;
            case FAIL -> 3;
        };
    }
}
