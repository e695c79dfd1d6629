package org.hrnode.aiqc.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the model does on the held-out split.
 *
 * @param auc            ROC AUC per class (Mann–Whitney, ties counted half) over every held-out sample; NaN where
 *                       a class has no positive or no negative sample
 * @param confusion      single-label samples only (clean or one degradation): rows the true class, columns the
 *                       most probable class, in {@link DegradationClass} order
 * @param recallAtHalf   per class, share of positives with probability ≥ 0.5
 * @param precisionAtHalf per class, share of samples with probability ≥ 0.5 that are positive (NaN if none)
 * @param bins           reliability diagram over all (sample, class) probabilities, {@value #BINS} equal bins
 * @param ece            expected calibration error: Σ (bin count / total) × |observed − mean predicted|
 */
public record HeldOutMetrics(int samples, Map<DegradationClass, Double> auc, int[][] confusion,
        Map<DegradationClass, Double> recallAtHalf, Map<DegradationClass, Double> precisionAtHalf,
        List<Bin> bins, double ece, double singleLabelAccuracy) {

    static final int BINS = 10;

    /** One reliability bin: predictions in [low, high). */
    public record Bin(double low, double high, int count, double meanPredicted, double observed) {
    }

    static HeldOutMetrics of(List<TrainingSample> samples, List<float[]> probabilities) {
        int k = DegradationClass.values().length;
        Map<DegradationClass, Double> auc = new EnumMap<>(DegradationClass.class);
        Map<DegradationClass, Double> recall = new EnumMap<>(DegradationClass.class);
        Map<DegradationClass, Double> precision = new EnumMap<>(DegradationClass.class);
        int[] binCount = new int[BINS];
        double[] binPredicted = new double[BINS];
        double[] binPositive = new double[BINS];
        for (DegradationClass c : DegradationClass.values()) {
            int n = samples.size();
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            int tp = 0;
            int predictedPositive = 0;
            int positives = 0;
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities.get(i)[c.ordinal()];
                positive[i] = samples.get(i).labels()[c.ordinal()] == 1;
                positives += positive[i] ? 1 : 0;
                boolean predicted = scores[i] >= 0.5;
                predictedPositive += predicted ? 1 : 0;
                tp += predicted && positive[i] ? 1 : 0;
                int b = Math.min(BINS - 1, (int) (scores[i] * BINS));
                binCount[b]++;
                binPredicted[b] += scores[i];
                binPositive[b] += positive[i] ? 1 : 0;
            }
            auc.put(c, auc(scores, positive));
            recall.put(c, positives == 0 ? Double.NaN : (double) tp / positives);
            precision.put(c, predictedPositive == 0 ? Double.NaN : (double) tp / predictedPositive);
        }
        int[][] confusion = new int[k][k];
        int single = 0;
        int correct = 0;
        for (int i = 0; i < samples.size(); i++) {
            TrainingSample s = samples.get(i);
            if (s.isSingleLabel()) {
                int truth = s.singleClass().ordinal();
                int predicted = argmax(probabilities.get(i));
                confusion[truth][predicted]++;
                single++;
                correct += truth == predicted ? 1 : 0;
            }
        }
        List<Bin> bins = new java.util.ArrayList<>();
        long total = Arrays.stream(binCount).sum();
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            double mean = binCount[b] == 0 ? Double.NaN : binPredicted[b] / binCount[b];
            double observed = binCount[b] == 0 ? Double.NaN : binPositive[b] / binCount[b];
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, binCount[b], mean, observed));
            if (binCount[b] > 0) {
                ece += (double) binCount[b] / total * Math.abs(observed - mean);
            }
        }
        return new HeldOutMetrics(samples.size(), auc, confusion, recall, precision, List.copyOf(bins), ece,
                single == 0 ? Double.NaN : (double) correct / single);
    }

    /** Mann–Whitney U / (positives × negatives), by ranks with ties averaged. */
    static double auc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                rank[order[t]] = r;
            }
            i = j + 1;
        }
        long pos = 0;
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                pos++;
                rankSum += rank[i];
            }
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
