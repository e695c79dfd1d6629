package org.hrnode.aiqc.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * X1 — a radiograph of a paired body part says which side it shows (spec §7.3.1.1 "图像左右标识"; a wrong or
 * missing side is a serious error, 废): Image Laterality (0020,0062), else the series' Laterality (0020,0060), is
 * L, R or B, and does not contradict the side written in the descriptions (左/右/双, LEFT/RIGHT/LT/RT/BILAT). Parts
 * are recognised by keywords in Body Part Examined and the descriptions; images of unpaired parts (chest, spine,
 * skull, pelvis) are not judged.
 */
public final class LateralityRule implements HeaderRule {

    static final String ID = "X1";

    /** Paired parts, in the spellings DICOM (PS3.16 CID 4031) and Chinese request forms use. */
    private static final Pattern PAIRED = Pattern.compile(
            "KNEE|PATELLA|HAND|FINGER|THUMB|WRIST|FOREARM|ELBOW|HUMERUS|UPPER ?ARM|SHOULDER|CLAVICLE|SCAPULA|HIP"
                    + "|FEMUR|THIGH|LEG|TIBIA|FIBULA|ANKLE|FOOT|FEET|TOE|HEEL|CALCANEUS|EXTREMITY|BREAST|MAMM"
                    + "|膝|髌|手|指|腕|前臂|尺桡|肘|肱骨|上臂|肩|锁骨|肩胛|髋|股骨|大腿|小腿|胫|腓|踝|足|趾|跟骨|乳腺");
    private static final Pattern LEFT = Pattern.compile("左|\\bLEFT\\b|\\bLT\\b|\\(L\\)|\\bL\\b");
    private static final Pattern RIGHT = Pattern.compile("右|\\bRIGHT\\b|\\bRT\\b|\\(R\\)|\\bR\\b");
    private static final Pattern BOTH = Pattern.compile("双|\\bBILAT|\\bBOTH\\b");

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        CheckDefinition check = table.require(ID);
        List<CheckResult> out = new ArrayList<>();
        for (SeriesHeaders series : study.seriesOf(ModalityFamily.DR)) {
            for (Dataset d : series.diagnosticImages()) {
                out.add(judge(check, d));
            }
        }
        return out;
    }

    private static CheckResult judge(CheckDefinition check, Dataset d) {
        String scope = d.getString(Tag.SOPInstanceUID, "?");
        String text = Headers.descriptions(d);
        if (!PAIRED.matcher(text).find()) {
            return CheckResult.notApplicable(check, scope, "no paired body part named in BodyPartExamined or the "
                    + "descriptions");
        }
        String header = side(Headers.string(d, Tag.ImageLaterality));
        if (header == null) {
            header = side(Headers.string(d, Tag.Laterality));
        }
        String written = writtenSide(text);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("headerSidePresent", header == null ? 0.0 : 1.0);
        values.put("describedSidePresent", written == null ? 0.0 : 1.0);
        String threshold = "ImageLaterality or Laterality is L, R or B and agrees with the descriptions";
        if (header == null) {
            return CheckResult.fail(check, scope, values, threshold, "paired body part without ImageLaterality or "
                    + "Laterality (L/R/B)");
        }
        if (written != null && !written.equals(header) && !written.equals("B")) {
            return CheckResult.fail(check, scope, values, threshold, "laterality " + header
                    + " contradicts the side in the descriptions (" + written + ")");
        }
        return CheckResult.pass(check, scope, values, threshold, "side " + header);
    }

    private static String side(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "L", "R", "B" -> value.strip().toUpperCase(Locale.ROOT);
            default -> null;
        };
    }

    /** The side the descriptions name, B for both, null when they name none or both sides separately. */
    static String writtenSide(String upperText) {
        if (BOTH.matcher(upperText).find()) {
            return "B";
        }
        boolean left = LEFT.matcher(upperText).find();
        boolean right = RIGHT.matcher(upperText).find();
        return left == right ? null : left ? "L" : "R";
    }
}
