package org.hrnode.aiqc.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The trained QC model, ready to predict: {@link #load()} takes the one shipped in the jar, {@link #load(Path)} one
 * that {@code ./hrnode train-qc} wrote. {@link #predict} is thread-safe: calls share one DJL {@link Predictor}
 * behind a lock (a forward pass takes a few milliseconds, far below what the QC pipeline needs per image, and one
 * predictor keeps native memory flat whatever the number of threads). Close it to free native memory.
 */
public final class QcModel implements AutoCloseable {

    private static final String RESOURCE_DIR = "/org/hrnode/aiqc/model/";

    private final ModelManifest manifest;
    private final Model model;
    private final Predictor<Input, float[]> predictor;

    private QcModel(ModelManifest manifest, byte[] parameters) throws IOException {
        this.manifest = manifest;
        QcNetwork.engine();
        Model m = Model.newInstance("hrnode-qc", "PyTorch");
        try {
            m.setBlock(QcNetwork.build());
            m.getBlock().initialize(m.getNDManager(), DataType.FLOAT32, QcNetwork.inputShape(1));
            m.getBlock().loadParameters(m.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(parameters)));
        } catch (MalformedModelException | RuntimeException e) {
            m.close();
            throw new IOException("QC model " + manifest.version() + ": parameters do not fit the network: "
                    + e.getMessage(), e);
        }
        this.model = m;
        this.predictor = m.newPredictor(new InputTranslator());
    }

    /** A model from parameters in memory (training evaluates through this, exactly as the node predicts). */
    static QcModel of(ModelManifest manifest, byte[] parameters) throws IOException {
        return new QcModel(manifest, parameters);
    }

    /** The model shipped with the node (ai-qc resources). */
    public static QcModel load() throws IOException {
        return new QcModel(ModelManifest.parse(new String(resource(ModelManifest.FILE_NAME),
                StandardCharsets.UTF_8)), resource(ModelManifest.PARAMETERS_FILE_NAME));
    }

    /** A model in {@code dir} as {@code train-qc} writes it ({@value ModelManifest#FILE_NAME} + parameters). */
    public static QcModel load(Path dir) throws IOException {
        ModelManifest manifest = ModelManifest.parse(Files.readString(dir.resolve(ModelManifest.FILE_NAME)));
        return new QcModel(manifest, Files.readAllBytes(dir.resolve(manifest.parametersFile())));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = QcModel.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IOException("the QC model resource " + RESOURCE_DIR + name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public String version() {
        return manifest.version();
    }

    /** Per-class probabilities for one working image of the given modality family. */
    public QcPrediction predict(WorkingImage image, QcModality modality) {
        float[] p;
        synchronized (predictor) {
            try {
                p = predictor.predict(new Input(image.pixelsUnsafe(), modality));
            } catch (TranslateException e) {
                throw new IllegalStateException("QC model " + version() + " failed on an image: " + e.getMessage(), e);
            }
        }
        Map<DegradationClass, Double> out = new EnumMap<>(DegradationClass.class);
        for (DegradationClass c : DegradationClass.values()) {
            out.put(c, (double) p[c.ordinal()]);
        }
        return new QcPrediction(out, version());
    }

    @Override
    public void close() {
        synchronized (predictor) {
            predictor.close();
        }
        model.close();
    }

    private record Input(float[] pixels, QcModality modality) {
    }

    /** Pixels + modality → the five input planes; logits → sigmoid probabilities. */
    private static final class InputTranslator implements Translator<Input, float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, Input input) {
            float[] planes = new float[QcNetwork.CHANNELS * WorkingImage.SIZE * WorkingImage.SIZE];
            QcNetwork.encode(input.pixels(), input.modality(), planes, 0);
            // one sample without the batch axis: the predictor's batchifier adds it
            return new NDList(ctx.getNDManager().create(planes, QcNetwork.inputShape(1).slice(1)));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return Activation.sigmoid(list.singletonOrThrow()).toFloatArray();
        }
    }
}
