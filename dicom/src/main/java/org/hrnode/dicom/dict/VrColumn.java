package org.hrnode.dicom.dict;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.VR;

/**
 * Parses the VR column of the dictionary tables: one VR ({@code PN}), alternatives ({@code US|SS},
 * {@code OB|OW}, {@code US|SS|OW}) or {@code NONE} for the item and delimitation tags.
 *
 * <p>Alternatives are ordered with the VR to assume in implicit VR encoding first:
 * <ul>
 *   <li>{@code OW} whenever it is allowed: PS3.5 §A.1 encodes Pixel, Overlay and Waveform Data as OW in implicit
 *       VR, and LUT Data ({@code US or OW}) may exceed the 64 KiB an explicit US length can hold; the bytes are
 *       the same as US in little endian.</li>
 *   <li>otherwise the standard's order, so {@code US or SS} gives US: the sign depends on Pixel
 *       Representation, which only the caller knows.</li>
 * </ul>
 */
final class VrColumn {

    static final String NONE = "NONE";
    private static final String ALTERNATIVE_SEPARATOR = "\\|";

    private VrColumn() {
    }

    /** The allowed VRs, implicit-VR default first; empty for {@code NONE}. */
    static List<VR> parse(String field) {
        if (field.equals(NONE)) {
            return List.of();
        }
        List<VR> vrs = new ArrayList<>();
        for (String name : field.split(ALTERNATIVE_SEPARATOR)) {
            VR vr = VR.ofName(name);
            if (vr == null) {
                throw new IllegalStateException("not a VR: '" + name + "' in '" + field + "'");
            }
            vrs.add(vr);
        }
        if (vrs.size() > 1 && vrs.remove(VR.OW)) {
            vrs.addFirst(VR.OW);
        }
        return List.copyOf(vrs);
    }
}
