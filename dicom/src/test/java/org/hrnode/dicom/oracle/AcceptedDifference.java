package org.hrnode.dicom.oracle;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
        boolean accepts(Mismatch m) {
            if (!sameVR(m) || !(textOf(m.ours()) instanceof Value.Scalars ours)
                    || !(textOf(m.theirs()) instanceof Value.Scalars theirs)
                    || theirs.values().stream().noneMatch(v -> v.contains(DESIGNATE_GB2312_TO_G1))) {
                return false;
            }
            List<String> withoutEscapes = theirs.values().stream().map(v -> v.replace(DESIGNATE_GB2312_TO_G1, ""))
                    .toList();
            return OracleComparison.valuesEqual(m.ours().vr(), ours,
                    new Value.Scalars(theirs.kind(), withoutEscapes));
        }
    };

    private static final String DESIGNATE_GB2312_TO_G1 = "\u001B$)A";

    /** Whether this rule explains {@code mismatch} completely. */
    abstract boolean accepts(Mismatch mismatch);

    /** The rule that explains {@code mismatch}, if one does. */
    static Optional<AcceptedDifference> explaining(Mismatch mismatch) {
        return Arrays.stream(values()).filter(rule -> rule.accepts(mismatch)).findFirst();
    }

    private static boolean sameVR(Mismatch m) {
        return m.ours() != null && m.theirs() != null && Objects.equals(m.ours().vr(), m.theirs().vr());
    }

    /** The value of a text element, else null. */
    private static Value textOf(Normalised.Element e) {
        return e != null && e.value() instanceof Value.Scalars s && s.kind() == Normalised.ScalarKind.TEXT ? s : null;
    }
}
