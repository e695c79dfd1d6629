package org.hrnode.dicom.json;

import java.math.BigDecimal;
import java.util.Arrays;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.StringValues;
import org.hrnode.dicom.data.VR;

/**
 * The normalisations a DICOM JSON round trip makes on purpose (see {@link DicomJsonWriter}), applied to a copy
 * of a dataset so that {@link org.hrnode.dicom.testing.DatasetDiff} can compare the rest strictly:
 * <ul>
 *   <li>IS and DS values are JSON numbers, and JSON spells some numbers differently from DICOM ({@code +1},
 *       {@code 007}, {@code .5}, {@code 5.}). Each decimal value becomes {@link BigDecimal#toString()} of itself,
 *       which keeps its digits and scale ({@code 1.50} stays apart from {@code 1.5}) but forgets those
 *       spellings.</li>
 *   <li>PN values lose trailing empty component groups ({@code Wang^XiaoDong=王^小东=} has an empty phonetic
 *       group): DICOM JSON writes only the groups that are there, and PS3.5 §6.2.1 lets the delimiters of
 *       trailing empty groups be left out.</li>
 * </ul>
 * Everything else is copied as it is.
 */
final class JsonNormalised {

    private static final String TRAILING_EMPTY_GROUPS = "=+$";

    private JsonNormalised() {
    }

    static Dataset copy(Dataset source) {
        Dataset copy = new Dataset(source.isBigEndian());
        copyInto(source, copy);
        return copy;
    }

    private static void copyInto(Dataset source, Dataset copy) {
        for (int i = 0; i < source.size(); i++) {
            int tag = source.tagAt(i);
            VR vr = source.vrAt(i);
            if (source.valueAt(i) instanceof Sequence sq) {
                Sequence items = copy.newSequence(tag);
                for (Dataset item : sq) {
                    copyInto(item, items.addNewItem());
                }
            } else if (vr == VR.IS || vr == VR.DS) {
                String[] values = Arrays.stream(source.getStrings(tag)).map(JsonNormalised::canonicalNumber)
                        .toArray(String[]::new);
                copy.set(tag, vr, StringValues.join(values));
            } else if (vr == VR.PN) {
                String[] values = Arrays.stream(source.getStrings(tag))
                        .map(v -> v.replaceFirst(TRAILING_EMPTY_GROUPS, "")).toArray(String[]::new);
                copy.set(tag, vr, StringValues.join(values));
            } else {
                copy.set(tag, vr, source.valueAt(i));
            }
        }
    }

    private static String canonicalNumber(String value) {
        if (!JsonNumbers.isDecimalNumber(value)) {
            return value;
        }
        return new BigDecimal(value.startsWith("+") ? value.substring(1) : value).toString();
    }
}
