package org.hrnode.dicom.dict;

import java.util.Map;
import org.hrnode.dicom.dict.ElementDictionary.Entry;

/**
 * Private data elements by private creator, from the vendor dictionaries that pydicom collects, generated into
 * {@code private.tsv}. Loaded once, on first use.
 *
 * <p>A private element (gggg,xxee) lives in whichever block xx its creator was given, so entries are matched
 * on creator, group and the low element byte ee; the block byte is ignored. The lookup follows pydicom's
 * {@code get_private_entry}, trying in turn
 * <ol>
 *   <li>the exact tag (a few dictionaries list fixed tags),</li>
 *   <li>{@code ggggxxee} (nearly all entries),</li>
 *   <li>{@code ggxxxxee} (entries for repeating private groups such as 60xx).</li>
 * </ol>
 * Entries of other shapes ({@code 001910xx}, GE's description of its own creator elements) stay in the table
 * but, as in pydicom, never match.
 */
public final class PrivateDictionary {

    /** Lazy holder: the table loads on the first lookup. */
    private static final class Holder {
        static final Map<String, PrivateCreatorElements> BY_CREATOR = PrivateCreatorElements.load();
    }

    private PrivateDictionary() {
    }

    /**
     * The entry for private element {@code tag} in a block reserved by {@code creator}, or null if the creator
     * or the element is unknown. The creator is compared exactly after trailing spaces (LO padding) are removed.
     * The entry's {@link Entry#tag() tag} is the dictionary's pattern with the block byte zero, its
     * {@link Entry#keyword() keyword} null.
     */
    public static Entry lookup(String creator, int tag) {
        if (creator == null) {
            return null;
        }
        PrivateCreatorElements elements = Holder.BY_CREATOR.get(withoutTrailingSpaces(creator));
        return elements == null ? null : elements.find(tag);
    }

    private static String withoutTrailingSpaces(String creator) {
        int end = creator.length();
        while (end > 0 && creator.charAt(end - 1) == ' ') {
            end--;
        }
        return creator.substring(0, end);
    }
}
