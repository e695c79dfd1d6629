package org.hrnode.aiqc.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hrnode.aiqc.model.DegradationClass;
import org.hrnode.aiqc.model.DicomWorkingImages;
import org.hrnode.aiqc.model.QcModality;
import org.hrnode.aiqc.model.QcModel;
import org.hrnode.aiqc.model.QcPrediction;
import org.hrnode.aiqc.model.WorkingImage;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * The learned model's view of a study: one image per series (the middle one by Instance Number) through
 * {@link QcModel}, reported as check {@value #CHECK_ID} per image with every class probability.
 *
 * <p>A hint for reviewers, not scored: the held-out report (docs/QC-MODEL.md) shows high probabilities are
 * over-confident and some classes weak. An image is flagged ({@code passed=false}) only when a class the model
 * separates well (AUC ≥ 0.95 on the held-out split) reaches {@value #FLAG_PROBABILITY}. A model that cannot load
 * or an image it cannot read gives a not-applicable result saying why, so a study is never failed for it.
 */
final class ModelOpinions {

    static final String CHECK_ID = "AI-MODEL";
    static final double FLAG_PROBABILITY = 0.9;
    /** Classes with held-out AUC ≥ 0.95 (noise 0.95, blur 0.97, under 0.99, over 0.96, collimation 0.98). */
    static final Set<DegradationClass> RELIABLE = EnumSet.of(DegradationClass.NOISE, DegradationClass.BLUR,
            DegradationClass.UNDER_EXPOSURE, DegradationClass.OVER_EXPOSURE, DegradationClass.COLLIMATION);
    private static final String ZH = "AI 模型：图像退化提示（不计分）";
    private static final String EN = "AI model: image degradation hint (not scored)";

    /**
     * What the model needs of one image, taken while the image is loaded for the metrics (so its pixels are read
     * and decoded once): the 128×128 working image and the Modality, or why the image cannot be read. Small enough
     * to keep for every series of a study until the model runs.
     */
    record Look(WorkingImage image, String modality, String failure) {

        static Look of(org.hrnode.aiqc.check.InstanceInput.LoadedPixels pixels) {
            Dataset dataset = pixels.dataset();
            int frames = Math.max(1, dataset.getInt(Tag.NumberOfFrames, 1));
            try {
                return new Look(DicomWorkingImages.of(pixels, frames / 2), dataset.getString(Tag.Modality), null);
            } catch (PixelDataException | RuntimeException e) {
                return new Look(null, null, e.getMessage());
            }
        }
    }

    /** The model's look at an image it needs, reading (and decoding) the stored object when not looked at yet. */
    @FunctionalInterface
    interface Looker {
        Look look(InstanceInput instance) throws IOException;
    }

    private final Supplier<QcModel> model;

    /** @param model the loaded model; throws (e.g. an engine that cannot load here) to say there is none */
    ModelOpinions(Supplier<QcModel> model) {
        this.model = model;
    }

    /**
     * The model shipped in the jar, loaded on first use and kept (loading starts the PyTorch engine: seconds).
     * A failure to load is kept too, and reported by every result, rather than retried per study.
     */
    static Supplier<QcModel> shipped() {
        return new Supplier<>() {
            private QcModel loaded;
            private RuntimeException failure;

            @Override
            public synchronized QcModel get() {
                if (loaded == null && failure == null) {
                    try {
                        loaded = QcModel.load();
                    } catch (IOException | RuntimeException | LinkageError e) {
                        failure = new IllegalStateException(e.getMessage(), e);
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return loaded;
            }
        };
    }

    /** The model's version, or a text saying why none judged. */
    String version() {
        try {
            return model.get().version();
        } catch (RuntimeException e) {
            return "no model (" + e.getMessage() + ")";
        }
    }

    /** Whether a model is loaded here (loading it on first use): without one no image need be looked at. */
    boolean available() {
        try {
            model.get();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The images the model judges: the middle one by Instance Number of each series, in series order. */
    List<InstanceInput> chosen(StudyInput study) {
        Map<String, List<InstanceInput>> bySeries = new LinkedHashMap<>();
        for (InstanceInput i : study.instances()) {
            if (i.header().contains(Tag.Rows)) {
                bySeries.computeIfAbsent(i.seriesInstanceUid(), k -> new ArrayList<>()).add(i);
            }
        }
        List<InstanceInput> out = new ArrayList<>();
        for (List<InstanceInput> images : bySeries.values()) {
            images.sort(Comparator.comparingInt(i -> i.header().getInt(Tag.InstanceNumber, Integer.MAX_VALUE)));
            out.add(images.get(images.size() / 2));
        }
        return out;
    }

    List<CheckResult> of(StudyInput study, Looker looker) throws IOException {
        List<CheckResult> out = new ArrayList<>();
        for (InstanceInput image : chosen(study)) {
            out.add(opinion(image, looker));
        }
        return out;
    }

    private CheckResult opinion(InstanceInput image, Looker looker) throws IOException {
        QcModel loaded;
        try {
            loaded = model.get();
        } catch (RuntimeException e) {
            return notApplicable(image, "the QC model is unavailable on this node: " + e.getMessage());
        }
        Look look = looker.look(image);
        QcPrediction prediction;
        try {
            if (look.failure() != null) {
                throw new PixelDataException(look.failure());
            }
            prediction = loaded.predict(look.image(), QcModality.ofDicom(look.modality()));
        } catch (PixelDataException | RuntimeException e) {
            return notApplicable(image, "the model could not read this image: " + e.getMessage());
        }
        Map<String, Object> value = new LinkedHashMap<>();
        Map<String, Double> probabilities = new LinkedHashMap<>();
        prediction.probabilities().forEach((c, p) -> probabilities.put(c.name().toLowerCase(java.util.Locale.ROOT),
                Math.round(p * 1000) / 1000.0));
        value.put("probabilities", probabilities);
        value.put("mostLikely", prediction.mostLikely().name().toLowerCase(java.util.Locale.ROOT));
        value.put("flagAt", FLAG_PROBABILITY);
        value.put("model", prediction.modelVersion());
        boolean flagged = RELIABLE.stream().anyMatch(c -> prediction.probability(c) >= FLAG_PROBABILITY);
        return new CheckResult(CHECK_ID, image.sopInstanceUid(), !flagged, value, ZH, EN);
    }

    private static CheckResult notApplicable(InstanceInput image, String why) {
        return new CheckResult(CHECK_ID, image.sopInstanceUid(), null, Map.of("detail", why), ZH, EN);
    }
}
