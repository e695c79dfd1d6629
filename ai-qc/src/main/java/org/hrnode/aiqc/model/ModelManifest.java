package org.hrnode.aiqc.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.List;
import java.util.Map;

/**
 * What ships beside the parameters ({@value #FILE_NAME}): enough to check that a parameters file fits this code
 * (classes in output order, input size, channels) and to say where it came from (training data hash, seed,
 * held-out metrics). Gson (which DJL already brings) reads and writes it.
 *
 * @param version           "qc-cnn-" + the first 12 hex digits of the parameters' SHA-256: changes with any retrain
 * @param classes           {@link DegradationClass#id()} in output order
 * @param normalisation     how a DICOM frame becomes the input, in words
 * @param trainingDataHash  SHA-256 over the sorted source images' ids and working pixels
 * @param heldOutSourceIds  the held-out sources, each named by its first image's id (relative to its --data folder)
 * @param heldOutAuc        AUC per class id on the held-out split
 */
public record ModelManifest(String format, String version, List<String> classes, int inputSize, int channels,
        List<String> modalities, String normalisation, long parameterCount, String parametersFile,
        String trainingDataHash, int trainSources, int heldOutSources, List<String> heldOutSourceIds, int epochs,
        long seed,
        Map<String, Double> heldOutAuc, double expectedCalibrationError, double singleLabelAccuracy) {

    public static final String FORMAT = "hrnode-qc-model/1";
    public static final String FILE_NAME = "qc-model.json";
    public static final String PARAMETERS_FILE_NAME = "qc-model.params";
    static final String NORMALISATION = "first frame; Modality LUT (Rescale Slope/Intercept); first Window "
            + "Center/Width (linear), else 0.5-99.5 percentile window; MONOCHROME1 inverted; area-average "
            + "downsample to 128x128 (aspect not kept); values clipped to [0,1]; modality one-hot planes CT,MR,"
            + "PROJECTION,OTHER";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public String toJson() {
        return GSON.toJson(this);
    }

    /** Parses and checks that the manifest matches this code's classes and input. */
    public static ModelManifest parse(String json) {
        ModelManifest m;
        try {
            m = GSON.fromJson(json, ModelManifest.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("QC model manifest is not valid JSON: " + e.getMessage(), e);
        }
        if (m == null || !FORMAT.equals(m.format())) {
            throw new IllegalArgumentException("QC model manifest format is not " + FORMAT);
        }
        List<String> expected = java.util.Arrays.stream(DegradationClass.values()).map(DegradationClass::id).toList();
        if (!expected.equals(m.classes()) || m.inputSize() != WorkingImage.SIZE
                || m.channels() != QcNetwork.CHANNELS) {
            throw new IllegalArgumentException("QC model " + m.version() + " was trained for classes " + m.classes()
                    + ", input " + m.inputSize() + "², " + m.channels() + " channels; this code expects " + expected
                    + ", " + WorkingImage.SIZE + "², " + QcNetwork.CHANNELS);
        }
        return m;
    }
}
