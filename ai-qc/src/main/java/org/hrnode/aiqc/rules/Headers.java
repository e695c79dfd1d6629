package org.hrnode.aiqc.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * Lenient readers for header values as real modalities write them: a malformed number or date reads as absent (the
 * rule then says so) instead of stopping the whole evaluation.
 */
public final class Headers {

    /** The free-text attributes that say what was examined, searched for body part and side words. */
    private static final int[] DESCRIPTIONS = {Tag.BodyPartExamined, Tag.StudyDescription, Tag.SeriesDescription,
        Tag.ProtocolName, Tag.RequestedProcedureDescription, Tag.PerformedProcedureStepDescription};

    private Headers() {
    }

    public static double[] doubles(Dataset dataset, int tag) {
        try {
            return dataset.getDoubles(tag);
        } catch (RuntimeException e) {
            return new double[0];
        }
    }

    /**
     * The dataset that holds {@code tag} for the first frame: the dataset itself, else (enhanced multi-frame CT and
     * MR, PS3.3 §C.7.6.16) the item of {@code macro} in the Shared Functional Groups, else in the first item of the
     * Per-Frame Functional Groups. Null when none has it.
     */
    public static Dataset holderOf(Dataset dataset, int macro, int tag) {
        if (dataset.hasValue(tag)) {
            return dataset;
        }
        for (int groups : new int[] {Tag.SharedFunctionalGroupsSequence, Tag.PerFrameFunctionalGroupsSequence}) {
            Dataset group = dataset.getItem(groups);
            Dataset item = group == null ? null : group.getItem(macro);
            if (item != null && item.hasValue(tag)) {
                return item;
            }
        }
        return null;
    }

    /** {@link #doubles} of the first frame: top level, else the functional group {@code macro}. */
    public static double[] frameDoubles(Dataset dataset, int macro, int tag) {
        Dataset holder = holderOf(dataset, macro, tag);
        return holder == null ? new double[0] : doubles(holder, tag);
    }

    /** Slice thickness of the first frame, NaN when absent. */
    public static double sliceThickness(Dataset dataset) {
        double[] v = frameDoubles(dataset, Tag.PixelMeasuresSequence, Tag.SliceThickness);
        return v.length == 0 ? Double.NaN : v[0];
    }

    /** Pixel spacing (row, column) of the first frame, empty when absent. */
    public static double[] pixelSpacing(Dataset dataset) {
        return frameDoubles(dataset, Tag.PixelMeasuresSequence, Tag.PixelSpacing);
    }

    /** The first value, or NaN when absent or unreadable. */
    public static double number(Dataset dataset, int tag) {
        double[] v = doubles(dataset, tag);
        return v.length == 0 ? Double.NaN : v[0];
    }

    public static String string(Dataset dataset, int tag) {
        String v = dataset.getString(tag);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Body part and descriptions joined, upper case, for keyword searches in Chinese and English. */
    public static String descriptions(Dataset dataset) {
        StringBuilder sb = new StringBuilder();
        for (int tag : DESCRIPTIONS) {
            String v = string(dataset, tag);
            if (v != null) {
                sb.append(v.toUpperCase(Locale.ROOT)).append(" | ");
            }
        }
        return sb.toString();
    }

    /** A DA value (YYYYMMDD, or the old YYYY.MM.DD), or null. */
    public static LocalDate date(Dataset dataset, int tag) {
        String v = string(dataset, tag);
        if (v == null) {
            return null;
        }
        String digits = v.replace(".", "");
        if (!digits.matches("\\d{8}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** A TM value (HH[MM[SS[.F]]], or the old HH:MM:SS), or null. */
    public static LocalTime time(Dataset dataset, int tag) {
        String v = string(dataset, tag);
        if (v == null) {
            return null;
        }
        String t = v.replace(":", "");
        int dot = t.indexOf('.');
        String whole = dot < 0 ? t : t.substring(0, dot);
        if (!whole.matches("\\d{2}(\\d{2}(\\d{2})?)?")) {
            return null;
        }
        try {
            int h = Integer.parseInt(whole.substring(0, 2));
            int m = whole.length() >= 4 ? Integer.parseInt(whole.substring(2, 4)) : 0;
            int s = whole.length() >= 6 ? Math.min(59, Integer.parseInt(whole.substring(4, 6))) : 0;
            return LocalTime.of(h, m, s);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** Date and time from a DA and a TM attribute; midnight when the time is missing; null without a date. */
    public static LocalDateTime dateTime(Dataset dataset, int dateTag, int timeTag) {
        LocalDate d = date(dataset, dateTag);
        if (d == null) {
            return null;
        }
        LocalTime t = time(dataset, timeTag);
        return d.atTime(t == null ? LocalTime.MIDNIGHT : t);
    }

    /** A DT value's date and time part (YYYYMMDDHHMMSS, offset and fraction ignored), or null. */
    public static LocalDateTime dateTime(Dataset dataset, int tag) {
        String v = string(dataset, tag);
        if (v == null || v.length() < 8 || !v.substring(0, 8).matches("\\d{8}")) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                    Integer.parseInt(v.substring(6, 8)));
            String rest = v.substring(8).split("[.+-]")[0];
            int h = rest.length() >= 2 ? Integer.parseInt(rest.substring(0, 2)) : 0;
            int m = rest.length() >= 4 ? Integer.parseInt(rest.substring(2, 4)) : 0;
            int s = rest.length() >= 6 ? Math.min(59, Integer.parseInt(rest.substring(4, 6))) : 0;
            return d.atTime(h, m, s);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
