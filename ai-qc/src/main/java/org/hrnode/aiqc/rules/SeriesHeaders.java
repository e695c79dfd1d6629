package org.hrnode.aiqc.rules;

import java.util.List;
import java.util.Locale;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/** The instances of one series, in the order given, with the series' modality family. */
public record SeriesHeaders(String seriesUid, ModalityFamily family, List<Dataset> instances) {

    public SeriesHeaders {
        instances = List.copyOf(instances);
    }

    /**
     * The instances that are diagnostic images: localizers (scout, topogram, survey; Image Type value 3
     * LOCALIZER) plan the scan and are judged by no image-quality rule.
     */
    public List<Dataset> diagnosticImages() {
        return instances.stream().filter(d -> !isLocalizer(d)).toList();
    }

    public static boolean isLocalizer(Dataset dataset) {
        String[] type = strings(dataset, Tag.ImageType);
        for (String t : type) {
            if (t.strip().toUpperCase(Locale.ROOT).equals("LOCALIZER")) {
                return true;
            }
        }
        return false;
    }

    static String[] strings(Dataset dataset, int tag) {
        String[] v = dataset.getStrings(tag);
        return v == null ? new String[0] : v;
    }
}
