package org.hrnode.aiqc.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * The image checks of one instance: P0 (the pixels decode, else veto) and then the OpenCV measures of its
 * modality family. Colour and non-image objects are not measured (the results say so).
 */
public final class ImageChecks {

    private ImageChecks() {
    }

    public static List<CheckResult> evaluate(InstanceInput input, ModalityFamily family, CheckTable table) {
        String scope = input.dataset().getString(Tag.SOPInstanceUID, "?");
        CheckDefinition p0 = table.require("P0");
        List<CheckResult> out = new ArrayList<>();
        if (!input.pixelsSupplied()) {
            out.add(CheckResult.notApplicable(p0, scope, "headers only: pixels not supplied"));
            return out;
        }
        InstanceInput.LoadedPixels pixels = input.loadPixels();
        Dataset dataset = pixels.dataset();
        if (!dataset.contains(Tag.PixelData)) {
            out.add(CheckResult.fail(p0, scope, new LinkedHashMap<>(), "Pixel Data present and decodable",
                    "the image has no Pixel Data"));
            return out;
        }
        WorkingImage image;
        try {
            image = WorkingImage.decode(pixels, family);
        } catch (UndecodableImageException e) {
            if (e.unsupported()) {
                out.add(CheckResult.notApplicable(p0, scope, e.getMessage()));
            } else {
                out.add(CheckResult.fail(p0, scope, new LinkedHashMap<>(), "Pixel Data present and decodable",
                        e.getMessage()));
            }
            return out;
        }
        try (image) {
            out.add(CheckResult.pass(p0, scope, new LinkedHashMap<>(), "Pixel Data present and decodable",
                    "decoded " + image.fullColumns() + "×" + image.fullRows()));
            switch (family) {
                case DR -> out.addAll(DrImageChecks.evaluate(image, scope, table));
                case CT -> out.addAll(CtImageChecks.evaluate(image, scope, table));
                case MR -> out.addAll(MrImageChecks.evaluate(image, dataset, scope, table));
                case OTHER -> {
                    // Other modalities are outside the programme: decodability is all that is judged.
                }
            }
        }
        return out;
    }
}
