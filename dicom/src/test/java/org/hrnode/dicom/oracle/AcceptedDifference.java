package org.hrnode.dicom.oracle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.StringValues;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.oracle.Normalised.Value;
import org.hrnode.dicom.oracle.OracleComparison.Mismatch;

/**
 * Every way HR Node's reading of a file may differ from pydicom 2.3.1's, each named, with the reason, and each
 * accepting only the exact difference it describes, never a whole element or file. A mismatch no rule accepts fails
 * {@link PydicomOracleTest}: it is a bug of ours to fix, or a new rule to argue for here.
 *
 * <p>Differences of form that are not differences of value are not listed: those are the comparison's
 * normalisation ({@link OracleComparison#significant}: padding PS3.5 calls insignificant, empty trailing person-name
 * groups, DS compared as exact decimals).
 */
enum AcceptedDifference {

    /**
     * pydicom 2.3.1 assumes Python's {@code iso_ir_58} codec strips the ISO 2022 designation of GB2312
     * ({@code ESC $ ) A}) as its ISO 2022 Japanese codecs do, and hands it the escape with the text; the codec keeps
     * the four bytes as characters, so pydicom reports "Zhang^XiaoDong=ESC$)A张^ESC$)A小东" for fo-dicom's
     * chrGB2312.dcm. An escape sequence is code extension, not text (PS3.5 §6.1.2.5); we report "张^小东".
     */
    PYDICOM_KEEPS_ISO_2022_IR_58_ESCAPES {
        @Override
        boolean accepts(Mismatch m, Dataset ours) {
            if (!sameVR(m) || !(textOf(m.ours()) instanceof Value.Scalars our)
                    || !(textOf(m.theirs()) instanceof Value.Scalars their)
                    || their.values().stream().noneMatch(v -> v.contains(DESIGNATE_GB2312_TO_G1))) {
                return false;
            }
            List<String> withoutEscapes = their.values().stream().map(v -> v.replace(DESIGNATE_GB2312_TO_G1, ""))
                    .toList();
            return OracleComparison.valuesEqual(m.ours().vr(), our, new Value.Scalars(their.kind(), withoutEscapes));
        }
    },

    /**
     * pydicom decodes the VRs PS3.5 restricts to the default repertoire (AE, AS, CS, DA, DS, DT, IS, TM, UI, UR) as
     * ISO-8859-1 whatever (0008,0005) declares; we decode every string VR with the dataset's character set, because
     * senders put national characters there anyway: fo-dicom's GH1301.dcm has Patient's Sex 男 in GB18030, which
     * pydicom shows as "ÄÐ". Accepted only for values that are not ASCII, and only where pydicom's text is exactly
     * our value's bytes read as ISO-8859-1, so the two readers saw the same bytes and differ in decoding alone.
     */
    WE_DECODE_DEFAULT_REPERTOIRE_VRS_WITH_THE_CHARACTER_SET {
        private static final Set<String> PYDICOM_DECODES_AS_LATIN1 = Set.of("AE", "AS", "CS", "DA", "DS", "DT",
                "IS", "TM", "UI", "UR");

        @Override
        boolean accepts(Mismatch m, Dataset ours) {
            if (!sameVR(m) || !PYDICOM_DECODES_AS_LATIN1.contains(m.ours().vr())
                    || !(m.theirs().value() instanceof Value.Scalars their)) {
                return false;
            }
            byte[] raw = rawBytes(ours, m.location());
            if (raw == null || isAscii(raw)) {
                return false;
            }
            VR vr = VR.valueOf(m.ours().vr());
            List<String> asLatin1 = List.of(StringValues.split(vr, new String(raw, StandardCharsets.ISO_8859_1)));
            return OracleComparison.valuesEqual(m.ours().vr(), new Value.Scalars(their.kind(), asLatin1), their);
        }
    };

    private static final String DESIGNATE_GB2312_TO_G1 = "\u001B$)A";
    private static final int HIGHEST_ASCII = 0x7F;

    /**
     * Whether this rule explains {@code mismatch} completely; {@code ours} is the dataset (or File Meta Information)
     * that {@link Mismatch#location()} starts in.
     */
    abstract boolean accepts(Mismatch mismatch, Dataset ours);

    /** The rule that explains {@code mismatch}, if one does. */
    static Optional<AcceptedDifference> explaining(Mismatch mismatch, Dataset ours) {
        return Arrays.stream(values()).filter(rule -> rule.accepts(mismatch, ours)).findFirst();
    }

    private static boolean sameVR(Mismatch m) {
        return m.ours() != null && m.theirs() != null && Objects.equals(m.ours().vr(), m.theirs().vr());
    }

    /** The value of a text element, else null. */
    private static Value textOf(Normalised.Element e) {
        return e != null && e.value() instanceof Value.Scalars s && s.kind() == Normalised.ScalarKind.TEXT ? s : null;
    }

    /** The bytes of our element at {@code location} (sequence tag and item index pairs, then the tag), or null. */
    private static byte[] rawBytes(Dataset root, List<Integer> location) {
        Dataset container = root;
        for (int k = 0; k + 1 < location.size(); k += 2) {
            container = container.getSequence(location.get(k)).get(location.get(k + 1));
        }
        return container.getBytes(location.get(location.size() - 1));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if ((b & 0xFF) > HIGHEST_ASCII) {
                return false;
            }
        }
        return true;
    }
}
