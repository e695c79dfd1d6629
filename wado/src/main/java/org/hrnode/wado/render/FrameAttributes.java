package org.hrnode.wado.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.dict.Tag;

/**
 * The grey-scale transforms that apply to one frame: Rescale Slope/Intercept (Modality LUT) and the object's VOI
 * window. Enhanced multi-frame objects keep them in functional groups (PS3.3 §C.7.6.16): the frame's own item of
 * the Per-frame Functional Groups Sequence wins over the Shared one, which wins over the top level.
 *
 * @param window the object's first window for the frame, if it has a usable one
 */
record FrameAttributes(double rescaleSlope, double rescaleIntercept, Optional<Window> window) {

    static FrameAttributes of(Dataset dataset, int frameNumber) {
        List<Dataset> transforms = new ArrayList<>();
        List<Dataset> windows = new ArrayList<>();
        for (Dataset group : functionalGroups(dataset, frameNumber)) {
            addItem(transforms, group, Tag.PixelValueTransformationSequence);
            addItem(windows, group, Tag.FrameVOILUTSequence);
        }
        transforms.add(dataset);
        windows.add(dataset);
        Dataset rescale = transforms.stream().filter(d -> d.contains(Tag.RescaleSlope)).findFirst().orElse(dataset);
        Dataset voi = windows.stream().filter(d -> d.contains(Tag.WindowCenter)).findFirst().orElse(dataset);
        double slope = number(rescale, Tag.RescaleSlope, 1);
        double intercept = number(rescale, Tag.RescaleIntercept, 0);
        // A slope of 0 would flatten the image to one value: no real modality writes it, so it is taken as absent.
        return new FrameAttributes(slope == 0 ? 1 : slope, intercept, windowOf(voi));
    }

    private static List<Dataset> functionalGroups(Dataset dataset, int frameNumber) {
        List<Dataset> groups = new ArrayList<>(2);
        Sequence perFrame = dataset.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        if (perFrame != null && perFrame.size() >= frameNumber) {
            groups.add(perFrame.get(frameNumber - 1));
        }
        Dataset shared = dataset.getItem(Tag.SharedFunctionalGroupsSequence);
        if (shared != null) {
            groups.add(shared);
        }
        return groups;
    }

    private static void addItem(List<Dataset> to, Dataset group, int sequenceTag) {
        Dataset item = group.getItem(sequenceTag);
        if (item != null) {
            to.add(item);
        }
    }

    /** The first Window Center/Width pair (several are alternatives; the first is the modality's choice). */
    private static Optional<Window> windowOf(Dataset voi) {
        double center = number(voi, Tag.WindowCenter, Double.NaN);
        double width = number(voi, Tag.WindowWidth, Double.NaN);
        if (Double.isNaN(center) || Double.isNaN(width)) {
            return Optional.empty();
        }
        VoiFunction function;
        try {
            String name = voi.getString(Tag.VOILUTFunction);
            function = name == null || name.isBlank() ? VoiFunction.LINEAR : VoiFunction.parse(name);
        } catch (IllegalArgumentException unknown) {
            function = VoiFunction.LINEAR;
        }
        try {
            return Optional.of(new Window(center, width, function));
        } catch (IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }

    /** The first value of a DS/FD attribute; a malformed or absent one gives {@code absent}. */
    private static double number(Dataset dataset, int tag, double absent) {
        try {
            double value = dataset.getDouble(tag, absent);
            return Double.isFinite(value) ? value : absent;
        } catch (IllegalArgumentException malformed) {
            return absent;
        }
    }
}
