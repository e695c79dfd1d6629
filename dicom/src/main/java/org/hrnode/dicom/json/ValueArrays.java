package org.hrnode.dicom.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.VR;

/**
 * Reads the {@code "Value"} array of an attribute that is not a sequence into the value a {@link
 * org.hrnode.dicom.data.Dataset} holds: joined text for character VRs, little-endian bytes for binary numbers and
 * tags. Every value counts against the value length limit as it arrives, so a hostile array stops early.
 */
final class ValueArrays {

    private static final char VALUE_DELIMITER = '\\';
    private static final char GROUP_DELIMITER = '=';
    private static final int TAG_HEX_DIGITS = 8;
    private static final int HEX_RADIX = 16;
    private static final long NOT_A_TAG = -1;

    /** Makes an exception at the reader's current position and attribute. */
    @FunctionalInterface
    interface Problems {
        DicomJsonException at(String problem);
    }

    private ValueArrays() {
    }

    /**
     * Reads from the array's START_ARRAY to its END_ARRAY.
     *
     * @return a String (character VRs) or byte[] (binary numbers, AT); null for an empty array
     */
    static Object read(JsonParser p, VR vr, int maxValueLength, Problems problems)
            throws IOException, DicomJsonException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw problems.at("\"Value\" must be an array, found " + describe(p.currentToken()));
        }
        return switch (vr.kind()) {
            case PERSON_NAME, DECIMAL_STRING, INTEGER_STRING, STRING, TEXT -> readText(p, vr, maxValueLength, problems);
            case TAG -> readTags(p, maxValueLength, problems);
            case INTEGER -> readIntegers(p, vr, maxValueLength, problems);
            case FLOAT -> readFloats(p, vr, maxValueLength, problems);
            case BYTES, SEQUENCE -> throw new IllegalArgumentException(vr + " values are not a Value array of scalars");
        };
    }

    // ---- text -----------------------------------------------------------------------------------------------

    private static String readText(JsonParser p, VR vr, int maxValueLength, Problems problems)
            throws IOException, DicomJsonException {
        boolean numbers = vr == VR.IS || vr == VR.DS;
        StringBuilder joined = new StringBuilder();
        int count = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            String value;
            if (t == JsonToken.VALUE_NULL) {
                value = "";
            } else if (t == JsonToken.VALUE_STRING || numbers && t.isNumeric()) {
                value = p.getText();
            } else if (t == JsonToken.START_OBJECT && vr == VR.PN) {
                value = readPersonName(p, problems);
            } else {
                throw problems.at("expected " + (numbers ? "a number, a string" : vr == VR.PN ? "an object, a string"
                        : "a string") + " or null among " + vr + " values, found " + describe(t));
            }
            if (vr.isMultiValuedString() && value.indexOf(VALUE_DELIMITER) >= 0) {
                throw problems.at(vr + " value contains a backslash, which DICOM reserves as the delimiter between"
                        + " values");
            }
            if (count > 0) {
                if (!vr.isMultiValuedString()) {
                    throw problems.at(vr + " holds a single value, found more");
                }
                joined.append(VALUE_DELIMITER);
            }
            joined.append(value);
            count++;
            if (joined.length() > maxValueLength) {
                throw problems.at(vr + " value longer than " + maxValueLength + " characters");
            }
        }
        return count == 0 ? null : joined.toString();
    }

    /** A PN object: its component groups joined with '=', up to the last one present. */
    private static String readPersonName(JsonParser p, Problems problems) throws IOException, DicomJsonException {
        String[] groups = {"", "", ""};
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int k = groupIndex(name);
            if (k < 0) {
                throw problems.at("unknown person name component group \"" + JsonNumbers.abbreviate(name)
                        + "\"; PS3.18 F.2.2 defines Alphabetic, Ideographic and Phonetic");
            }
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                groups[k] = p.getText();
            } else if (value != JsonToken.VALUE_NULL) {
                throw problems.at("person name component group " + name + " must be a string, found "
                        + describe(value));
            }
        }
        int last = groups.length - 1;
        while (last > 0 && groups[last].isEmpty()) {
            last--;
        }
        StringBuilder sb = new StringBuilder(groups[0]);
        for (int k = 1; k <= last; k++) {
            sb.append(GROUP_DELIMITER).append(groups[k]);
        }
        return sb.toString();
    }

    private static int groupIndex(String name) {
        for (int k = 0; k < JsonModel.PERSON_NAME_GROUPS.length; k++) {
            if (JsonModel.PERSON_NAME_GROUPS[k].equals(name)) {
                return k;
            }
        }
        return -1;
    }

    // ---- binary numbers -------------------------------------------------------------------------------------

    private static byte[] readTags(JsonParser p, int maxValueLength, Problems problems)
            throws IOException, DicomJsonException {
        IntStream.Builder tags = IntStream.builder();
        int count = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            long tag = t == JsonToken.VALUE_STRING ? parseTag(p.getText()) : NOT_A_TAG;
            if (tag == NOT_A_TAG) {
                throw problems.at("AT values must be tags of 8 hexadecimal digits, found " + describe(t)
                        + (t == JsonToken.VALUE_STRING ? " \"" + JsonNumbers.abbreviate(p.getText()) + "\"" : ""));
            }
            checkLength(++count, VR.AT, maxValueLength, problems);
            tags.add((int) tag);
        }
        return count == 0 ? null : BinaryValues.encodeTags(tags.build().toArray(), false);
    }

    private static byte[] readIntegers(JsonParser p, VR vr, int maxValueLength, Problems problems)
            throws IOException, DicomJsonException {
        LongStream.Builder values = LongStream.builder();
        int count = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            String text = numberText(p, t, vr, problems);
            checkLength(++count, vr, maxValueLength, problems);
            try {
                values.add(JsonNumbers.parseInteger(text, vr));
            } catch (NumberFormatException e) {
                throw problems.at(vr + " value " + e.getMessage());
            }
        }
        return count == 0 ? null : BinaryValues.encodeIntegers(vr, values.build().toArray(), false);
    }

    private static byte[] readFloats(JsonParser p, VR vr, int maxValueLength, Problems problems)
            throws IOException, DicomJsonException {
        DoubleStream.Builder values = DoubleStream.builder();
        int count = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            String text = numberText(p, t, vr, problems);
            checkLength(++count, vr, maxValueLength, problems);
            try {
                values.add(JsonNumbers.parseFloat(text, vr));
            } catch (NumberFormatException e) {
                throw problems.at(vr + " value " + e.getMessage());
            }
        }
        return count == 0 ? null : BinaryValues.encodeFloats(vr, values.build().toArray(), false);
    }

    private static String numberText(JsonParser p, JsonToken t, VR vr, Problems problems)
            throws IOException, DicomJsonException {
        if (t.isNumeric() || t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            throw problems.at("an empty value among " + vr + " values cannot be encoded in binary");
        }
        throw problems.at("expected a number among " + vr + " values, found " + describe(t));
    }

    private static void checkLength(int count, VR vr, int maxValueLength, Problems problems)
            throws DicomJsonException {
        if ((long) count * vr.bytesPerValue() > maxValueLength) {
            throw problems.at(vr + " value longer than " + maxValueLength + " bytes");
        }
    }

    // ---- shared with DocumentParser -------------------------------------------------------------------------

    /** A tag from exactly 8 ASCII hexadecimal digits (either case), or -1. */
    static long parseTag(String text) {
        if (text.length() != TAG_HEX_DIGITS) {
            return NOT_A_TAG;
        }
        long tag = 0;
        for (int i = 0; i < TAG_HEX_DIGITS; i++) {
            char c = text.charAt(i);
            int digit = c < 0x80 ? Character.digit(c, HEX_RADIX) : -1; // Character.digit also takes non-ASCII digits
            if (digit < 0) {
                return NOT_A_TAG;
            }
            tag = tag * HEX_RADIX + digit;
        }
        return tag;
    }

    /** A token as an error message names it. */
    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the document";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case END_OBJECT -> "the end of an object";
            case START_ARRAY -> "an array";
            case END_ARRAY -> "the end of an array";
            case FIELD_NAME -> "a member name";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE -> "an unexpected token";
        };
    }
}
