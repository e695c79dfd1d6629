package org.hrnode.dicom.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.StringValues;
import org.hrnode.dicom.data.VR;

/**
 * Compares our DICOM JSON of a file with pydicom 2.3.1's {@code Dataset.to_json_dict()} of the same file,
 * element by element. Where pydicom represents the same data differently, its side is normalised first; each
 * accepted difference, and why it is pydicom's and not ours:
 * <ol>
 *   <li>Group length elements (gggg,0000): pydicom writes them; PS3.18 F.2.2 says they shall not be included.</li>
 *   <li>Empty values: pydicom writes {@code ""} among several values and {@code "Value": []} for an empty
 *       sequence; F.2.5 asks for {@code null} and for no Value at all.</li>
 *   <li>PN groups: pydicom always writes {@code Alphabetic}, even empty; F.2.2 encodes only non-empty groups. A PN
 *       object left with no group is an empty value, {@code null}.</li>
 *   <li>Numbers: pydicom passes DS values through a Python float and FL values through a double, so it writes
 *       {@code 0.0} for DS {@code 0} and {@code -77.20406341552734} for FL {@code -77.20406}. We write the DS text's
 *       own digits and the shortest text of the float. DS and IS compare as the same number, or as the same double
 *       where pydicom's float rounded the text; FL as the same float; FD and integers exactly.</li>
 *   <li>Byte order: pydicom inlines OW, OF, OD, OL and OV values of a big-endian file in big-endian order; F.2.7
 *       applies PS3.5's rules, and the JSON has no transfer syntax, so we write them little endian.</li>
 *   <li>Encapsulated Pixel Data: pydicom's InlineBinary leaves out the Sequence Delimitation Item that closes the
 *       Value Field in PS3.5 Table A.4-1; ours includes it.</li>
 *   <li>Padding: pydicom strips spaces only from the end of a whole multi-valued element, so {@code DERIVED
 *       \PRIMARY} gives {@code "DERIVED "}; PS3.5 Table 6.2-1 makes leading and trailing spaces of each value of
 *       these VRs insignificant, and we trim each value.</li>
 *   <li>ISO 2022 IR 58: pydicom 2.3.1 leaves the GB2312 designation {@code ESC $ ) A} in the decoded text
 *       (fo-dicom's chrGB2312.dcm); an escape sequence is code extension, not text (PS3.5 §6.1.2.5). Accepted where
 *       removing exactly those escapes from pydicom's value gives ours.</li>
 *   <li>Default-repertoire VRs (AE, AS, CS, DA, DS, DT, IS, TM, UI, UR): pydicom decodes them as ISO-8859-1
 *       whatever (0008,0005) says; HR Node decodes every string VR with the dataset's character set, because
 *       senders put national characters there anyway (GH1301.dcm's Patient's Sex 男 in GB18030, "ÄÐ" to pydicom).
 *       Accepted only where our element's bytes are not ASCII and read as ISO-8859-1 give pydicom's values, the
 *       same rule as the oracle's {@code WE_DECODE_DEFAULT_REPERTOIRE_VRS_WITH_THE_CHARACTER_SET}.</li>
 * </ol>
 * Anything else must be equal.
 */
final class PydicomJsonComparison {

    private static final String GROUP_LENGTH_SUFFIX = "0000";
    private static final String PIXEL_DATA = "7FE00010";
    private static final int HEX_RADIX = 16;
    private static final int HIGH_BIT = 0x80;
    private static final String DESIGNATE_GB2312_TO_G1 = "\u001B$)A";
    private static final Set<VR> DEFAULT_REPERTOIRE = EnumSet.of(VR.AE, VR.AS, VR.CS, VR.DA, VR.DS, VR.DT, VR.IS,
            VR.TM, VR.UI, VR.UR);
    private static final byte[] SEQUENCE_DELIMITATION_ITEM = {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0,
        0, 0, 0, 0};

    private PydicomJsonComparison() {
    }

    /**
     * Null when equal up to the differences above, else where and how they differ.
     *
     * @param source the dataset our JSON was written from, for its byte order and the bytes of text values
     */
    static String firstDifference(JsonNode ours, JsonNode pydicom, Dataset source) {
        return datasetDifference(ours, pydicom, source, "");
    }

    private static String datasetDifference(JsonNode ours, JsonNode pydicom, Dataset source, String path) {
        Set<String> keys = new TreeSet<>();
        ours.fieldNames().forEachRemaining(keys::add);
        for (Iterator<String> it = pydicom.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.endsWith(GROUP_LENGTH_SUFFIX)) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            JsonNode a = ours.get(key);
            JsonNode b = pydicom.get(key);
            String here = path + key;
            if (a == null || b == null) {
                return here + ": only in " + (a == null ? "pydicom" : "ours");
            }
            String d = attributeDifference(a, b, key, source, here);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String attributeDifference(JsonNode a, JsonNode b, String key, Dataset source, String here) {
        String vrName = a.path(JsonModel.VR).asText();
        if (!vrName.equals(b.path(JsonModel.VR).asText())) {
            return here + ": vr " + a.get(JsonModel.VR) + " vs " + b.get(JsonModel.VR);
        }
        VR vr = VR.ofName(vrName);
        if (a.has(JsonModel.INLINE_BINARY) || b.has(JsonModel.INLINE_BINARY)) {
            return binaryDifference(a, b, vr, key, source.isBigEndian(), here);
        }
        JsonNode x = a.path(JsonModel.VALUE);
        JsonNode y = withoutEmptyArray(b.path(JsonModel.VALUE));
        if (x.isMissingNode() || y.isMissingNode()) {
            return x.isMissingNode() && y.isMissingNode() ? null : here + ": Value " + x + " vs " + y;
        }
        if (x.size() != y.size()) {
            return here + ": " + x.size() + " vs " + y.size() + " values";
        }
        int tag = (int) Long.parseLong(key, HEX_RADIX);
        if (vr == VR.SQ) {
            Sequence items = source.getSequence(tag);
            for (int k = 0; k < x.size(); k++) {
                String d = datasetDifference(x.get(k), y.get(k), items.get(k), here + "[" + k + "]/");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        for (int k = 0; k < x.size(); k++) {
            if (valueDifference(x.get(k), normalised(y.get(k), vr), vr)
                    && !pydicomDecodedAsLatin1(source.getBytes(tag), vr, y)) {
                return here + "[" + k + "]: " + x.get(k) + " vs pydicom's " + y.get(k);
            }
        }
        return null;
    }

    /** Whether pydicom's values are our element's non-ASCII bytes read as ISO-8859-1 (difference 8). */
    private static boolean pydicomDecodedAsLatin1(byte[] raw, VR vr, JsonNode pydicomValues) {
        if (raw == null || !DEFAULT_REPERTOIRE.contains(vr) || isAscii(raw)) {
            return false;
        }
        String[] asLatin1 = StringValues.split(vr, new String(raw, StandardCharsets.ISO_8859_1));
        if (asLatin1.length != pydicomValues.size()) {
            return false;
        }
        for (int k = 0; k < asLatin1.length; k++) {
            JsonNode expected = asLatin1[k].isEmpty() ? NullNode.getInstance() : TextNode.valueOf(asLatin1[k]);
            if (!expected.equals(normalised(pydicomValues.get(k), vr))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if ((b & HIGH_BIT) != 0) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode withoutEmptyArray(JsonNode value) {
        return value.isArray() && value.isEmpty() ? MissingNode.getInstance()
                : value;
    }

    /** pydicom's value with its padding, empty strings and empty PN groups as we write them. */
    private static JsonNode normalised(JsonNode value, VR vr) {
        if (value.isTextual() && vr.isMultiValuedString() && vr != VR.PN) {
            String trimmed = value.asText().strip();
            return trimmed.isEmpty() ? NullNode.getInstance() : TextNode.valueOf(trimmed);
        }
        if (value.isTextual() && value.asText().isEmpty()) {
            return NullNode.getInstance();
        }
        if (vr == VR.PN && value.isObject()) {
            ObjectNode groups = value.deepCopy();
            groups.properties().removeIf(e -> e.getValue().isTextual() && e.getValue().asText().isEmpty());
            return groups.isEmpty() ? NullNode.getInstance() : groups;
        }
        return value;
    }

    /** Whether two single values differ beyond number formatting and pydicom's IR 58 escapes (difference 7). */
    private static boolean valueDifference(JsonNode ours, JsonNode pydicom, VR vr) {
        if (ours.isNumber() && pydicom.isNumber()) {
            return !sameNumber(ours.asText(), pydicom.asText(), vr);
        }
        return !ours.equals(pydicom) && !ours.equals(withoutGb2312Designations(pydicom));
    }

    private static JsonNode withoutGb2312Designations(JsonNode value) {
        if (value.isTextual()) {
            return TextNode.valueOf(value.asText().replace(DESIGNATE_GB2312_TO_G1, ""));
        }
        if (value.isObject()) {
            ObjectNode groups = value.deepCopy();
            groups.properties().forEach(e -> e.setValue(withoutGb2312Designations(e.getValue())));
            return groups;
        }
        return value;
    }

    private static boolean sameNumber(String ours, String pydicom, VR vr) {
        return switch (vr) {
            case FL -> Float.parseFloat(ours) == (float) Double.parseDouble(pydicom);
            case FD -> Double.parseDouble(ours) == Double.parseDouble(pydicom);
            case DS, IS -> new BigDecimal(ours).compareTo(new BigDecimal(pydicom)) == 0
                    || Double.parseDouble(ours) == Double.parseDouble(pydicom);
            default -> new BigDecimal(ours).compareTo(new BigDecimal(pydicom)) == 0;
        };
    }

    private static String binaryDifference(JsonNode a, JsonNode b, VR vr, String key, boolean bigEndian,
            String here) {
        if (!a.has(JsonModel.INLINE_BINARY) || !b.has(JsonModel.INLINE_BINARY)) {
            return here + ": InlineBinary only in " + (a.has(JsonModel.INLINE_BINARY) ? "ours" : "pydicom");
        }
        byte[] ours = Base64.getDecoder().decode(a.get(JsonModel.INLINE_BINARY).asText());
        byte[] theirs = Base64.getDecoder().decode(b.get(JsonModel.INLINE_BINARY).asText());
        if (bigEndian) {
            BinaryValues.swapInPlace(vr, theirs, theirs.length);
        }
        if (key.equals(PIXEL_DATA) && EncapsulatedValueField.looksEncapsulated(theirs)
                && EncapsulatedValueField.parse(theirs) != null) {
            theirs = withSequenceDelimiter(theirs);
        }
        return Arrays.equals(ours, theirs) ? null
                : here + ": InlineBinary differs (" + ours.length + " vs pydicom's " + theirs.length + " bytes)";
    }

    private static byte[] withSequenceDelimiter(byte[] items) {
        byte[] b = Arrays.copyOf(items, items.length + SEQUENCE_DELIMITATION_ITEM.length);
        System.arraycopy(SEQUENCE_DELIMITATION_ITEM, 0, b, items.length, SEQUENCE_DELIMITATION_ITEM.length);
        return b;
    }
}
