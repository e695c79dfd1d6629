package org.hrnode.aiqc.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.opencv.core.Mat;

/** Image checks of a CT slice in HU: X5 clipping, C7 noise index, C8 metal streaks, C9 rings, C10 sharpness, C11
 * truncation. */
final class CtImageChecks {

    private CtImageChecks() {
    }

    static List<CheckResult> evaluate(WorkingImage image, String scope, CheckTable table) {
        List<CheckResult> out = new ArrayList<>();
        Mat hu = image.overview();
        out.add(clipping(image, scope, table));

        CheckDefinition c7 = table.require("C7");
        double noise = Noise.ctNoiseIndex(hu);
        Map<String, Double> nv = new LinkedHashMap<>();
        nv.put("noiseIndexHu", Pixels.round(noise, 1));
        out.add(Judge.of(c7, scope, "noise", noise, true, nv, "noisy"));

        CheckDefinition c8 = table.require("C8");
        double mm = image.overviewPixelMm();
        double pixelArea = Double.isNaN(mm) ? 1 : mm * mm;
        int minPixels = (int) Math.max(4, Math.ceil(c8.param("metal.minAreaMm2") / pixelArea));
        double[] metal = CtArtifacts.metal(hu, c8.param("metal.hu"), minPixels);
        Map<String, Double> mv = new LinkedHashMap<>();
        mv.put("metalAreaMm2", Pixels.round(metal[0] * pixelArea, 1));
        mv.put("streakIndexHu", Pixels.round(metal[1], 1));
        out.add(Judge.of(c8, scope, "streak", metal[1], true, mv, "metal streak artefacts"));

        CheckDefinition c9 = table.require("C9");
        double ring = CtArtifacts.ringIndex(hu);
        Map<String, Double> rv = new LinkedHashMap<>();
        rv.put("ringIndexHu", Pixels.round(ring, 2));
        out.add(Judge.of(c9, scope, "ring", ring, true, rv, "ring artefacts"));

        out.add(sharpness(table.require("C10"), scope, hu));

        CheckDefinition c11 = table.require("C11");
        boolean[] body = Regions.ctBody(hu);
        double truncation = Pixels.count(body) == 0 ? Double.NaN : Regions.ctTruncation(hu, body);
        Map<String, Double> tv = new LinkedHashMap<>();
        tv.put("bodyOnFovEdge", Pixels.round(truncation, 3));
        out.add(Judge.of(c11, scope, "truncation", truncation, true, tv, "body cut by the field of view"));
        return out;
    }

    /** X5 for cross-sectional images: pixels piled up at the image's maximum. */
    static CheckResult clipping(WorkingImage image, String scope, CheckTable table) {
        CheckDefinition x5 = table.require("X5");
        double[] clipped = image.clippedFractions(DrImageChecks.whole(image.overview()));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("clippedBrightFraction", Pixels.round(clipped[1], 4));
        return Judge.of(x5, scope, "clip", clipped[1], true, values, "values piled up at the maximum: clipped");
    }

    static CheckResult sharpness(CheckDefinition check, String scope, Mat values) {
        Sharpness s = Sharpness.of(values);
        Map<String, Double> sv = new LinkedHashMap<>();
        sv.put("blur", Pixels.round(s.blur(), 3));
        sv.put("laplacianVariance", Pixels.round(s.laplacianVar(), 4));
        sv.put("tenengrad", Pixels.round(s.tenengrad(), 4));
        return Judge.of(check, scope, "blur", s.blur(), true, sv, "blurred: motion or a soft kernel");
    }
}
