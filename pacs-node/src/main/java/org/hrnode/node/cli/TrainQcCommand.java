package org.hrnode.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hrnode.aiqc.model.DegradationClass;
import org.hrnode.aiqc.model.QcTraining;
import org.hrnode.node.Main;

/**
 * {@code ./hrnode train-qc --data DIR [--data DIR…] --out DIR [--epochs N] [--seed S]}: trains the QC model on
 * synthetic degradations of the DICOM images under the {@code --data} folders and writes the parameters, manifest and report to
 * {@code --out} (see docs/QC-MODEL.md). Prints progress to stderr and a summary with the model version to stdout.
 */
public final class TrainQcCommand {

    static final String USAGE = "usage: ./hrnode train-qc --data DIR [--data DIR…] --out DIR [--epochs N] [--seed S]";

    private final PrintStream out;
    private final PrintStream err;

    public TrainQcCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        List<Path> data = new ArrayList<>();
        String outDir = null;
        int epochs = QcTraining.Options.DEFAULT_EPOCHS;
        long seed = QcTraining.Options.DEFAULT_SEED;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (i + 1 >= args.size()) {
                    return usage(a.startsWith("--") ? a + " needs a value" : "unexpected argument '" + a + "'");
                }
                String v = args.get(++i);
                switch (a) {
                    case "--data" -> data.add(Path.of(v));
                    case "--out" -> outDir = v;
                    case "--epochs" -> epochs = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> {
                        return usage("unknown option '" + a + "'");
                    }
                }
            }
        } catch (NumberFormatException e) {
            return usage("--epochs and --seed take whole numbers (" + e.getMessage() + ")");
        }
        if (data.isEmpty() || outDir == null) {
            return usage("--data and --out are required");
        }
        QcTraining.Options options;
        try {
            options = new QcTraining.Options(data, Path.of(outDir), epochs, seed,
                    QcTraining.Options.DEFAULT_BATCH);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        try {
            QcTraining.Result r = QcTraining.run(options, line -> err.println("train-qc: " + line));
            out.println("model " + r.manifest().version() + ": " + r.manifest().parameterCount() + " parameters, "
                    + r.parameterBytes() + " bytes, trained in "
                    + String.format(Locale.ROOT, "%.1f s", r.trainingSeconds()));
            StringBuilder auc = new StringBuilder("held-out AUC:");
            for (DegradationClass c : DegradationClass.values()) {
                Double v = r.metrics().auc().get(c);
                auc.append(' ').append(c.id()).append('=')
                        .append(v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.3f", v));
            }
            out.println(auc);
            out.println("wrote " + r.parameters() + ", " + r.manifestFile() + ", " + r.report());
            return 0;
        } catch (IOException e) {
            err.println("hrnode train-qc: " + e.getMessage());
            return 1;
        }
    }

    private int usage(String problem) {
        err.println("hrnode train-qc: " + problem + "\n" + USAGE);
        return Main.EXIT_USAGE;
    }
}
