package org.hrnode.aiqc.check;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One check as the check table defines it: a stable id (G1, X4, C1 …, from docs/QC.md), the modalities it applies
 * to, the level it is measured at, what failing costs, its thresholds by name, and what it means in Chinese and
 * English for the people who read the verdict.
 *
 * @param points    what a FAIL takes off the score (a WARN takes half); ignored for vetoes
 * @param params    thresholds and settings by name, e.g. {@code di.warn=1}
 */
public record CheckDefinition(String id, Set<ModalityFamily> modalities, Level level, Severity severity,
        double points, Map<String, Double> params, String zh, String en) {

    public CheckDefinition {
        if (id == null || !id.matches("[A-Z][A-Z0-9]*(-[A-Z0-9]+)?")) {
            throw new IllegalArgumentException("check id must look like X4 or C1-ORDER, got " + id);
        }
        if (points < 0 || points > 100) {
            throw new IllegalArgumentException(id + ": points must be 0..100, got " + points);
        }
        modalities = Set.copyOf(modalities);
        params = Map.copyOf(params);
    }

    /** A threshold; a missing one is a defect of the table, so it throws rather than guess. */
    public double param(String name) {
        Double value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("check " + id + " has no parameter " + name + " (has " + params.keySet()
                    + ")");
        }
        return value;
    }

    /** The named parameters as {@code k=v, …} in name order, for the threshold text of a result. */
    public String describe(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(name).append('=').append(format(param(name)));
        }
        return sb.toString();
    }

    CheckDefinition with(String name, double value) {
        if (name.equals("points")) {
            return new CheckDefinition(id, modalities, level, severity, value, params, zh, en);
        }
        if (!params.containsKey(name)) {
            throw new IllegalArgumentException("check " + id + " has no parameter " + name + "; it has points and "
                    + new TreeMap<>(params).keySet());
        }
        Map<String, Double> copy = new TreeMap<>(params);
        copy.put(name, value);
        return new CheckDefinition(id, modalities, level, severity, points, copy, zh, en);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : Double.toString(v);
    }
}
