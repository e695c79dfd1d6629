package org.hrnode.dicom.dict;
import java.util.List;
import org.hrnode.dicom.data.VR;
// TEMPORARY STUB — replaced by the generated dictionary on merge.
public final class ElementDictionary {
    public record Entry(int tag, VR vr, List<VR> vrAlternatives, String vm, String keyword, String name, boolean retired) {}
    public static Entry lookup(int tag) { return null; }
    public static VR vrOf(int tag) { return (tag & 0xFFFF) == 0 ? VR.UL : VR.UN; }
    public static String keywordOf(int tag) { return null; }
}
