package org.hrnode.wado.render;

import java.util.Locale;

/**
 * The VOI LUT Functions of PS3.3 §C.11.2.1.2 that map a window (center, width) of modality values onto the output
 * range: what VOI LUT Function (0028,1056) names in an object and what the {@code window} parameter of PS3.18
 * §8.3.5.1 names in a request.
 */
public enum VoiFunction {

    /** PS3.3 §C.11.2.1.2.1: the window edges are offset by ½ so that width 1 is a threshold. */
    LINEAR {
        @Override
        double apply(double x, double center, double width, double yMax) {
            double low = center - 0.5 - (width - 1) / 2;
            double high = center - 0.5 + (width - 1) / 2;
            if (x <= low) {
                return 0;
            }
            if (x > high) {
                return yMax;
            }
            return ((x - (center - 0.5)) / (width - 1) + 0.5) * yMax;
        }
    },
    /** PS3.3 §C.11.2.1.3.2: exactly {@code center ± width/2}. */
    LINEAR_EXACT {
        @Override
        double apply(double x, double center, double width, double yMax) {
            if (x <= center - width / 2) {
                return 0;
            }
            if (x > center + width / 2) {
                return yMax;
            }
            return ((x - center) / width + 0.5) * yMax;
        }
    },
    /** PS3.3 §C.11.2.1.3.1. */
    SIGMOID {
        @Override
        double apply(double x, double center, double width, double yMax) {
            return yMax / (1 + Math.exp(-4 * (x - center) / width));
        }
    };

    /** The output value in {@code [0, yMax]} for modality value {@code x}. */
    abstract double apply(double x, double center, double width, double yMax);

    /** The smallest width the function accepts (PS3.3: ≥ 1 for LINEAR, > 0 otherwise). */
    double minimumWidth() {
        return this == LINEAR ? 1 : Double.MIN_VALUE;
    }

    /**
     * Reads a function name as the standard writes it in either place ({@code LINEAR_EXACT} in a dataset,
     * {@code linear-exact} in a URL), case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static VoiFunction parse(String name) {
        String normal = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (VoiFunction function : values()) {
            if (function.name().equals(normal)) {
                return function;
            }
        }
        throw new IllegalArgumentException("unknown VOI LUT function \"" + name
                + "\"; use linear, linear-exact or sigmoid");
    }
}
