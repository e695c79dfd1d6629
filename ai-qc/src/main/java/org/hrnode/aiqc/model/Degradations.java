package org.hrnode.aiqc.model;

import java.util.Random;

/**
 * The synthetic degradations the model is trained on, each a documented transform of a {@link WorkingImage}'s
 * pixels (row major, {@value WorkingImage#SIZE}², values in [0, 1]) drawn from a seeded {@link Random}. Strengths
 * are chosen so that a radiologist would call the result degraded; docs/QC-MODEL.md lists the ranges.
 *
 * <p>Hand-written rather than taken from an image library: each is a few lines of arithmetic on a 128² float
 * array, and owning them keeps training reproducible to the bit from a seed.
 */
final class Degradations {

    private static final int N = WorkingImage.SIZE;
    /** Distance (px) beyond which a thin streak's or ring's Gaussian profile is below 1e-5 and is not computed. */
    private static final double STREAK_REACH = 4;

    private Degradations() {
    }

    /** Applies {@code c} (not {@link DegradationClass#CLEAN}) to {@code p} in place. */
    static void apply(DegradationClass c, float[] p, Random rnd) {
        switch (c) {
            case NOISE -> noise(p, rnd);
            case BLUR -> blur(p, rnd);
            case UNDER_EXPOSURE -> underExposure(p, rnd);
            case OVER_EXPOSURE -> overExposure(p, rnd);
            case COLLIMATION -> collimation(p, rnd);
            case FOREIGN_BODY -> foreignBody(p, rnd);
            case RING -> ring(p, rnd);
            case GHOSTING -> ghosting(p, rnd);
            case CLEAN -> throw new IllegalArgumentException("clean is the absence of a degradation");
        }
        clampAll(p);
    }

    /**
     * Variation every training image gets, degraded or not, so that the model does not learn the exact look of the
     * few source images: a horizontal flip half of the time, gamma in [0.85, 1.15], faint Gaussian noise σ ≤ 0.008.
     */
    static void benign(float[] p, Random rnd) {
        if (rnd.nextBoolean()) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N / 2; x++) {
                    int a = y * N + x;
                    int b = y * N + N - 1 - x;
                    float t = p[a];
                    p[a] = p[b];
                    p[b] = t;
                }
            }
        }
        double gamma = uniform(rnd, 0.85, 1.15);
        double sigma = uniform(rnd, 0, 0.008);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (Math.pow(p[i], gamma) + sigma * rnd.nextGaussian());
        }
        clampAll(p);
    }

    /** Additive Gaussian noise σ ∈ [0.05, 0.14], or Poisson-like noise whose σ grows with √signal (half each). */
    private static void noise(float[] p, Random rnd) {
        double sigma = uniform(rnd, 0.05, 0.14);
        boolean poisson = rnd.nextBoolean();
        for (int i = 0; i < p.length; i++) {
            double s = poisson ? sigma * Math.sqrt(p[i] + 0.1) / Math.sqrt(0.6) : sigma;
            p[i] += (float) (s * rnd.nextGaussian());
        }
    }

    /** Gaussian blur σ ∈ [1.5, 3] px, or motion blur along a line of 7–15 px at a random angle (half each). */
    private static void blur(float[] p, Random rnd) {
        float[] out;
        if (rnd.nextBoolean()) {
            out = gaussianBlur(p, uniform(rnd, 1.5, 3.0));
        } else {
            out = motionBlur(p, 7 + rnd.nextInt(9), uniform(rnd, 0, Math.PI));
        }
        System.arraycopy(out, 0, p, 0, p.length);
    }

    /** Gain 0.2–0.45: the image is dark and its contrast compressed, as with too little dose or a low window. */
    private static void underExposure(float[] p, Random rnd) {
        double gain = uniform(rnd, 0.2, 0.45);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (p[i] * gain);
        }
    }

    /** Gain 1.8–3 plus offset 0.1–0.3, clipped at 1: large areas saturate, as with burn-out. */
    private static void overExposure(float[] p, Random rnd) {
        double gain = uniform(rnd, 1.8, 3.0);
        double offset = uniform(rnd, 0.1, 0.3);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (p[i] * gain + offset);
        }
    }

    /**
     * One or two image edges cut by a straight border (tilted up to ±10°) 20–40 % of the side deep, the outside
     * filled with black (70 %) or white: the collimator blade or field edge cuts off anatomy.
     */
    private static void collimation(float[] p, Random rnd) {
        int edges = 1 + rnd.nextInt(2);
        int first = rnd.nextInt(4);
        for (int e = 0; e < edges; e++) {
            int edge = (first + e * (1 + rnd.nextInt(3))) % 4;
            double depth = uniform(rnd, 0.2, 0.4) * N;
            double tilt = Math.tan(Math.toRadians(uniform(rnd, -10, 10)));
            float fill = rnd.nextDouble() < 0.7 ? 0f : 1f;
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    double along = edge % 2 == 0 ? x - N / 2.0 : y - N / 2.0;
                    double across = switch (edge) {
                        case 0 -> y;
                        case 1 -> N - 1 - x;
                        case 2 -> N - 1 - y;
                        default -> x;
                    };
                    if (across < depth + tilt * along) {
                        p[y * N + x] = fill;
                    }
                }
            }
        }
    }

    /**
     * One to three bright objects (discs of radius 2–6 px or bars 2–3 × 6–16 px, value 1, like implants, coins
     * or wires), each with alternating bright and dark streaks radiating from it (6–12 lines, amplitude 0.1–0.3,
     * decaying over 20–60 px) as metal leaves in CT — streaks on 70 % of images.
     */
    private static void foreignBody(float[] p, Random rnd) {
        int objects = 1 + rnd.nextInt(3);
        boolean streaks = rnd.nextDouble() < 0.7;
        for (int o = 0; o < objects; o++) {
            double cx = uniform(rnd, 0.25, 0.75) * N;
            double cy = uniform(rnd, 0.25, 0.75) * N;
            boolean disc = rnd.nextBoolean();
            double radius = uniform(rnd, 2, 6);
            double halfLength = uniform(rnd, 3, 8);
            double halfWidth = uniform(rnd, 1, 1.5);
            double angle = uniform(rnd, 0, Math.PI);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            int lines = 6 + rnd.nextInt(7);
            double[] lineSin = new double[lines];
            double[] lineCos = new double[lines];
            for (int l = 0; l < lines; l++) {
                double a = uniform(rnd, 0, Math.PI);
                lineSin[l] = Math.sin(a);
                lineCos[l] = Math.cos(a);
            }
            double amplitude = uniform(rnd, 0.1, 0.3);
            double decay = uniform(rnd, 20, 60);
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    double dx = x - cx;
                    double dy = y - cy;
                    boolean inside = disc ? dx * dx + dy * dy <= radius * radius
                            : Math.abs(dx * cos + dy * sin) <= halfLength && Math.abs(-dx * sin + dy * cos) <= halfWidth;
                    if (inside) {
                        p[y * N + x] = 1f;
                        continue;
                    }
                    if (streaks) {
                        double r = Math.sqrt(dx * dx + dy * dy);
                        double s = 0;
                        for (int l = 0; l < lines; l++) {
                            double d = -dx * lineSin[l] + dy * lineCos[l];
                            if (d < STREAK_REACH && d > -STREAK_REACH) { // beyond, exp(-d²/1.3) < 1e-5
                                s += (l % 2 == 0 ? 1 : -1) * Math.exp(-d * d / 1.3);
                            }
                        }
                        p[y * N + x] += (float) (amplitude * s * Math.exp(-r / decay));
                    }
                }
            }
        }
    }

    /**
     * Concentric rings about a centre within 10 px of the image centre, as a miscalibrated CT detector element
     * draws: 3–8 thin rings (Gaussian profile, 0.7 px) of random sign, or a radial sinusoid of period 4–10 px over
     * a band of radii (half each); amplitude 0.08–0.2.
     */
    private static void ring(float[] p, Random rnd) {
        double cx = N / 2.0 + uniform(rnd, -10, 10);
        double cy = N / 2.0 + uniform(rnd, -10, 10);
        double amplitude = uniform(rnd, 0.08, 0.2);
        boolean thin = rnd.nextBoolean();
        int rings = 3 + rnd.nextInt(6);
        double[] radii = new double[rings];
        double[] signs = new double[rings];
        for (int i = 0; i < rings; i++) {
            radii[i] = uniform(rnd, 6, 55);
            signs[i] = rnd.nextBoolean() ? 1 : -1;
        }
        double period = uniform(rnd, 4, 10);
        double r0 = uniform(rnd, 4, 20);
        double r1 = r0 + uniform(rnd, 20, 40);
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double r = Math.hypot(x - cx, y - cy);
                double v = 0;
                if (thin) {
                    for (int i = 0; i < rings; i++) {
                        double d = r - radii[i];
                        if (d < STREAK_REACH && d > -STREAK_REACH) {
                            v += signs[i] * Math.exp(-d * d / (2 * 0.7 * 0.7));
                        }
                    }
                } else if (r >= r0 && r <= r1) {
                    v = Math.sin(2 * Math.PI * r / period);
                }
                p[y * N + x] += (float) (amplitude * v);
            }
        }
    }

    /**
     * A copy of the image shifted (with wrap-around) along one axis and added at 20–45 % strength: half the time
     * by half the field (the N/2 Nyquist ghost of MR), otherwise by 15–45 % (motion ghosts, aliasing/wrap).
     */
    private static void ghosting(float[] p, Random rnd) {
        boolean vertical = rnd.nextBoolean();
        int shift = rnd.nextBoolean() ? N / 2 : (int) Math.round(uniform(rnd, 0.15, 0.45) * N);
        double alpha = uniform(rnd, 0.2, 0.45);
        float[] src = p.clone();
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                int sy = vertical ? (y + shift) % N : y;
                int sx = vertical ? x : (x + shift) % N;
                p[y * N + x] = (float) (src[y * N + x] + alpha * src[sy * N + sx]);
            }
        }
    }

    static float[] gaussianBlur(float[] p, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        float[] tmp = new float[p.length];
        float[] out = new float[p.length];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    v += k[i + radius] * p[y * N + reflect(x + i)];
                }
                tmp[y * N + x] = (float) (v / sum);
            }
        }
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    v += k[i + radius] * tmp[reflect(y + i) * N + x];
                }
                out[y * N + x] = (float) (v / sum);
            }
        }
        return out;
    }

    private static float[] motionBlur(float[] p, int length, double angle) {
        float[] out = new float[p.length];
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double v = 0;
                for (int s = 0; s < length; s++) {
                    double t = s - (length - 1) / 2.0;
                    v += bilinear(p, x + t * dx, y + t * dy);
                }
                out[y * N + x] = (float) (v / length);
            }
        }
        return out;
    }

    private static double bilinear(float[] p, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double a = p[reflect(y0) * N + reflect(x0)];
        double b = p[reflect(y0) * N + reflect(x0 + 1)];
        double c = p[reflect(y0 + 1) * N + reflect(x0)];
        double d = p[reflect(y0 + 1) * N + reflect(x0 + 1)];
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }

    private static int reflect(int i) {
        if (i < 0) {
            return Math.min(-i - 1, N - 1);
        }
        return i >= N ? Math.max(2 * N - i - 1, 0) : i;
    }

    private static double uniform(Random rnd, double low, double high) {
        return low + (high - low) * rnd.nextDouble();
    }

    private static void clampAll(float[] p) {
        for (int i = 0; i < p.length; i++) {
            p[i] = WorkingImage.clamp(p[i]);
        }
    }
}
