package org.hrnode.dicom.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.hrnode.dicom.data.VR;

/**
 * Numbers between their DICOM and JSON spellings. IS and DS values are decimal text in DICOM and numbers in
 * DICOM JSON; the two grammars differ only in details (DICOM allows a leading '+', leading zeros, {@code .5} and
 * {@code 5.}), so a value is rewritten only in those details and keeps its digits, precision and exponent.
 */
final class JsonNumbers {

    /** Integers beyond 2^53 lose precision in JavaScript's doubles; PS3.18 F.2.3.1 lets SV/UV be strings there. */
    static final long MAX_EXACT_JSON_INTEGER = 1L << 53;
    /** More integer digits than 2^64 has cannot be in range of any binary integer VR. */
    private static final int MAX_INTEGER_DIGITS = 20;
    /** Longest piece of hostile input quoted in a message. */
    private static final int MAX_QUOTED_LENGTH = 40;

    private JsonNumbers() {
    }

    /**
     * The JSON number with the value of an IS or DS value, or null if the value is not a decimal number (it then
     * travels as a string, see {@link DicomJsonWriter}).
     */
    static String toJsonNumber(String decimal) {
        Syntax s = Syntax.scan(decimal);
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(decimal.length() + 1);
        if (decimal.charAt(0) == '-') {
            sb.append('-');
        }
        int intStart = s.intStart;
        while (intStart < s.intEnd - 1 && decimal.charAt(intStart) == '0') {
            intStart++; // JSON forbids leading zeros
        }
        if (intStart == s.intEnd) {
            sb.append('0'); // ".5" -> "0.5"
        } else {
            sb.append(decimal, intStart, s.intEnd);
        }
        if (s.fractionEnd > s.fractionStart) {
            sb.append('.').append(decimal, s.fractionStart, s.fractionEnd); // "5." drops its point
        }
        sb.append(decimal, s.exponentStart, decimal.length());
        return sb.toString();
    }

    /** Whether {@code text} is a decimal number as PS3.5 defines DS: sign, digits, point, exponent, nothing else. */
    static boolean isDecimalNumber(String text) {
        return Syntax.scan(text) != null;
    }

    /**
     * An integer of a binary integer VR (SS, US, SL, UL, SV, UV) from a JSON number's or string's text; UV values
     * above 2^63 come back negative, the two's complement that {@link org.hrnode.dicom.data.BinaryValues} encodes.
     *
     * @throws NumberFormatException naming the problem, if the text is not an integer in the VR's range
     */
    static long parseInteger(String text, VR vr) {
        if (!isDecimalNumber(text)) {
            throw new NumberFormatException("'" + abbreviate(text) + "' is not a number");
        }
        BigDecimal exact = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        if (exact.signum() == 0) {
            return 0;
        }
        BigDecimal stripped = exact.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new NumberFormatException(abbreviate(text) + " is not an integer, as " + vr + " requires");
        }
        if ((long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw new NumberFormatException(abbreviate(text) + " is out of range for " + vr);
        }
        BigInteger value = stripped.toBigIntegerExact();
        if (value.compareTo(min(vr)) < 0 || value.compareTo(max(vr)) > 0) {
            throw new NumberFormatException(abbreviate(text) + " is out of range for " + vr + " (" + min(vr)
                    + " to " + max(vr) + ")");
        }
        return value.longValue();
    }

    private static BigInteger min(VR vr) {
        return vr.isSigned() ? BigInteger.ONE.shiftLeft(vr.bytesPerValue() * Byte.SIZE - 1).negate() : BigInteger.ZERO;
    }

    private static BigInteger max(VR vr) {
        int bits = vr.bytesPerValue() * Byte.SIZE - (vr.isSigned() ? 1 : 0);
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    /**
     * A value of FL or FD from a JSON number's or string's text; "NaN", "Infinity" and "-Infinity" stand for the
     * values JSON cannot spell.
     *
     * @throws NumberFormatException if the text is no number or the number is beyond the VR's range
     */
    static double parseFloat(String text, VR vr) {
        switch (text) {
            case JsonModel.NOT_A_NUMBER -> {
                return Double.NaN;
            }
            case JsonModel.POSITIVE_INFINITY -> {
                return Double.POSITIVE_INFINITY;
            }
            case JsonModel.NEGATIVE_INFINITY -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                if (!isDecimalNumber(text)) {
                    throw new NumberFormatException("'" + abbreviate(text) + "' is not a number");
                }
            }
        }
        double value = Double.parseDouble(text);
        boolean overflows = vr == VR.FL ? Float.isInfinite((float) value) : Double.isInfinite(value);
        if (overflows) {
            throw new NumberFormatException(abbreviate(text) + " is out of range for " + vr);
        }
        return value;
    }

    /** Keeps messages about hostile input short. */
    static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED_LENGTH ? text : text.substring(0, MAX_QUOTED_LENGTH) + "...";
    }

    /** Where the parts of a decimal number are: integer digits, fraction digits, exponent (to the end). */
    private record Syntax(int intStart, int intEnd, int fractionStart, int fractionEnd, int exponentStart) {

        static Syntax scan(String v) {
            int n = v.length();
            int i = 0;
            if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
                i++;
            }
            int intStart = i;
            i = digits(v, i);
            int intEnd = i;
            int fractionStart = i;
            int fractionEnd = i;
            if (i < n && v.charAt(i) == '.') {
                fractionStart = i + 1;
                i = digits(v, fractionStart);
                fractionEnd = i;
            }
            if (intEnd == intStart && fractionEnd == fractionStart) {
                return null;
            }
            int exponentStart = i;
            if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
                i++;
                if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
                    i++;
                }
                int exponentDigits = i;
                i = digits(v, i);
                if (i == exponentDigits) {
                    return null;
                }
            }
            return i == n ? new Syntax(intStart, intEnd, fractionStart, fractionEnd, exponentStart) : null;
        }

        private static int digits(String v, int i) {
            while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
            }
            return i;
        }
    }
}
