package org.hrnode.node.ingest;

import java.util.Set;
import java.util.stream.Collectors;
import org.hrnode.dicom.dict.UIDs;

/**
 * Which storage SOP classes carry images, i.e. pixel data whose compression the lossless rule (川渝互认 spec §7.1:
 * images are uploaded in a DICOM lossless format) is about. Taken from the dictionary: every storage class whose
 * name says "Image Storage", plus the classes whose objects hold Pixel Data although their names do not say
 * "Image" ({@link #IMAGES_NAMED_OTHERWISE}). Everything else (SR, KOS, encapsulated documents, RT plans and
 * structure sets, presentation states, waveforms) has no pixels to compress and is accepted uncompressed only.
 */
public final class ImageStorageSopClasses {

    private static final String IMAGE_STORAGE = "Image Storage";
    private static final String SOP_CLASS = "SOP Class";

    /** Storage classes with Pixel Data (PS3.3 image pixel module or its float/segment variants) and no "Image". */
    private static final Set<String> IMAGES_NAMED_OTHERWISE = Set.of(
            "Enhanced US Volume Storage",
            "Parametric Map Storage",
            "Segmentation Storage",
            "Label Map Segmentation Storage",
            "Heightmap Segmentation Storage",
            "RT Dose Storage",
            "Ophthalmic Thickness Map Storage",
            "Corneal Topography Map Storage",
            "Ophthalmic Optical Coherence Tomography B-scan Volume Analysis Storage");

    private static final Set<String> IMAGE_CLASSES = UIDs.ofType(SOP_CLASS).stream()
            .filter(info -> namesAnImageClass(info.name()))
            .map(UIDs.Info::uid)
            .collect(Collectors.toUnmodifiableSet());

    private ImageStorageSopClasses() {
    }

    /** The image storage SOP classes of the dictionary. */
    public static Set<String> all() {
        return IMAGE_CLASSES;
    }

    public static boolean isImage(String sopClassUid) {
        return IMAGE_CLASSES.contains(sopClassUid);
    }

    private static boolean namesAnImageClass(String name) {
        return name != null && (name.contains(IMAGE_STORAGE) || IMAGES_NAMED_OTHERWISE.contains(name));
    }
}
