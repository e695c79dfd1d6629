package org.hrnode.aiqc.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * The slices of a series that share one orientation, sorted along their common normal: the geometry behind the
 * slice continuity and thickness checks (after the IDC cohort rules: one orientation, #instances = #positions,
 * regular spacing). Series that hold several stacks (rare in CT, e.g. a combined MPR series) are split by
 * orientation and each stack is judged alone.
 */
public final class SliceStack {

    /** Orientations closer than this (cosine of row and column directions) belong to one stack. */
    static final double SAME_ORIENTATION = 0.9995;
    /** Positions closer than this along the normal are the same slice position, in mm. */
    static final double SAME_POSITION_MM = 0.01;

    private final List<Dataset> slices;
    private final double[] distances;
    private final Geometry reference;

    private SliceStack(List<Dataset> slices, double[] distances, Geometry reference) {
        this.slices = slices;
        this.distances = distances;
        this.reference = reference;
    }

    /** The stacks of a series; images without position or orientation are left out (G3 reports them). */
    public static List<SliceStack> of(List<Dataset> images) {
        List<List<Dataset>> groups = new ArrayList<>();
        List<Geometry> references = new ArrayList<>();
        for (Dataset d : images) {
            Geometry g = Geometry.of(d);
            if (g == null) {
                continue;
            }
            int k = 0;
            while (k < references.size() && !references.get(k).sameOrientation(g, SAME_ORIENTATION)) {
                k++;
            }
            if (k == references.size()) {
                references.add(g);
                groups.add(new ArrayList<>());
            }
            groups.get(k).add(d);
        }
        List<SliceStack> stacks = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            Geometry ref = references.get(k);
            List<Dataset> sorted = new ArrayList<>(groups.get(k));
            sorted.sort(Comparator.comparingDouble(d -> Geometry.of(d).along(ref.normal())));
            double[] dist = sorted.stream().mapToDouble(d -> Geometry.of(d).along(ref.normal())).toArray();
            stacks.add(new SliceStack(List.copyOf(sorted), dist, ref));
        }
        return stacks;
    }

    public int size() {
        return slices.size();
    }

    public Geometry reference() {
        return reference;
    }

    /** Slices sorted along the normal. */
    public List<Dataset> sorted() {
        return slices;
    }

    /** Gaps between neighbouring distinct positions, in mm, in sorted order. */
    public double[] gaps() {
        double[] positions = distinctPositions();
        double[] out = new double[Math.max(0, positions.length - 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = positions[i + 1] - positions[i];
        }
        return out;
    }

    public double[] distinctPositions() {
        List<Double> out = new ArrayList<>();
        for (double d : distances) {
            if (out.isEmpty() || d - out.getLast() > SAME_POSITION_MM) {
                out.add(d);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Instances beyond the usual number per position: when every position holds k images (k phases or echoes in
     * one series) none are duplicates; positions holding more than the most common count have the extra ones.
     */
    public int duplicates() {
        Map<Long, Integer> perPosition = new HashMap<>();
        double[] positions = distinctPositions();
        for (double d : distances) {
            int idx = nearest(positions, d);
            perPosition.merge((long) idx, 1, Integer::sum);
        }
        Map<Integer, Integer> histogram = new HashMap<>();
        perPosition.values().forEach(c -> histogram.merge(c, 1, Integer::sum));
        int usual = histogram.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        return perPosition.values().stream().mapToInt(c -> Math.max(0, c - usual)).sum();
    }

    /**
     * Missing slices: a gap more than {@code ratio} times the median of its neighbouring gaps (up to four on each
     * side) is counted as round(gap / local median) − 1 missing slices. Local, because many protocols change
     * spacing within a series (GE head CT: 4 mm through the posterior fossa, 7 mm above).
     */
    public int missingSlices(double ratio) {
        double[] gaps = gaps();
        int missing = 0;
        for (int i = 0; i < gaps.length; i++) {
            double local = localMedian(gaps, i);
            if (local > 0 && gaps[i] > ratio * local) {
                missing += Math.max(1, (int) Math.round(gaps[i] / local) - 1);
            }
        }
        return missing;
    }

    /** The largest gap relative to its local median (1 for a perfectly regular stack). */
    public double worstGapRatio() {
        double[] gaps = gaps();
        double worst = gaps.length == 0 ? Double.NaN : 1;
        for (int i = 0; i < gaps.length; i++) {
            double local = localMedian(gaps, i);
            if (local > 0) {
                worst = Math.max(worst, gaps[i] / local);
            }
        }
        return worst;
    }

    public double medianGap() {
        double[] g = gaps().clone();
        if (g.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(g);
        return g[g.length / 2];
    }

    /**
     * How many times the slices, taken in Instance Number order, change direction along the normal: 0 for an
     * anatomical order (head to feet or feet to head).
     */
    public int orderReversals() {
        List<Dataset> byNumber = new ArrayList<>(slices);
        byNumber.sort(Comparator.comparingDouble(d -> Headers.number(d, Tag.InstanceNumber)));
        if (byNumber.stream().anyMatch(d -> Double.isNaN(Headers.number(d, Tag.InstanceNumber)))) {
            return 0;
        }
        int reversals = 0;
        int direction = 0;
        double previous = Double.NaN;
        for (Dataset d : byNumber) {
            double z = Geometry.of(d).along(reference.normal());
            if (!Double.isNaN(previous) && Math.abs(z - previous) > SAME_POSITION_MM) {
                int step = z > previous ? 1 : -1;
                if (direction != 0 && step != direction) {
                    reversals++;
                }
                direction = step;
            }
            previous = z;
        }
        return reversals;
    }

    private static double localMedian(double[] gaps, int i) {
        List<Double> near = new ArrayList<>();
        for (int k = Math.max(0, i - 4); k <= Math.min(gaps.length - 1, i + 4); k++) {
            if (k != i) {
                near.add(gaps[k]);
            }
        }
        if (near.isEmpty()) {
            return Double.NaN;
        }
        near.sort(null);
        return near.get(near.size() / 2);
    }

    private static int nearest(double[] sorted, double value) {
        int idx = Arrays.binarySearch(sorted, value);
        if (idx >= 0) {
            return idx;
        }
        int ins = -idx - 1;
        if (ins == 0) {
            return 0;
        }
        if (ins == sorted.length) {
            return sorted.length - 1;
        }
        return value - sorted[ins - 1] <= sorted[ins] - value ? ins - 1 : ins;
    }
}
