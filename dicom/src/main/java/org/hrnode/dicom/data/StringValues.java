package org.hrnode.dicom.data;

import java.util.ArrayList;
import java.util.List;

/** Splitting, trimming and number parsing of decoded character-string values (PS3.5 §6.2). */
public final class StringValues {

    private static final char VALUE_DELIMITER = '\\';
    private static final String[] NO_VALUES = {};

    private StringValues() {
    }

    /**
     * The values of a decoded element: split at backslashes for multi-valued VRs, one value for LT/ST/UT/UR.
     * Leading and trailing spaces are insignificant for most VRs, only trailing ones for text (PS3.5 table 6.2-1);
     * UI pads with NUL. An empty element has no values.
     */
    public static String[] split(VR vr, String decoded) {
        if (decoded.isEmpty()) {
            return NO_VALUES;
        }
        if (!vr.isMultiValuedString()) {
            String v = trimTrailing(decoded);
            return v.isEmpty() ? NO_VALUES : new String[] {v};
        }
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= decoded.length(); i++) {
            if (i == decoded.length() || decoded.charAt(i) == VALUE_DELIMITER) {
                values.add(trim(vr, decoded.substring(start, i)));
                start = i + 1;
            }
        }
        if (values.size() == 1 && values.get(0).isEmpty()) {
            return NO_VALUES;
        }
        return values.toArray(NO_VALUES);
    }

    private static String trim(VR vr, String value) {
        return vr == VR.PN || vr.kind() == VR.Kind.TEXT ? trimTrailing(value) : trimBoth(value);
    }

    private static boolean isPadding(char c) {
        return c == ' ' || c == '\0';
    }

    static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0 && isPadding(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    static String trimBoth(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPadding(s.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Joins values with the backslash delimiter, the inverse of {@link #split}. */
    public static String join(String... values) {
        for (String v : values) {
            java.util.Objects.requireNonNull(v, "a value to set is null; remove the element or set no values");
        }
        return String.join(String.valueOf(VALUE_DELIMITER), values);
    }

    /** Parses an IS value; throws {@link NumberFormatException} naming the text if it is not an integer. */
    public static long parseIntegerString(String value) {
        String v = value.trim();
        if (v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("IS value '" + value + "' is not an integer");
        }
    }

    /** Parses a DS value; throws {@link NumberFormatException} naming the text if it is not a decimal number. */
    public static double parseDecimalString(String value) {
        String v = value.trim();
        if (v.isEmpty() || !isDecimalSyntax(v)) {
            throw new NumberFormatException("DS value '" + value + "' is not a decimal number");
        }
        return Double.parseDouble(v);
    }

    /** PS3.5 DS syntax: optional sign, digits with optional point, optional exponent; no hex, NaN or suffix. */
    private static boolean isDecimalSyntax(String v) {
        int i = 0;
        int n = v.length();
        if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(v.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && v.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(v.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && Character.isDigit(v.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }
}
