package org.hrnode.aiqc.model;

import java.util.Locale;

/** The markdown training report {@code train-qc} writes beside the model (and docs/QC-MODEL.md quotes). */
final class TrainingReport {

    private TrainingReport() {
    }

    static String markdown(QcTraining.Result r, QcTraining.Options o) {
        StringBuilder b = new StringBuilder();
        ModelManifest m = r.manifest();
        HeldOutMetrics h = r.metrics();
        b.append("# QC model training report: ").append(m.version()).append("\n\n");
        b.append("Command: `./hrnode train-qc");
        o.data().forEach(d -> b.append(" --data ").append(d));
        b.append(" --out ").append(o.out())
                .append(" --epochs ").append(o.epochs()).append(" --seed ").append(o.seed()).append("`\n\n");
        b.append("| | |\n|---|---|\n");
        row(b, "model version", m.version());
        row(b, "trainable parameters", String.valueOf(m.parameterCount()));
        row(b, "parameters file", r.parameterBytes() + " bytes");
        row(b, "training data hash (SHA-256)", "`" + m.trainingDataHash() + "`");
        row(b, "source images", r.scan().images().size() + " in " + r.scan().groupCount() + " sources");
        row(b, "split (by source)", r.split().train().size() + " images / " + r.split().trainGroupCount()
                + " sources train, " + r.split().heldOut().size() + " images / " + r.split().heldOutGroupCount()
                + " sources held out");
        row(b, "skipped files", r.scan().skipped().toString());
        row(b, "epochs, batch, seed", o.epochs() + ", " + o.batchSize() + ", " + o.seed());
        row(b, "wall time (scan + train)", String.format(Locale.ROOT, "%.1f s on %d CPU(s)", r.trainingSeconds(),
                Runtime.getRuntime().availableProcessors()));
        row(b, "final training loss", r.epochLosses().isEmpty() ? "-"
                : String.format(Locale.ROOT, "%.4f", r.epochLosses().getLast()));
        row(b, "held-out samples", String.valueOf(h.samples()));
        row(b, "single-label accuracy (argmax)", pct(h.singleLabelAccuracy()));
        row(b, "expected calibration error", String.format(Locale.ROOT, "%.4f", h.ece()));
        b.append("\n## Held-out AUC, recall and precision at p ≥ 0.5, per class\n\n");
        b.append("| class | AUC | recall@0.5 | precision@0.5 |\n|---|---|---|---|\n");
        for (DegradationClass c : DegradationClass.values()) {
            b.append("| ").append(c.id()).append(" | ").append(num(h.auc().get(c))).append(" | ")
                    .append(pct(h.recallAtHalf().get(c))).append(" | ").append(pct(h.precisionAtHalf().get(c)))
                    .append(" |\n");
        }
        b.append("\n## Confusion on single-label held-out samples (rows: truth, columns: most probable class)\n\n|");
        for (DegradationClass c : DegradationClass.values()) {
            b.append(" | ").append(c.id());
        }
        b.append(" |\n|---");
        b.append("|---".repeat(DegradationClass.values().length)).append("|\n");
        for (DegradationClass t : DegradationClass.values()) {
            b.append("| **").append(t.id()).append("**");
            for (DegradationClass p : DegradationClass.values()) {
                b.append(" | ").append(h.confusion()[t.ordinal()][p.ordinal()]);
            }
            b.append(" |\n");
        }
        b.append("\n## Calibration (all classes pooled)\n\n| predicted | count | mean predicted | observed |\n"
                + "|---|---|---|---|\n");
        for (HeldOutMetrics.Bin bin : h.bins()) {
            b.append(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %s | %s |%n", bin.low(), bin.high(), bin.count(),
                    num(bin.meanPredicted()), num(bin.observed())));
        }
        b.append("\n## Training loss per epoch\n\n");
        for (int i = 0; i < r.epochLosses().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", r.epochLosses().get(i)));
        }
        b.append("\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
