package org.hrnode.aiqc.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Image checks of a radiograph: X5 clipping, X6 field, E1 exposure, X7 centring, X8 sharpness, X11 noise. All
 * inside the exposed field found by {@link Field}, so collimator shutters neither count as clipped nor as flat.
 */
final class DrImageChecks {

    /** Side of the full-resolution crop sharpness and noise are measured on. */
    static final int DETAIL = 512;
    /** Share of the field's size left out on each side when counting clipped pixels (see Field.inner). */
    static final double FIELD_MARGIN = 0.05;

    private DrImageChecks() {
    }

    static List<CheckResult> evaluate(WorkingImage image, String scope, CheckTable table) {
        List<CheckResult> out = new ArrayList<>();
        Mat overview = image.overview();
        Field field = Field.of(overview);
        float[] v = Pixels.floats(overview);
        boolean[] inField = field.fieldMask();

        CheckDefinition x6 = table.require("X6");
        Map<String, Double> fieldValues = new LinkedHashMap<>();
        fieldValues.put("fieldFraction", Pixels.round(field.fieldFraction(), 3));
        out.add(Judge.of(x6, scope, "field", field.fieldFraction(), false, fieldValues,
                "exposed field too small: over-collimated or cut off"));

        CheckDefinition x5 = table.require("X5");
        double[] clipped = image.clippedFractions(field.inner(FIELD_MARGIN));
        Map<String, Double> clipValues = new LinkedHashMap<>();
        clipValues.put("clippedBrightFraction", Pixels.round(clipped[1], 4));
        clipValues.put("clippedDarkFraction", Pixels.round(clipped[0], 4));
        out.add(Judge.of(x5, scope, "clip", clipped[1], true, clipValues,
                "anatomy burnt out at the bright end of the range"));

        CheckDefinition e1 = table.require("E1");
        double max = image.displayMaximum();
        double[] p = Pixels.percentiles(v, inField, 1, 50, 99);
        double[] ms = Pixels.meanSd(v, inField);
        double span = (p[2] - p[0]) / max;
        Map<String, Double> exposure = new LinkedHashMap<>();
        exposure.put("meanOfRange", Pixels.round(ms[0] / max, 3));
        exposure.put("p1OfRange", Pixels.round(p[0] / max, 3));
        exposure.put("p50OfRange", Pixels.round(p[1] / max, 3));
        exposure.put("p99OfRange", Pixels.round(p[2] / max, 3));
        exposure.put("spanOfRange", Pixels.round(span, 3));
        out.add(Judge.of(e1, scope, "span", span, false, exposure,
                "the field uses little of the value range: flat, low-contrast exposure"));

        CheckDefinition x7 = table.require("X7");
        double offset = field.centringOffset();
        Map<String, Double> centring = new LinkedHashMap<>();
        centring.put("centringOffset", Pixels.round(offset, 3));
        out.add(Judge.of(x7, scope, "offset", offset, true, centring, "anatomy off the centre of the field"));

        Mat detail = image.detail(field.rect(), DETAIL);
        Sharpness sharpness = Sharpness.of(detail);
        CheckDefinition x8 = table.require("X8");
        Map<String, Double> sharp = new LinkedHashMap<>();
        sharp.put("blur", Pixels.round(sharpness.blur(), 3));
        sharp.put("laplacianVariance", Pixels.round(sharpness.laplacianVar(), 4));
        sharp.put("tenengrad", Pixels.round(sharpness.tenengrad(), 4));
        out.add(Judge.of(x8, scope, "blur", sharpness.blur(), true, sharp, "blurred: motion or focus"));

        CheckDefinition x11 = table.require("X11");
        double range = Math.max(1e-6, p[2] - p[0]);
        double[] estimates = Noise.highPass(detail, null);
        double sigma = estimates[0];
        Map<String, Double> noise = new LinkedHashMap<>();
        noise.put("noiseSd", Pixels.round(sigma, 2));
        noise.put("noiseSdMad", Pixels.round(estimates[1], 2));
        noise.put("noiseOfFieldRange", Pixels.round(sigma / range, 4));
        out.add(Judge.of(x11, scope, "noise", sigma / range, true, noise, "noisy: too little dose"));
        detail.release();
        return out;
    }

    static Rect whole(Mat m) {
        return new Rect(0, 0, m.cols(), m.rows());
    }
}
