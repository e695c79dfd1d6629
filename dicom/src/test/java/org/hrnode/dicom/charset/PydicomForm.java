package org.hrnode.dicom.charset;

import java.util.ArrayList;
import java.util.List;

import org.hrnode.dicom.data.VR;

/**
 * Our decoded element value in the shape pydicom gives it, so the two can be compared: pydicom strips the
 * trailing padding (spaces and NULs), splits SH/LO/UC/PN at backslashes, and drops empty trailing PN groups.
 */
final class PydicomForm {

    /** What pydicom 2.3.1 leaves in values it decodes with ISO 2022 IR 58: Python's gb2312 codec keeps escapes. */
    static final String PYDICOM_IR58_ESCAPE = "\u001b$)A";

    private PydicomForm() {
    }

    static List<String> values(String decoded, VR vr) {
        if (vr.kind() == VR.Kind.TEXT) {
            return List.of(stripPadding(decoded));
        }
        String whole = vr == VR.PN ? stripPadding(decoded) : decoded;
        List<String> values = new ArrayList<>();
        for (String v : whole.split("\\\\", -1)) {
            values.add(vr == VR.PN ? stripEmptyTrailingGroups(v) : stripPadding(v));
        }
        return values;
    }

    /**
     * pydicom's values with the IR 58 escapes it wrongly keeps removed, where the value was declared with
     * ISO 2022 IR 58 (fixed in later pydicom).
     */
    static List<String> withoutPydicomIr58Escapes(List<String> values, String[] terms) {
        if (!List.of(terms).contains("ISO 2022 IR 58")) {
            return values;
        }
        return values.stream().map(v -> v.replace(PYDICOM_IR58_ESCAPE, "")).toList();
    }

    static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String stripEmptyTrailingGroups(String pn) {
        String s = pn;
        while (s.endsWith("=")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
