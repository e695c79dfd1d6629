package org.hrnode.dicom.dict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary.Entry;

/**
 * The elements of one private creator, keyed by the three pattern shapes {@link PrivateDictionary} tries:
 * sorted {@code long} keys (shape in the high half, masked tag in the low half) searched by bisection.
 */
final class PrivateCreatorElements {

    static final String RESOURCE = "private.tsv";
    private static final int COLUMNS = 6;
    private static final int CREATOR_COLUMN = 0;
    private static final int TAG_COLUMN = 1;
    private static final int VR_COLUMN = 2;
    private static final int VM_COLUMN = 3;
    private static final int NAME_COLUMN = 4;
    private static final int RETIRED_COLUMN = 5;

    /** (gggg,eeee): the exact tag. */
    private static final int EXACT = 0;
    /** (gggg,xxee): any block. */
    private static final int ANY_BLOCK = 1;
    /** (ggxx,xxee): any block in any group of a repeating private group. */
    private static final int ANY_BLOCK_AND_GROUP_LOW_BYTE = 2;
    /** Any other shape: kept in the table, never matched (as in pydicom). */
    private static final int UNMATCHED = -1;

    private static final Pattern ANY_BLOCK_PATTERN = Pattern.compile("[0-9A-F]{4}xx[0-9A-F]{2}");
    private static final Pattern ANY_BLOCK_AND_GROUP_LOW_BYTE_PATTERN = Pattern.compile("[0-9A-F]{2}xxxx[0-9A-F]{2}");
    private static final int ANY_BLOCK_MASK = 0xFFFF00FF;
    private static final int ANY_BLOCK_AND_GROUP_LOW_BYTE_MASK = 0xFF0000FF;
    private static final int SHAPE_SHIFT = 32;
    private static final long TAG_BITS = 0xFFFFFFFFL;

    private final long[] keys;
    private final Entry[] entries;

    private PrivateCreatorElements(long[] keys, Entry[] entries) {
        this.keys = keys;
        this.entries = entries;
    }

    static Map<String, PrivateCreatorElements> load() {
        Map<String, List<Keyed>> byCreator = new HashMap<>();
        for (String[] row : DictionaryTable.read(RESOURCE, COLUMNS)) {
            String pattern = row[TAG_COLUMN];
            int shape = shapeOf(pattern);
            if (shape == UNMATCHED) {
                continue;
            }
            TagPattern tagPattern = TagPattern.parse(pattern);
            List<VR> vrs = VrColumn.parse(row[VR_COLUMN]);
            Entry entry = new Entry(tagPattern.value(), vrs.isEmpty() ? null : vrs.getFirst(), vrs, row[VM_COLUMN],
                    null, row[NAME_COLUMN], DictionaryTable.flag(row[RETIRED_COLUMN]));
            byCreator.computeIfAbsent(row[CREATOR_COLUMN], c -> new ArrayList<>())
                    .add(new Keyed(key(shape, tagPattern.value()), entry));
        }
        Map<String, PrivateCreatorElements> result = new HashMap<>();
        byCreator.forEach((creator, keyed) -> result.put(creator, of(creator, keyed)));
        return Map.copyOf(result);
    }

    private record Keyed(long key, Entry entry) {
    }

    private static PrivateCreatorElements of(String creator, List<Keyed> keyed) {
        List<Keyed> sorted = keyed.stream().sorted(Comparator.comparingLong(Keyed::key)).toList();
        long[] keys = sorted.stream().mapToLong(Keyed::key).toArray();
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] == keys[i - 1]) {
                throw new IllegalStateException(RESOURCE + ": creator '" + creator + "' lists an element twice");
            }
        }
        return new PrivateCreatorElements(keys, sorted.stream().map(Keyed::entry).toArray(Entry[]::new));
    }

    /** The first entry matching {@code tag}, trying exact, any block, then any block and group low byte. */
    Entry find(int tag) {
        Entry entry = at(key(EXACT, tag));
        if (entry == null) {
            entry = at(key(ANY_BLOCK, tag & ANY_BLOCK_MASK));
        }
        if (entry == null) {
            entry = at(key(ANY_BLOCK_AND_GROUP_LOW_BYTE, tag & ANY_BLOCK_AND_GROUP_LOW_BYTE_MASK));
        }
        return entry;
    }

    private Entry at(long key) {
        int position = Arrays.binarySearch(keys, key);
        return position < 0 ? null : entries[position];
    }

    private static long key(int shape, int maskedTag) {
        return ((long) shape << SHAPE_SHIFT) | (maskedTag & TAG_BITS);
    }

    /** Which of the matched shapes {@code ggggeeee}, {@code ggggxxee}, {@code ggxxxxee} the pattern has. */
    private static int shapeOf(String pattern) {
        if (pattern.indexOf('x') < 0) {
            return EXACT;
        }
        if (ANY_BLOCK_PATTERN.matcher(pattern).matches()) {
            return ANY_BLOCK;
        }
        if (ANY_BLOCK_AND_GROUP_LOW_BYTE_PATTERN.matcher(pattern).matches()) {
            return ANY_BLOCK_AND_GROUP_LOW_BYTE;
        }
        return UNMATCHED;
    }
}
