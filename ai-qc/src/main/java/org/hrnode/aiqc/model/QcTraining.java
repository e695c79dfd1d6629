package org.hrnode.aiqc.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code ./hrnode train-qc}: scans the source images, splits them by source, trains {@link QcNetwork} on freshly
 * generated synthetic degradations each epoch (sigmoid binary cross-entropy, Adam with a cosine learning rate),
 * evaluates the held-out split through the same {@link QcModel} code the node uses, and writes the parameters,
 * the manifest and a markdown report to the output folder.
 *
 * <p>Reproducible: the split, every degradation, the batch order and the weight initialisation come from
 * {@link Options#seed()}. PyTorch's CPU kernels are deterministic for a fixed number of threads; with a different
 * thread count float sums may associate differently, which moves the last digits of the metrics.
 */
public final class QcTraining {

    static final String REPORT_FILE_NAME = "qc-model-report.md";
    private static final float LEARNING_RATE = 3e-3f;
    private static final float FINAL_LEARNING_RATE = 1e-4f;
    /** Clean + eight singles per source per repeat: three repeats give the held-out set enough positives a class. */
    private static final int HELD_OUT_REPEATS = 3;
    /** Fresh samples per training source per epoch: (clean + eight singles) × this, plus the pairs. */
    private static final int TRAIN_REPEATS = 4;

    /**
     * @param batchSize samples per step; 16 keeps a step near 0.1 s on two cores
     */
    public record Options(List<Path> data, Path out, int epochs, long seed, int batchSize) {
        public static final int DEFAULT_EPOCHS = 60;
        public static final long DEFAULT_SEED = 20261122L;
        public static final int DEFAULT_BATCH = 16;

        public Options {
            data = List.copyOf(data);
            if (data.isEmpty()) {
                throw new IllegalArgumentException("at least one --data folder is needed");
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("--epochs must be at least 1, not " + epochs);
            }
            if (batchSize < 2) {
                throw new IllegalArgumentException("the batch size must be at least 2 (batch norm), not " + batchSize);
            }
        }
    }

    /** What training produced: the manifest written, the held-out metrics, the files, timing and the split. */
    public record Result(ModelManifest manifest, HeldOutMetrics metrics, Path parameters, Path manifestFile,
            Path report, long parameterBytes, double trainingSeconds, TrainingSources.Scan scan, SourceSplit split,
            List<Double> epochLosses) {
    }

    private QcTraining() {
    }

    public static Result run(Options options, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        TrainingSources.Scan scan = TrainingSources.scan(options.data());
        SourceSplit split = SourceSplit.of(scan.images(), options.seed());
        if (split.train().isEmpty() || split.heldOut().isEmpty()) {
            throw new IOException("training needs source images from at least two different sources (series or "
                    + "pictures) of one modality family; found " + scan.images().size() + " image(s) in "
                    + scan.groupCount() + " source(s) under " + options.data() + " (skipped: " + scan.skipped() + ")");
        }
        progress.accept(String.format(Locale.ROOT, "%d source images in %d sources (%d train / %d held out), skipped %s",
                scan.images().size(), scan.groupCount(), split.trainGroupCount(), split.heldOutGroupCount(),
                scan.skipped()));
        byte[] parameters;
        long parameterCount;
        List<Double> losses = new ArrayList<>();
        QcNetwork.engine().setRandomSeed((int) options.seed());
        try (Model model = Model.newInstance("hrnode-qc", "PyTorch")) {
            model.setBlock(QcNetwork.build());
            int stepsPerEpoch = (TrainingSample.perSource(TRAIN_REPEATS) * split.train().size()
                    + options.batchSize() - 1) / options.batchSize();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.cosine()
                            .setBaseValue(LEARNING_RATE).optFinalValue(FINAL_LEARNING_RATE)
                            .setMaxUpdates(Math.max(1, stepsPerEpoch * options.epochs())).build()).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(QcNetwork.inputShape(options.batchSize()));
                parameterCount = trainableParameters(model);
                for (int epoch = 0; epoch < options.epochs(); epoch++) {
                    Random rnd = new Random(options.seed() * 31 + epoch);
                    List<TrainingSample> samples = new ArrayList<>(TrainingSample.generate(split.train(), rnd, TRAIN_REPEATS));
                    Collections.shuffle(samples, rnd);
                    long epochStart = System.nanoTime();
                    double loss = trainEpoch(trainer, samples, options.batchSize());
                    losses.add(loss);
                    progress.accept(String.format(Locale.ROOT, "epoch %d/%d: %d samples, loss %.4f, %.1f s",
                            epoch + 1, options.epochs(), samples.size(), loss, (System.nanoTime() - epochStart) / 1e9));
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.getBlock().saveParameters(new DataOutputStream(bytes));
            parameters = bytes.toByteArray();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelManifest draft = manifest(options, scan, split, parameters, parameterCount, null);
        List<TrainingSample> heldOut = TrainingSample.generate(split.heldOut(), new Random(options.seed() + 1),
                HELD_OUT_REPEATS);
        HeldOutMetrics metrics;
        try (QcModel trained = QcModel.of(draft, parameters)) {
            List<float[]> probabilities = new ArrayList<>(heldOut.size());
            for (TrainingSample s : heldOut) {
                probabilities.add(toArray(trained.predict(WorkingImage.of(s.pixels()), s.modality())));
            }
            metrics = HeldOutMetrics.of(heldOut, probabilities);
        }
        ModelManifest manifest = manifest(options, scan, split, parameters, parameterCount, metrics);
        Files.createDirectories(options.out());
        Path paramsFile = options.out().resolve(ModelManifest.PARAMETERS_FILE_NAME);
        Path manifestFile = options.out().resolve(ModelManifest.FILE_NAME);
        Path reportFile = options.out().resolve(REPORT_FILE_NAME);
        Files.write(paramsFile, parameters);
        Files.writeString(manifestFile, manifest.toJson() + "\n");
        Result result = new Result(manifest, metrics, paramsFile, manifestFile, reportFile, parameters.length,
                seconds, scan, split, List.copyOf(losses));
        Files.writeString(reportFile, TrainingReport.markdown(result, options));
        return result;
    }

    private static double trainEpoch(Trainer trainer, List<TrainingSample> samples, int batchSize) {
        int plane = WorkingImage.SIZE * WorkingImage.SIZE;
        int k = DegradationClass.values().length;
        double lossSum = 0;
        int batches = 0;
        // a last batch of one would break batch norm's statistics: it is dropped (it is different every epoch)
        for (int from = 0; from + 1 < samples.size(); from += batchSize) {
            int n = Math.min(batchSize, samples.size() - from);
            float[] x = new float[n * QcNetwork.CHANNELS * plane];
            float[] y = new float[n * k];
            for (int i = 0; i < n; i++) {
                TrainingSample s = samples.get(from + i);
                QcNetwork.encode(s.pixels(), s.modality(), x, i);
                System.arraycopy(s.labels(), 0, y, i * k, k);
            }
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray input = batch.create(x, QcNetwork.inputShape(n));
                NDArray labels = batch.create(y, new Shape(n, k));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(input));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(labels), predictions);
                    collector.backward(loss);
                    lossSum += loss.getFloat();
                }
                trainer.step();
            }
            batches++;
        }
        return batches == 0 ? Double.NaN : lossSum / batches;
    }

    private static long trainableParameters(Model model) {
        long count = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient()) {
                count += p.getValue().getArray().getShape().size();
            }
        }
        return count;
    }

    private static float[] toArray(QcPrediction prediction) {
        float[] p = new float[DegradationClass.values().length];
        for (DegradationClass c : DegradationClass.values()) {
            p[c.ordinal()] = (float) prediction.probability(c);
        }
        return p;
    }

    private static ModelManifest manifest(Options options, TrainingSources.Scan scan, SourceSplit split,
            byte[] parameters, long parameterCount, HeldOutMetrics metrics) {
        Map<String, Double> auc = new LinkedHashMap<>();
        if (metrics != null) {
            // a class without both positives and negatives in the held-out set has no AUC: left out, not NaN
            metrics.auc().forEach((c, v) -> {
                if (!v.isNaN()) {
                    auc.put(c.id(), round(v));
                }
            });
        }
        return new ModelManifest(ModelManifest.FORMAT, "qc-cnn-" + sha256(parameters).substring(0, 12),
                Arrays.stream(DegradationClass.values()).map(DegradationClass::id).toList(), WorkingImage.SIZE,
                QcNetwork.CHANNELS, Arrays.stream(QcModality.values()).map(Enum::name).toList(),
                ModelManifest.NORMALISATION, parameterCount, ModelManifest.PARAMETERS_FILE_NAME, scan.dataHash(),
                (int) split.trainGroupCount(), (int) split.heldOutGroupCount(),
                split.heldOut().stream().map(SourceImage::group).distinct().sorted().toList(), options.epochs(),
                options.seed(), auc,
                metrics == null ? Double.NaN : round(metrics.ece()),
                metrics == null ? Double.NaN : round(metrics.singleLabelAccuracy()));
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10000) / 10000.0;
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
