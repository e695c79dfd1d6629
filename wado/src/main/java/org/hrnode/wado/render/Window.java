package org.hrnode.wado.render;

/**
 * A VOI window: which modality values map onto the display range, and how (PS3.3 §C.11.2.1.2).
 *
 * @param center Window Center, in modality units (after Rescale Slope/Intercept)
 * @param width  Window Width; at least 1 for {@link VoiFunction#LINEAR}, positive otherwise
 */
public record Window(double center, double width, VoiFunction function) {

    public Window {
        if (!Double.isFinite(center) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("window center and width must be finite numbers");
        }
        if (width < function.minimumWidth()) {
            throw new IllegalArgumentException("window width " + width + " is too small for "
                    + function.name().toLowerCase() + (function == VoiFunction.LINEAR ? " (at least 1)" : " (> 0)"));
        }
    }

    /**
     * Reads the PS3.18 §8.3.5.1 {@code window} parameter: {@code center,width[,function]}, function
     * {@code linear} when absent.
     *
     * @throws IllegalArgumentException saying what is wrong with the value
     */
    public static Window parse(String parameter) {
        String[] parts = parameter.split(",", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("window must be center,width[,function], got \"" + parameter + "\"");
        }
        VoiFunction function = parts.length == 3 ? VoiFunction.parse(parts[2]) : VoiFunction.LINEAR;
        return new Window(number(parts[0], "window center"), number(parts[1], "window width"), function);
    }

    static double number(String text, String what) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got \"" + text + "\"", e);
        }
    }
}
