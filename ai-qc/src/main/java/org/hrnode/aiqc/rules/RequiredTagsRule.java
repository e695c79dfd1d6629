package org.hrnode.aiqc.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.ElementDictionary;
import org.hrnode.dicom.dict.Tag;

/**
 * G3 — the attributes without which the images cannot be identified or read correctly are present in every
 * instance: identity for all, the Image Pixel basics for images, and for CT and MR the geometry (position,
 * orientation, spacing, thickness) a reader needs to measure and to page in anatomical order; CT also needs the
 * rescale that turns stored values into HU. Completeness of everything else is a data-quality statistic (spec
 * §7.1.3), not a reason to refuse one study, so it is not checked here.
 */
public final class RequiredTagsRule implements HeaderRule {

    static final String ID = "G3";

    private static final int[] IDENTITY = {Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.StudyInstanceUID,
        Tag.SeriesInstanceUID, Tag.Modality};
    private static final int[] IMAGE = {Tag.Rows, Tag.Columns, Tag.BitsAllocated, Tag.PhotometricInterpretation};
    /** Geometry attributes and the functional group macro that holds each in enhanced multi-frame images. */
    private static final int[][] CROSS_SECTIONAL = {{Tag.ImagePositionPatient, Tag.PlanePositionSequence},
        {Tag.ImageOrientationPatient, Tag.PlaneOrientationSequence}, {Tag.PixelSpacing, Tag.PixelMeasuresSequence},
        {Tag.SliceThickness, Tag.PixelMeasuresSequence}};
    private static final int[] CT = {Tag.RescaleIntercept, Tag.RescaleSlope};

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        CheckDefinition check = table.require(ID);
        Set<String> missing = new LinkedHashSet<>();
        int incomplete = 0;
        for (Dataset d : study.instances()) {
            List<String> lacking = new ArrayList<>();
            requireAll(d, IDENTITY, lacking);
            if (d.contains(Tag.PixelData) || d.contains(Tag.Rows)) {
                requireAll(d, IMAGE, lacking);
                ModalityFamily family = ModalityFamily.of(d.getString(Tag.Modality));
                if ((family == ModalityFamily.CT || family == ModalityFamily.MR) && !SeriesHeaders.isLocalizer(d)) {
                    requireGeometry(d, lacking);
                }
                if (family == ModalityFamily.CT) {
                    requireAll(d, CT, lacking);
                }
            }
            if (!lacking.isEmpty()) {
                incomplete++;
                missing.addAll(lacking);
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("instancesMissingRequiredTags", (double) incomplete);
        String threshold = "identity for all; Rows, Columns, BitsAllocated, PhotometricInterpretation for images; "
                + "position, orientation, PixelSpacing, SliceThickness for CT/MR; rescale for CT";
        if (incomplete == 0) {
            return List.of(CheckResult.pass(check, "study", values, threshold, "all required attributes present"));
        }
        return List.of(CheckResult.fail(check, "study", values, threshold, incomplete + " instance(s) lack "
                + String.join(", ", missing)));
    }

    private static void requireGeometry(Dataset d, List<String> lacking) {
        for (int[] attribute : CROSS_SECTIONAL) {
            if (Headers.holderOf(d, attribute[1], attribute[0]) == null) {
                lacking.add(ElementDictionary.keywordOf(attribute[0]));
            }
        }
    }

    private static void requireAll(Dataset d, int[] tags, List<String> lacking) {
        for (int tag : tags) {
            if (!d.hasValue(tag)) {
                lacking.add(ElementDictionary.keywordOf(tag));
            }
        }
    }
}
