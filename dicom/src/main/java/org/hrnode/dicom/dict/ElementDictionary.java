package org.hrnode.dicom.dict;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;

/**
 * The standard data dictionary: PS3.6 data elements and PS3.7 command elements, retired and repeating-group ones
 * included, as generated into {@code elements.tsv}. Loaded once, on first use.
 *
 * <p>Implicit VR parsing asks {@link #vrOf(int)} for every element, so that path avoids allocation and
 * hashing of boxed keys.
 */
public final class ElementDictionary {

    /**
     * One dictionary element.
     *
     * @param tag            the tag; for repeating-group elements the base value with the varying digits zero
     *                       ({@code 0x60003000} for Overlay Data), for private ones the block byte zero
     * @param vr             the VR to assume when the encoding does not say, {@code vrAlternatives.get(0)};
     *                       null for the item and delimitation tags (FFFE,E000/E00D/E0DD), which have none
     * @param vrAlternatives every VR the standard allows, more than one where it is ambiguous ({@code US or SS},
     *                       {@code OB or OW}); OW first wherever it is allowed, see {@link #vrOf(int)}
     * @param vm             value multiplicity as the standard writes it: {@code 1}, {@code 1-n}, {@code 2-2n}
     * @param keyword        the PS3.6 keyword, null for the few retired elements without one and for private
     *                       elements
     * @param name           the PS3.6 name
     * @param retired        whether PS3.6 lists the element as retired
     */
    public record Entry(int tag, VR vr, List<VR> vrAlternatives, String vm, String keyword, String name,
                        boolean retired) {

        public Entry {
            vrAlternatives = List.copyOf(vrAlternatives);
        }

        /** Whether the standard allows more than one VR, so explicit VR data must be trusted over {@link #vr}. */
        public boolean isAmbiguous() {
            return vrAlternatives.size() > 1;
        }
    }

    /** Lazy holder: the table loads on the first lookup, not when the class is merely referenced. */
    private static final class Holder {
        static final StandardElements ELEMENTS = StandardElements.load();
    }

    private ElementDictionary() {
    }

    /** The entry for {@code tag}: exact match first, then repeating-group patterns; null if unknown or private. */
    public static Entry lookup(int tag) {
        return Holder.ELEMENTS.find(tag);
    }

    /**
     * The VR to use for {@code tag} when the encoding does not carry one (implicit VR); never null:
     * <ul>
     *   <li>group length (gggg,0000): UL;</li>
     *   <li>private creator (odd group, element 0010–00FF): LO;</li>
     *   <li>other private, unknown, and the item and delimitation tags: UN;</li>
     *   <li>ambiguous elements: the first alternative, OW for {@code OB or OW} and {@code US or OW} (PS3.5 §A.1),
     *       US for {@code US or SS} (the sign depends on Pixel Representation, which the caller resolves).</li>
     * </ul>
     * Private elements are looked up with {@link PrivateDictionary} by the caller, who knows the creator.
     */
    public static VR vrOf(int tag) {
        if (Tags.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tags.isPrivate(tag)) {
            return Tags.isPrivateCreator(tag) ? VR.LO : VR.UN;
        }
        Entry entry = lookup(tag);
        return entry == null || entry.vr() == null ? VR.UN : entry.vr();
    }

    /** The keyword of {@code tag} ("PatientName"), null if the tag is unknown or has none. */
    public static String keywordOf(int tag) {
        Entry entry = lookup(tag);
        return entry == null ? null : entry.keyword();
    }

    /** The tag of {@code keyword}; for repeating-group elements the base value ({@code OverlayData -> 60003000}). */
    public static OptionalInt tagOf(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        return Holder.ELEMENTS.tagOf(keyword);
    }

    /** The PS3.6 name of {@code tag} ("Patient's Name"), null if the tag is unknown. */
    public static String nameOf(int tag) {
        Entry entry = lookup(tag);
        return entry == null ? null : entry.name();
    }

    /** Every standard entry, repeating ones included, in tag order. */
    public static List<Entry> entries() {
        return Holder.ELEMENTS.entries();
    }
}
